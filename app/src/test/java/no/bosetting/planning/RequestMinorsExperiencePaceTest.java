package no.bosetting.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The unaccompanied-minor request versioned with the persons request, settlement experience from the
 * system's own settlement data, and monthly pace on the pages and in the allocation engine's round.
 */
@IntegrationTest
class RequestMinorsExperiencePaceTest {

    private static final String BERGEN = "4601";
    private static final String VARDO = "5634";
    private static final String BRONNOY = "1813";

    @Autowired
    CapacityRequests requests;
    @Autowired
    EvenPace pace;
    @Autowired
    RoundBuilder rounds;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    /** A year no other test plans for. */
    private int freshYear() {
        int year = TestClock.today().getYear() + 4;
        jdbc.sql("delete from capacity_request where year = :y").param("y", year).update();
        jdbc.sql("delete from request_input where year = :y").param("y", year).update();
        jdbc.sql("delete from request_criteria where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need_county where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need where year = :y").param("y", year).update();
        return year;
    }

    private void minorsCapacity(String number, int year) {
        RequestInput in = requests.input(number, year);
        requests.saveInput(fixtures.planner(), year, new RequestInput(number, in.countyNumber(), in.population(), in.centrality(),
                1.0, 1.0, null, false, 0, null, null, null, true, null, 0.0)).value();
    }

    @Test
    void theMinorsRequestIsVersionedWithThePersonsRequestAndOldNumbersStay() throws Exception {
        int year = freshYear();
        requests.saveNeed(fixtures.planner(), year, 10_000, TestClock.today(), Map.of()).value();
        requests.saveCriteria(fixtures.planner(), year, new RequestCriteria(RequestCriteria.DEFAULT_WEIGHTS, 10, 30.0, 0, 0, 100)).value();
        minorsCapacity(BERGEN, year);
        minorsCapacity(VARDO, year);

        List<RequestComputation> computed = requests.compute(year);
        RequestComputation bergen = computed.stream().filter(c -> c.municipalityNumber().equals(BERGEN)).findFirst().orElseThrow();
        RequestComputation vardo = computed.stream().filter(c -> c.municipalityNumber().equals(VARDO)).findFirst().orElseThrow();
        // Split by the persons request between the only two municipalities with child-welfare capacity.
        assertThat(bergen.minors()).isEqualTo((int) Math.round(100.0 * bergen.persons() / (bergen.persons() + vardo.persons())));
        assertThat(bergen.minors() + vardo.minors()).isBetween(99, 101);
        assertThat(computed.stream().filter(c -> !c.input().minorsCapacity()).mapToInt(RequestComputation::minors).sum()).isZero();

        assertThat(requests.issue(fixtures.planner(), year, TestClock.today().minusDays(2), "Første runde").value()).isEqualTo(357);
        CapacityRequest first = requests.versions(BERGEN, year).get(0);
        assertThat(first.unaccompaniedMinors()).isEqualTo(bergen.minors());

        // Only the minors need changes: exactly the two municipalities with capacity get a new version.
        requests.saveCriteria(fixtures.planner(), year, new RequestCriteria(RequestCriteria.DEFAULT_WEIGHTS, 10, 30.0, 0, 0, 300)).value();
        assertThat(requests.issue(fixtures.planner(), year, TestClock.today(), "Flere enslige mindreårige").value()).isEqualTo(2);
        List<CapacityRequest> versions = requests.versions(BERGEN, year);
        assertThat(versions).extracting(CapacityRequest::version).containsExactly(2, 1);
        assertThat(versions.get(0).persons()).isEqualTo(first.persons());
        assertThat(versions.get(0).unaccompaniedMinors()).isGreaterThan(first.unaccompaniedMinors());
        assertThat(versions.get(1)).isEqualTo(first);
        assertThat(requests.rounds(year).get(1).unaccompaniedMinors()).isEqualTo(
                versions.get(0).unaccompaniedMinors() + requests.versions(VARDO, year).get(0).unaccompaniedMinors());

        // The pages show the minors number with how it was computed, and requested against decided.
        mvc.perform(get("/kapasitet/anmodninger/{nr}", BERGEN).param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Anmodning for enslige mindreårige: " + versions.get(0).unaccompaniedMinors())))
                .andExpect(content().string(containsString("Behovet for enslige mindreårige, 300,")));
        mvc.perform(get("/kapasitet/anmodninger").param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enslige mindreårige vedtatt")));
    }

    @Test
    void criteriaFormRejectsBadWeightsWithoutLosingTheSavedCriteria() throws Exception {
        int year = freshYear();
        requests.saveCriteria(fixtures.planner(), year, new RequestCriteria(RequestCriteria.DEFAULT_WEIGHTS, 10, 30.0, 0.5, 0.25, 40)).value();
        mvc.perform(post("/kapasitet/anmodninger/kriterier").with(as(fixtures.planner())).with(csrf()).param("year", String.valueOf(year))
                        .param("weight1", "1").param("weight2", "1").param("weight3", "1").param("weight4", "1").param("weight5", "1")
                        .param("weight6", "1").param("minimumPersons", "10").param("closedImmigrantShare", "30")
                        .param("experienceWeight", "mye").param("dispersalWeight", "2").param("minorsNeed", "40"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", Map.of("experienceWeight", "«mye» er ikke et tall.")));
        mvc.perform(post("/kapasitet/anmodninger/kriterier").with(as(fixtures.planner())).with(csrf()).param("year", String.valueOf(year))
                        .param("weight1", "1").param("weight2", "1").param("weight3", "1").param("weight4", "1").param("weight5", "1")
                        .param("weight6", "1").param("minimumPersons", "10").param("closedImmigrantShare", "30")
                        .param("experienceWeight", "1").param("dispersalWeight", "2").param("minorsNeed", "40"))
                .andExpect(flash().attribute("errors", Map.of("dispersalWeight", "Vekten for spredning må være mellom 0 og 1.")));
        RequestCriteria kept = requests.criteria(year);
        assertThat(kept.experienceWeight()).isEqualTo(0.5);
        assertThat(kept.dispersalWeight()).isEqualTo(0.25);
        assertThat(kept.minorsNeed()).isEqualTo(40);
    }

    @Test
    void settlementExperienceComesFromTheSystemsOwnSettlements() throws Exception {
        int year = freshYear();
        int thisYear = TestClock.today().getYear();
        fixtures.resetMunicipality(BRONNOY);
        fixtures.decide(BRONNOY, thisYear, 20, 0);
        long caseId = fixtures.household(fixtures.centre(BRONNOY), 2, TestClock.today().minusDays(40));
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, BRONNOY);
        Actor municipality = fixtures.municipality(BRONNOY);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(municipality, proposal,
                fixtures.plannedDates(caseId, TestClock.today()), null)).value();
        ids.forEach(id -> decisions.registerSettlementDate(id, TestClock.today(), null, municipality).value());

        // Recomputed here from the decisions table: persons settled in the five years before the planning year.
        int settled = jdbc.sql("""
                select count(*) from settlement_decision where municipality_number = :m and status = 'SETTLED'
                and extract(year from settlement_date) between :from and :to
                """).param("m", BRONNOY).param("from", year - 5).param("to", year - 1).query(Integer.class).single();
        assertThat(settled).isGreaterThanOrEqualTo(3);
        RequestInput in = requests.input(BRONNOY, year);
        assertThat(in.settledPer1000Entered()).isNull();
        assertThat(in.settledPer1000System()).isEqualTo(settled * 1000.0 / in.population());

        // An entered figure replaces the system's and is shown in the computation.
        mvc.perform(post("/kapasitet/anmodninger/{nr}", BRONNOY).with(as(fixtures.planner())).with(csrf()).param("year", String.valueOf(year))
                        .param("labourMarketFactor", "1").param("introductionFactor", "1").param("settledPer1000", "12,5")
                        .param("minorsCapacity", "on"))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.input(BRONNOY, year).settledPer1000()).isEqualTo(12.5);
        assertThat(requests.input(BRONNOY, year).minorsCapacity()).isTrue();
        requests.saveNeed(fixtures.planner(), year, 5_000, null, Map.of()).value();
        mvc.perform(get("/kapasitet/anmodninger/{nr}", BRONNOY).param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                // Decimal comma on planning pages (issue 14 item 8); this assertion said "12.50" before that fix.
                .andExpect(content().string(containsString("Bosettingserfaring registrert av planleggeren: 12,50 per 1 000")))
                .andExpect(content().string(containsString("Spredning: størrelsesklassen 5 000–19 999 innbyggere")));
        mvc.perform(post("/kapasitet/anmodninger/{nr}", BRONNOY).with(as(fixtures.planner())).with(csrf()).param("year", String.valueOf(year))
                        .param("labourMarketFactor", "1").param("introductionFactor", "1").param("settledPer1000", "-3"))
                .andExpect(flash().attribute("errors", Map.of("settledPer1000", "Skriv et tall mellom 0 og 1000, eller la feltet stå tomt.")));
        assertThat(requests.input(BRONNOY, year).settledPer1000()).isEqualTo(12.5);
    }

    @Test
    void monthlyPaceIsShownToTheMunicipalityAndOfferedToTheEngine() throws Exception {
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(BRONNOY);
        fixtures.decide(BRONNOY, year, 24, 3);
        try {
            mvc.perform(post("/kapasitet/anmodninger/takt").with(as(fixtures.planner())).with(csrf())
                            .param("year", String.valueOf(year)).param("period", "MONTH"))
                    .andExpect(status().is3xxRedirection());
            assertThat(pace.period(year)).isEqualTo(PacePlan.Period.MONTH);
            assertThat(pace.plan(BRONNOY, year).targets()).hasSize(12);

            Instance february = rounds.build("pace", List.of(), LocalDate.of(year, 2, 1));
            assertThat(february.municipalities().stream().filter(x -> x.number().equals(BRONNOY)).findFirst().orElseThrow()
                    .remainingPlaces()).isEqualTo(4);

            mvc.perform(get("/kommune").with(as(fixtures.municipality(BRONNOY))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Månedsmål utledet av vedtaket på 24 personer")));
            mvc.perform(get("/kapasitet/{nr}", BRONNOY).with(as(fixtures.planner())))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Månedsmål utledet av vedtaket på 24 personer")));
            assertThat(pace.setPeriod(fixtures.caseworker(), year, PacePlan.Period.QUARTER).isSuccess()).isFalse();
        } finally {
            pace.setPeriod(fixtures.planner(), year, PacePlan.Period.QUARTER).value();
        }
        Instance february = rounds.build("pace", List.of(), LocalDate.of(year, 2, 1));
        assertThat(february.municipalities().stream().filter(x -> x.number().equals(BRONNOY)).findFirst().orElseThrow()
                .remainingPlaces()).isEqualTo(6);
    }
}
