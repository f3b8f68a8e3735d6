package no.bosetting.moves;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.statistics.MovesAndHistory;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Secondary moves (issue 14 item 5; report 002 lines 3786–3831, report 001 lines 835–845): the caseworker registers a
 * settled person's or household's move with date, from, to, reason and whether it was agreed; moves within five years
 * of settlement are counted per municipality, out and in, and later ones are not.
 */
@IntegrationTest
class SecondaryMovesTest {

    private static final String BRONNOY = "1813";
    private static final String VEFSN = "1824";
    private static final String BODO = "1804";

    @Autowired
    SecondaryMoves moves;
    @Autowired
    MovesAndHistory statistics;
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

    /** A household of one adult and {@code children} children settled in Brønnøy today. */
    private long settledHousehold(int children) {
        int year = TestClock.today().getYear();
        fixtures.decide(BRONNOY, year, 500, 0);
        long caseId = fixtures.household(fixtures.centre(BRONNOY), children, TestClock.today().minusDays(40));
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, BRONNOY);
        Actor municipality = fixtures.municipality(BRONNOY);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(municipality, proposal,
                fixtures.plannedDates(caseId, TestClock.today()), null)).value();
        ids.forEach(id -> decisions.registerSettlementDate(id, TestClock.today(), null, municipality).value());
        return caseId;
    }

    private int out(int year, String municipality, boolean suppress) {
        return statistics.moves(year, suppress).rows().stream().filter(r -> r.municipalityNumber().equals(municipality))
                .map(r -> r.out() == null ? -1 : r.out()).findFirst().orElse(0);
    }

    private int in(int year, String municipality) {
        return statistics.moves(year, false).rows().stream().filter(r -> r.municipalityNumber().equals(municipality))
                .map(MovesAndHistory.MoveRow::in).findFirst().orElse(0);
    }

    @Test
    void aHouseholdMovesAndIsCountedOutOfAndIntoTheMunicipalities() {
        int year = TestClock.today().getYear();
        int outBefore = out(year, BRONNOY, false);
        int inBefore = in(year, VEFSN);
        long caseId = settledHousehold(2);
        List<Long> ids = moves.register(fixtures.caseworker(), caseId,
                new SecondaryMoves.MoveForm(List.of(), TestClock.today(), VEFSN, MoveReason.WORK, true, "Fast jobb")).value();
        assertThat(ids).hasSize(3); // the whole household: the adult and two children
        List<SecondaryMove> registered = moves.forCase(caseId);
        assertThat(registered).allSatisfy(m -> {
            assertThat(m.fromMunicipality()).isEqualTo(BRONNOY);
            assertThat(m.toMunicipality()).isEqualTo(VEFSN);
            assertThat(m.reason()).isEqualTo(MoveReason.WORK);
            assertThat(m.agreed()).isTrue();
            assertThat(m.withinCountedYears()).isTrue();
        });
        assertThat(out(year, BRONNOY, false)).isEqualTo(outBefore + 3);
        assertThat(in(year, VEFSN)).isEqualTo(inBefore + 3);
        // The public table: no published count of 1–4, and the total does not give a withheld one away.
        MovesAndHistory.Moves published = statistics.moves(year, true);
        assertThat(published.rows()).allSatisfy(r -> {
            assertThat(r.out() == null || r.out() == 0 || r.out() >= 5).as("out of %s", r.municipalityNumber()).isTrue();
            assertThat(r.in() == null || r.in() == 0 || r.in() >= 5).as("into %s", r.municipalityNumber()).isTrue();
        });
        long withheldOut = published.rows().stream().filter(r -> r.out() == null).count();
        assertThat(withheldOut == 0 || withheldOut >= 2 || published.total() == null).as("a single withheld cell next to a total").isTrue();
        // Where each lives now is the last move's destination: a second move of one person goes from Vefsn.
        long child = registered.get(2).personId();
        LocalDate tomorrow = TestClock.today().plusDays(1);
        ShiftableClock.runAt(tomorrow.atStartOfDay(ZoneId.of("Europe/Oslo")).plusHours(12).toInstant(), () ->
                moves.register(fixtures.caseworker(), caseId,
                        new SecondaryMoves.MoveForm(List.of(child), tomorrow, BODO, MoveReason.FAMILY, false, null)).value());
        assertThat(moves.forCase(caseId).get(3).fromMunicipality()).isEqualTo(VEFSN);
        assertThat(moves.residents(caseId)).filteredOn(r -> r.personId() == child).singleElement()
                .extracting(SecondaryMoves.Resident::municipalityNumber).isEqualTo(BODO);
    }

    @Test
    void movesWithinFiveYearsOfSettlementAreCountedAndLaterOnesAreNot() {
        long caseId = settledHousehold(0);
        LocalDate settled = TestClock.today();
        // Four years and eleven months after settlement: counted. Five years and a day: not.
        LocalDate within = settled.plusYears(5).minusDays(30);
        LocalDate after = settled.plusYears(5).plusDays(1);
        List<Long> persons = moves.residents(caseId).stream().map(SecondaryMoves.Resident::personId).toList();
        int outWithinBefore = out(within.getYear(), BRONNOY, false);
        int outAfterBefore = out(after.getYear(), VEFSN, false);
        ShiftableClock.runAt(within.atStartOfDay(ZoneId.of("Europe/Oslo")).plusHours(12).toInstant(), () ->
                moves.register(fixtures.caseworker(), caseId,
                        new SecondaryMoves.MoveForm(List.of(persons.get(0)), within, VEFSN, MoveReason.EDUCATION, true, null)).value());
        ShiftableClock.runAt(after.atStartOfDay(ZoneId.of("Europe/Oslo")).plusHours(12).toInstant(), () ->
                moves.register(fixtures.caseworker(), caseId,
                        new SecondaryMoves.MoveForm(List.of(persons.get(0)), after, BODO, MoveReason.OTHER, false, null)).value());
        assertThat(moves.forCase(caseId)).extracting(SecondaryMove::withinCountedYears).containsExactly(true, false);
        assertThat(out(within.getYear(), BRONNOY, false)).isEqualTo(outWithinBefore + 1);
        assertThat(out(after.getYear(), VEFSN, false)).isEqualTo(outAfterBefore); // after five years: not counted
    }

    @Test
    void badMovesAreRefusedWithTheirReason() {
        long caseId = settledHousehold(0);
        Actor caseworker = fixtures.caseworker();
        assertThat(moves.register(caseworker, caseId, new SecondaryMoves.MoveForm(List.of(), TestClock.today(), BRONNOY, MoveReason.WORK,
                true, null)).failure()).isEqualTo(CommandFailure.RuleBroken.of("toMunicipality", "moves.error.same", "Brønnøy"));
        assertThat(((CommandFailure.RuleBroken) moves.register(caseworker, caseId, new SecondaryMoves.MoveForm(List.of(),
                TestClock.today().minusDays(1), VEFSN, MoveReason.WORK, true, null)).failure()).messageKey()).isEqualTo("moves.error.beforeSettlement");
        assertThat(((CommandFailure.RuleBroken) moves.register(caseworker, caseId, new SecondaryMoves.MoveForm(List.of(),
                TestClock.today().plusDays(1), VEFSN, MoveReason.WORK, true, null)).failure()).messageKey()).isEqualTo("moves.error.future");
        assertThat(((CommandFailure.RuleBroken) moves.register(caseworker, caseId, new SecondaryMoves.MoveForm(List.of(),
                TestClock.today(), VEFSN, null, true, null)).failure()).messageKey()).isEqualTo("moves.error.reason");
        assertThat(moves.register(fixtures.planner(), caseId, new SecondaryMoves.MoveForm(List.of(), TestClock.today(), VEFSN,
                MoveReason.WORK, true, null)).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        // A household not yet settled has no one to move.
        long waiting = fixtures.household(fixtures.centre(BRONNOY), 0, TestClock.today().minusDays(10));
        assertThat(moves.register(caseworker, waiting, new SecondaryMoves.MoveForm(List.of(), TestClock.today(), VEFSN, MoveReason.WORK,
                true, null)).failure()).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(moves.forCase(caseId)).isEmpty();
    }

    @Test
    void theCaseworkerRegistersAMoveOnTheCasePageAndThroughTheApi() throws Exception {
        long caseId = settledHousehold(1);
        mvc.perform(post("/saker/{id}/flyttinger", caseId).with(as(fixtures.caseworker())).with(csrf())
                        .param("movedOn", TestClock.today().toString()).param("toMunicipality", VEFSN))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("moveErrors", java.util.Map.of("move-reason", "Velg årsak til flyttingen.")));
        mvc.perform(post("/saker/{id}/flyttinger", caseId).with(as(fixtures.caseworker())).with(csrf())
                        .param("movedOn", TestClock.today().toString()).param("toMunicipality", VEFSN).param("reason", "FAMILY")
                        .param("agreed", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "Flyttingen er registrert for 2 personer."));
        mvc.perform(get("/saker/{id}", caseId).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Flytting etter bosetting")))
                .andExpect(content().string(containsString("Ja, innen 5 år")));
        mvc.perform(post("/api/v1/cases/{id}/moves", caseId).with(as(fixtures.caseworker())).contentType("application/json")
                        .content("{\"date\":\"" + TestClock.today() + "\",\"toMunicipality\":\"" + BODO + "\",\"reason\":\"EDUCATION\",\"agreed\":false}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("movedOn")); // the same day as the last move
        mvc.perform(get("/api/v1/cases/{id}/moves", caseId).with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].countedWithinFiveYears").value(true));
        mvc.perform(get("/statistikk").with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Flytting innen fem år etter bosetting")))
                .andExpect(content().string(containsString("Anmodet, vedtatt og bosatt per år (IMDi)")));
    }
}
