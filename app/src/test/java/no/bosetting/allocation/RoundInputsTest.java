package no.bosetting.allocation;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.indicators.Indicator;
import no.bosetting.indicators.IndicatorCsvImport;
import no.bosetting.indicators.IndicatorValues;
import no.bosetting.interview.AllocationFacts;
import no.bosetting.interview.AllocationFacts.CloseFamilyKind;
import no.bosetting.interview.AllocationNeed;
import no.bosetting.interview.InterviewFacts;
import no.bosetting.municipalities.MunicipalService;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.ServiceCatalogue;
import no.bosetting.planning.CapacityRequests;
import no.bosetting.shared.CommandFailure;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 23 item 1: the real case reaches the engine — every input the round builder is given, checked in its output. */
@IntegrationTest
class RoundInputsTest {

    /** A year of its own, so imported figures, decisions and the national need touch no other test. */
    static final int YEAR = 2094;
    static final LocalDate DAY = LocalDate.of(YEAR, 3, 1);

    static final no.bosetting.access.Actor ADMIN = new no.bosetting.access.Actor("admin-test", "Admin",
            no.bosetting.access.Role.AGENCY_ADMIN, null, null);

    @Autowired
    RoundBuilder rounds;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    InterviewFacts facts;
    @Autowired
    AllocationPolicies policies;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorCsvImport csvImport;
    @Autowired
    IndicatorValues indicators;
    @Autowired
    CapacityRequests requests;
    @Autowired
    Municipalities municipalities;
    @Autowired
    MockMvc mvc;

    long readyHousehold(int children) {
        long id = fixtures.household(fixtures.centre("3403"), children);
        fixtures.ready(id);
        return id;
    }

    void record(long caseId, AllocationFacts f) {
        assertThat(CommandResult.attempt(() -> facts.record(caseId, f, fixtures.caseworker())).isSuccess()).isTrue();
    }

    static AllocationFacts facts(String close, CloseFamilyKind kind, String wider, String network, String job, Integer hours,
                                 String study, Set<AllocationNeed> needs, Long together) {
        return new AllocationFacts(close, kind, wider, network, job, hours, study, needs, together);
    }

    @Test
    void everyInputOfTheCaseReachesTheEngine() {
        // The service catalogue: Trondheim offers accessible dwellings (report 000 lines 3757-3762 for close family).
        catalogue.record(fixtures.caseworker(), "5001", MunicipalService.ACCESSIBLE_DWELLING, TestClock.today().minusDays(10), null, null)
                .value();
        long close = readyHousehold(2);
        record(close, facts("5001", CloseFamilyKind.SPOUSE_OR_COHABITANT, "4601", null, null, null, null,
                Set.of(AllocationNeed.ACCESSIBLE_DWELLING), null));
        long bindingJob = readyHousehold(0);
        record(bindingJob, facts(null, null, null, "0301", "1103", 20, null, Set.of(), null));
        long shortJob = readyHousehold(0);
        record(shortJob, facts(null, null, null, null, "1103", 10, "4601", Set.of(), null));
        long study = readyHousehold(0);
        record(study, facts(null, null, null, null, null, null, "4601", Set.of(), null));
        long sibling1 = readyHousehold(0);
        long sibling2 = readyHousehold(0);
        record(sibling2, facts(null, null, null, null, null, null, null, Set.of(), sibling1));
        long dwelling = readyHousehold(1);
        jdbc.sql("""
                insert into self_settlement_request (case_id, municipality_number, status, address, landlord_name, lease_start,
                    monthly_rent, rooms, registered_by_role, approved_municipality, approved_persons, place_year,
                    created_at, created_by, updated_at, updated_by)
                values (:c, '3407', 'APPROVED', 'Storgata 1', 'Utleier', :d, 9000, 2, 'MUNICIPALITY_OFFICER', '3407', 2, :y,
                    now(), 'test', now(), 'test')
                """).param("c", dwelling).param("d", DAY).param("y", YEAR).update();

        // Heavy cases in the last 12 months: a household of five decided for Gjøvik, which has no share of the year's places
        // (capacity decisions exist only for 2025-2030, so the year of its own has none).
        long large = fixtures.household(fixtures.centre("3403"), 4);
        for (Long person : cases.personIds(large)) {
            jdbc.sql("""
                    insert into settlement_decision (case_id, person_id, municipality_number, status, decided_at, decided_by,
                        planned_settlement_date, place_year, created_at, created_by, updated_at, updated_by)
                    values (:c, :p, '3407', 'OFFERED', :at, 'test', :d, :y, now(), 'test', now(), 'test')
                    """).param("c", large).param("p", person).param("at", DAY.minusMonths(2).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                    .param("d", DAY).param("y", YEAR).update();
        }
        // Indicator data and the immigrant-share rule: Lillehammer's share closes it once the national need is recorded.
        csvImport.importCsv(new StringReader("kommunenummer,indikator,aar,verdi,kilde,tabell\n"
                + "3405,innvandrerandel," + YEAR + ",45,SSB,09817\n"
                + "3403,arbeidsledighet," + YEAR + ",0,NAV,helt ledige\n"
                + "3403,introduksjon_arbeid_utdanning," + YEAR + ",100,IMDi,intro\n"
                + "3405,arbeidsledighet," + YEAR + ",100,NAV,helt ledige\n"
                + "3405,introduksjon_arbeid_utdanning," + YEAR + ",0,IMDi,intro\n"), "test.csv", fixtures.planner());
        requests.saveNeed(fixtures.planner(), YEAR, 5_500, TestClock.today(), Map.of()).value();

        List<CaseSummary> summaries = List.of(close, bindingJob, shortJob, study, sibling1, sibling2, dwelling).stream()
                .map(id -> cases.summaryForSystem(id).orElseThrow()).toList();
        RoundBuilder.Round round = rounds.buildRound("inputs", summaries, DAY, policies.current());
        Map<String, Household> h = round.instance().households().stream().collect(Collectors.toMap(Household::id, Function.identity()));
        Map<String, Municipality> m = round.instance().municipalities().stream()
                .collect(Collectors.toMap(Municipality::number, Function.identity()));

        assertThat(m.get("5001").services()).contains("tilrettelagt_bolig");
        Household c = h.get(String.valueOf(close));
        assertThat(c.requiredServices()).containsExactly("tilrettelagt_bolig");
        assertThat(c.closeFamilyMunicipality()).as("close family binds").isEqualTo("5001");
        assertThat(c.widerFamilyMunicipality()).as("wider family is soft").isEqualTo("4601");

        Household j = h.get(String.valueOf(bindingJob));
        assertThat(j.closeFamilyMunicipality()).as("a job offer of 15 hours or more binds").isEqualTo("1103");
        assertThat(round.boundByJob()).containsExactly(String.valueOf(bindingJob));
        assertThat(j.widerFamilyMunicipality()).as("the network is soft").isEqualTo("0301");
        Household s = h.get(String.valueOf(shortJob));
        assertThat(s.closeFamilyMunicipality()).isNull();
        assertThat(s.jobOrStudyMunicipality()).as("a short job offer is a strong preference").isEqualTo("1103");
        assertThat(h.get(String.valueOf(study)).jobOrStudyMunicipality()).as("study admission is soft").isEqualTo("4601");

        assertThat(h.get(String.valueOf(sibling1)).togetherGroup()).isNotNull()
                .isEqualTo(h.get(String.valueOf(sibling2)).togetherGroup());
        assertThat(h.get(String.valueOf(study)).togetherGroup()).isNull();
        assertThat(h.get(String.valueOf(dwelling)).approvedDwellingMunicipality()).isEqualTo("3407");

        assertThat(m.get("3407").heavyCaseLoad()).as("heavy share far above its share of places").isEqualTo(1.0);
        assertThat(m.get("0301").heavyCaseLoad()).isZero();
        assertThat(m.get("3405").closedToRequests()).as("immigrant share at or above the rule's share").isTrue();
        assertThat(m.get("3403").closedToRequests()).isFalse();

        assertThat(m.get("3403").labourMarketIndex()).as("the lowest unemployment is the best labour market").isEqualTo(1.0);
        assertThat(m.get("3403").educationIndex()).isEqualTo(1.0);
        assertThat(m.get("3405").educationIndex()).isEqualTo(0.0);
        assertThat(round.educationFallback()).doesNotContain("3403", "3405");
        Set<String> withUnemployment = indicators.latest(Indicator.UNEMPLOYMENT, YEAR).keySet();
        for (no.bosetting.municipalities.Municipality x : municipalities.all()) {
            boolean fallback = !withUnemployment.contains(x.number());
            assertThat(round.labourFallback().contains(x.number())).isEqualTo(fallback);
            if (fallback) {
                assertThat(m.get(x.number()).labourMarketIndex()).isEqualTo((7 - x.centrality()) / 6.0);
            }
        }

        // When the policy makes close family and jobs soft, they weigh instead of binding.
        Map<String, Double> weights = policies.current().weights();
        policies.saveNewVersion(ADMIN, weights, "Mykere regler i test", false, false).value();
        try {
            RoundBuilder.Round soft = rounds.buildRound("soft", summaries, DAY, policies.current());
            Household cs = soft.instance().households().stream().filter(x -> x.id().equals(String.valueOf(close))).findFirst().orElseThrow();
            assertThat(cs.closeFamilyMunicipality()).isNull();
            assertThat(cs.widerFamilyMunicipality()).isEqualTo("5001");
            Household js = soft.instance().households().stream().filter(x -> x.id().equals(String.valueOf(bindingJob))).findFirst().orElseThrow();
            assertThat(js.closeFamilyMunicipality()).isNull();
            assertThat(js.jobOrStudyMunicipality()).isEqualTo("1103");
        } finally {
            policies.saveNewVersion(ADMIN, weights, "Tilbake til bindende regler", true, true).value();
        }
    }

    @Test
    void badInputIsRefusedAtTheFieldWithTheReason() throws Exception {
        long a = readyHousehold(0);
        CommandFailure noHours = facts.record(a, facts(null, null, null, null, "1103", null, null, Set.of(), null), fixtures.caseworker())
                .failure();
        assertThat(noHours).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.field()).isEqualTo("jobHoursPerWeek"));

        long notReady = fixtures.household(fixtures.centre("3403"), 0);
        CommandFailure readiness = facts.record(a, facts(null, null, null, null, null, null, null, Set.of(), notReady), fixtures.caseworker())
                .failure();
        assertThat(readiness).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.field()).isEqualTo("togetherWithCaseId"));

        // Molde has no special-needs schooling in its catalogue; close family binds the household there.
        CommandFailure missing = facts.record(a, facts("1506", CloseFamilyKind.PARENT, null, null, null, null, null,
                Set.of(AllocationNeed.SPECIAL_NEEDS_SCHOOLING), null), fixtures.caseworker()).failure();
        assertThat(missing).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.field()).isEqualTo("needs"));

        CommandFailure kindless = facts.record(a, facts("1506", null, null, null, null, null, null, Set.of(), null), fixtures.caseworker())
                .failure();
        assertThat(kindless).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.field()).isEqualTo("closeFamilyKind"));
        assertThat(facts.find(a)).isEmpty();

        mvc.perform(post("/saker/" + a + "/samtale/tilknytning").with(csrf()).with(as(fixtures.caseworker()))
                        .param("jobMunicipality", "1103").param("togetherWithCaseId", String.valueOf(notReady)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv hvor mange timer i uka jobbtilbudet gjelder.")))
                .andExpect(content().string(containsString("er ikke like klar for fordeling som denne")))
                .andExpect(content().string(containsString("id=\"jobHoursPerWeek-error\"")))
                .andExpect(content().string(containsString("id=\"togetherWithCaseId-error\"")));
        mvc.perform(post("/fordeling/tjenester").with(csrf()).with(as(fixtures.caseworker()))
                        .param("kommune", "1506").param("service", "SHARED_HOUSING").param("validFrom", "2026-05-01")
                        .param("validTo", "2026-04-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sluttdatoen kan ikke være før startdatoen.")))
                .andExpect(content().string(containsString("id=\"validTo-error\"")));
        mvc.perform(post("/kommune/tjenester").with(csrf()).with(as(fixtures.municipality("1506")))
                        .param("service", "SHARED_HOUSING").param("validFrom", "2026-05-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(catalogue.entries("1506")).extracting(ServiceCatalogue.Entry::service).contains(MunicipalService.SHARED_HOUSING);
    }
}
