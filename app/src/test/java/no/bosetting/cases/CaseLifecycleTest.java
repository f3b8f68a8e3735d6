package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 items 3 and 4 on the embedded database: the living-situation history through its commands, and the life
 * cycle — closing and withdrawing an offered case release its places and tell the municipality, a temporary absence
 * with the municipality's hold or release and the return, reopening. Every refusal changes nothing.
 */
@IntegrationTest
class CaseLifecycleTest {

    /** The municipality these households are offered in; no other test uses it. */
    static final String HAA = "1119";
    static final String SOGNDAL = "4640";

    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseCommands commands;
    @Autowired
    CaseLifecycle lifecycle;
    @Autowired
    LivingSituations living;
    @Autowired
    CaseQueries cases;
    @Autowired
    PermitImport permitImport;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LongWaitingDeadlines longWaiting;

    LocalDate today;
    int year;

    @BeforeEach
    void places() {
        today = TestClock.today();
        fixtures.resetMunicipality(HAA);
        year = fixtures.decidePlannedYear(HAA, today.plusDays(20), 50, 0);
    }

    // ---- living situation --------------------------------------------------------------------------------

    @Test
    void aCaseworkerRecordsAMoveToAmotAndTheCentreNoLongerSeesTheHousehold() {
        long centre = fixtures.centre(SOGNDAL);
        long caseId = fixtures.household(centre, 1);
        Actor staff = fixtures.reception(centre);
        assertThat(cases.summary(caseId, staff)).isPresent();

        LocalDate moved = today.minusDays(3);
        assertThat(living.record(caseId, fixtures.caseworker(), LivingSituation.AMOT, moved, null, SOGNDAL).value())
                .isEqualTo(LivingSituation.AMOT);

        List<ResidencePeriods.Period> periods = living.periods(caseId);
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).to()).isEqualTo(moved);
        assertThat(periods.get(1)).isEqualTo(new ResidencePeriods.Period(LivingSituation.AMOT, null, SOGNDAL, moved, null));
        // Every member's history follows the household's.
        assertThat(jdbc.sql("select count(*) from residence_history where to_date is null and kind = 'AMOT' and person_id in (select id from person where case_id = :c)")
                .param("c", caseId).query(Long.class).single()).isEqualTo(2L);
        CaseSummary summary = cases.summaryForSystem(caseId).orElseThrow();
        assertThat(summary.livingSituation()).isEqualTo(LivingSituation.AMOT);
        assertThat(summary.receptionCentreId()).isNull();
        // The centre's scope follows the history: the household lives elsewhere now.
        assertThat(cases.summary(caseId, staff)).isEmpty();
        assertThat(living.changes(caseId)).singleElement().satisfies(c -> {
            assertThat(c.changedBy()).isEqualTo(fixtures.caseworker().username());
            assertThat(c.before()).contains("RECEPTION_CENTRE");
            assertThat(c.after()).contains("AMOT");
        });
        assertThat(cases.history(caseId)).anySatisfy(h -> assertThat(h.command()).isEqualTo("RECORD_LIVING_SITUATION"));
    }

    @Test
    void overlappingPeriodsAndMamotOutsideItsWindowAreRefusedAndChangeNothing() {
        long centre = fixtures.centre(SOGNDAL);
        long caseId = fixtures.household(centre, 0, today.minusDays(40));
        String before = state(caseId);

        // A new period beginning before the current one (from the permit date) would overlap it.
        assertRule(CommandResult.attempt(() -> living.record(caseId, fixtures.caseworker(), LivingSituation.PRIVATE,
                today.minusDays(60), null, SOGNDAL)), "from", "error.residence.overlap");
        // MAMOT today lies outside the scheme's window (16.03.2022–15.02.2024).
        assertRule(CommandResult.attempt(() -> living.record(caseId, fixtures.caseworker(), LivingSituation.MAMOT,
                today.minusDays(1), null, SOGNDAL)), "kind", "error.residence.mamotWindow");
        assertRule(CommandResult.attempt(() -> living.record(caseId, fixtures.caseworker(), LivingSituation.AMOT,
                today.plusDays(1), null, SOGNDAL)), "from", "error.date.future");
        assertRule(CommandResult.attempt(() -> living.record(caseId, fixtures.caseworker(), LivingSituation.RECEPTION_CENTRE,
                today, null, null)), "receptionCentreId", "error.receptionCentre.required");
        // A correction needs a reason; reception staff record but do not correct; another centre does not see it.
        assertRule(CommandResult.attempt(() -> living.correct(caseId, fixtures.caseworker(), today.minusDays(40), LivingSituation.PRIVATE,
                today.minusDays(40), null, SOGNDAL, " ")), "reason", "error.reason.required");
        assertThat(CommandResult.attempt(() -> living.correct(caseId, fixtures.reception(centre), today.minusDays(40),
                LivingSituation.PRIVATE, today.minusDays(40), null, SOGNDAL, "Feil")).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(CommandResult.attempt(() -> living.record(caseId, fixtures.reception(fixtures.centre(SOGNDAL)), LivingSituation.AMOT,
                today, null, SOGNDAL)).failure()).isInstanceOf(CommandFailure.NotFound.class);

        assertThat(state(caseId)).isEqualTo(before);
    }

    @Test
    void aCorrectionMovesTheBoundaryAndKeepsBeforeAndAfter() {
        long centre = fixtures.centre(SOGNDAL);
        LocalDate permit = today.minusDays(50);
        long caseId = fixtures.household(centre, 0, permit);
        living.record(caseId, fixtures.reception(centre), LivingSituation.PRIVATE, today.minusDays(10), null, SOGNDAL).value();
        // The move was in fact to AMOT, five days earlier.
        living.correct(caseId, fixtures.caseworker(), today.minusDays(10), LivingSituation.AMOT, today.minusDays(15), null, SOGNDAL,
                "Kommunen meldte AMOT-vedtak").value();
        assertThat(living.periods(caseId)).containsExactly(
                new ResidencePeriods.Period(LivingSituation.RECEPTION_CENTRE, centre, SOGNDAL, permit, today.minusDays(15)),
                new ResidencePeriods.Period(LivingSituation.AMOT, null, SOGNDAL, today.minusDays(15), null));
        assertThat(living.changes(caseId)).hasSize(2).last().satisfies(c -> {
            assertThat(c.command()).isEqualTo("CORRECT");
            assertThat(c.before()).contains("PRIVATE");
            assertThat(c.after()).contains("AMOT").doesNotContain("PRIVATE");
            assertThat(c.reason()).isEqualTo("Kommunen meldte AMOT-vedtak");
        });
    }

    @Test
    void anImportRowForAPermitAlreadyImportedRecordsWhereTheHouseholdLivesNow() {
        long centre = fixtures.centre(SOGNDAL);
        String reference = "TEST-" + Fixtures.next();
        PermitImportRequest.PersonData person = new PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Olena", "Testenko",
                LocalDate.of(1990, 1, 1), "F", "UKR", Relation.MAIN, null, null);
        ImportOutcome first = permitImport.importPermit(new PermitImportRequest(reference, PermitType.COLLECTIVE_PROTECTION,
                today.minusDays(30), LivingSituation.RECEPTION_CENTRE, centre, null, List.of(person)), fixtures.caseworker());
        ImportOutcome again = permitImport.importPermit(new PermitImportRequest(reference, PermitType.COLLECTIVE_PROTECTION,
                today.minusDays(30), LivingSituation.RECEPTION_CENTRE, centre, null, List.of(person)), fixtures.caseworker());
        assertThat(again.created()).isFalse();
        assertThat(living.changes(first.caseId())).isEmpty();

        permitImport.importPermit(new PermitImportRequest(reference, PermitType.COLLECTIVE_PROTECTION,
                today.minusDays(30), LivingSituation.PRIVATE, null, SOGNDAL, List.of(person)), fixtures.caseworker());
        assertThat(living.periods(first.caseId())).last()
                .isEqualTo(new ResidencePeriods.Period(LivingSituation.PRIVATE, null, SOGNDAL, today, null));
        assertThat(living.changes(first.caseId())).singleElement().satisfies(c -> assertThat(c.command()).isEqualTo("IMPORT"));
    }

    @Test
    void theMoveOutAndThePermitImportObeyTheSameHistoryRules() {
        long centre = fixtures.centre(SOGNDAL);
        long caseId = fixtures.household(centre, 0, today.minusDays(30));
        String before = state(caseId);
        // A move-out before the household came to the centre would overlap the centre's period.
        assertRule(CommandResult.attempt(() -> commands.recordMoveOut(caseId, fixtures.reception(centre), today.minusDays(31),
                LivingSituation.PRIVATE, SOGNDAL)), "date", "error.residence.overlap");
        assertThat(state(caseId)).isEqualTo(before);

        // MAMOT ended with effect from 15 February 2024: a permit imported as MAMOT now is refused, naming the field.
        ImportOutcome mamot = permitImport.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(), PermitType.COLLECTIVE_PROTECTION,
                today.minusDays(10), LivingSituation.MAMOT, null, SOGNDAL, List.of(new PermitImportRequest.PersonData(Fixtures.duf(), null,
                null, "Iryna", "Testenko", LocalDate.of(1980, 5, 5), "F", "UKR", Relation.MAIN, null, null))), fixtures.caseworker());
        assertThat(mamot.ok()).isFalse();
        assertThat(mamot.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("livingSituation");
            assertThat(p.messageKey()).isEqualTo("error.residence.mamotWindow");
        });
    }

    // ---- closing and withdrawing an offered case -------------------------------------------------------------

    @Test
    void closingAnOfferedCaseForADeathNeedsNoInformedRecordReleasesThePlacesAndTellsTheMunicipality() {
        long caseId = offered(1);
        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isEqualTo(2);
        assertThat(commands.validCommands(caseId, fixtures.caseworker())).contains(CaseCommand.CLOSE_WITH_OFFER)
                .doesNotContain(CaseCommand.CLOSE);

        assertThat(commands.close(caseId, fixtures.caseworker(), CloseReason.DECEASED, "Dødsfall", null).value())
                .isEqualTo(CaseStatus.CLOSED);

        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isZero();
        assertThat(decisions.forCase(caseId)).extracting(SettlementDecision::status).containsOnly(DecisionStatus.RELEASED);
        assertThat(commands.informedRecords(caseId)).isEmpty();
        assertThat(threadMessages(caseId)).anySatisfy(m -> assertThat(m).contains("Saken er avsluttet", "frigitt", "Dødsfall"));
        assertThat(cases.history(caseId)).anySatisfy(h -> assertThat(h.command()).isEqualTo("CLOSE_WITH_OFFER"));
    }

    @Test
    void closingAnOfferedCaseByOwnChoiceWithoutTheInformedRecordIsRefusedAndKeepsThePlaces() {
        long caseId = offered(0);
        String before = state(caseId);
        CommandResult<CaseStatus> refused = CommandResult.attempt(() -> commands.close(caseId, fixtures.caseworker(),
                CloseReason.MOVED_OUT_OF_RECEPTION, "Flyttet til venner", null));
        assertRule(refused, "informed", "error.informed.required");
        assertThat(state(caseId)).isEqualTo(before);
        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isEqualTo(1);
        assertThat(threadMessages(caseId)).noneSatisfy(m -> assertThat(m).contains("avsluttet"));
    }

    @Test
    void withdrawingAnOfferNeedsAReasonThenReleasesThePlacesAndTheHouseholdIsReadyAgain() {
        long caseId = offered(0);
        String before = state(caseId);
        assertRule(CommandResult.attempt(() -> commands.withdrawOffer(caseId, fixtures.caseworker(), "")), "reason", "error.reason.required");
        assertThat(CommandResult.attempt(() -> commands.withdrawOffer(caseId, fixtures.municipality(HAA), "Nei")).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(state(caseId)).isEqualTo(before);

        assertThat(commands.withdrawOffer(caseId, fixtures.caseworker(), "Husstanden har flyttet til en annen kommune").value())
                .isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isZero();
        assertThat(cases.summaryForSystem(caseId).orElseThrow().settlementMunicipality()).isNull();
        assertThat(threadMessages(caseId)).anySatisfy(m -> assertThat(m).contains("trukket tilbudet", "frigitt"));
    }

    // ---- temporarily absent ----------------------------------------------------------------------------------

    @Test
    void anAbsentHouseholdWhosePlacesTheMunicipalityHoldsReturnsToItsOffer() {
        long caseId = offered(0);
        assertThat(lifecycle.markAbsent(caseId, fixtures.caseworker(), today.minusDays(2), today.plusDays(30), "Reist til Ukraina").value())
                .isEqualTo(CaseStatus.TEMPORARILY_ABSENT);
        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isEqualTo(1);
        assertThat(threadMessages(caseId)).anySatisfy(m -> assertThat(m).contains("midlertidig borte", "Reist til Ukraina"));

        // The accepting municipality still sees its household and chooses; another municipality and the agency do not.
        Actor officer = fixtures.municipality(HAA);
        assertThat(cases.summary(caseId, officer)).isPresent();
        assertThat(commands.validCommands(caseId, officer)).containsExactly(CaseCommand.HOLD_PLACES, CaseCommand.RELEASE_PLACES);
        assertThat(CommandResult.attempt(() -> lifecycle.choosePlaces(caseId, fixtures.municipality(SOGNDAL), CaseAbsence.PlacesChoice.HOLD)).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(CommandResult.attempt(() -> lifecycle.choosePlaces(caseId, fixtures.caseworker(), CaseAbsence.PlacesChoice.RELEASE)).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isEqualTo(1);

        assertThat(lifecycle.choosePlaces(caseId, officer, CaseAbsence.PlacesChoice.HOLD).value()).isEqualTo(CaseAbsence.PlacesChoice.HOLD);
        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isEqualTo(1);
        assertThat(commands.validCommands(caseId, officer)).containsExactly(CaseCommand.RELEASE_PLACES);

        assertRule(CommandResult.attempt(() -> lifecycle.returnFromAbsence(caseId, fixtures.caseworker(), today.minusDays(3))),
                "returnedOn", "error.absence.returnBeforeAbsence");
        assertThat(lifecycle.returnFromAbsence(caseId, fixtures.caseworker(), today).value()).isEqualTo(CaseStatus.OFFERED);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().settlementMunicipality()).isEqualTo(HAA);
        assertThat(decisions.forCase(caseId)).extracting(SettlementDecision::status).containsOnly(DecisionStatus.OFFERED);
        assertThat(lifecycle.current(caseId)).isEmpty();
    }

    @Test
    void whenTheMunicipalityReleasesThePlacesTheHouseholdReturnsToAllocation() {
        long caseId = offered(1);
        lifecycle.markAbsent(caseId, fixtures.caseworker(), today, today.plusDays(60), null).value();
        Actor officer = fixtures.municipality(HAA);
        assertThat(lifecycle.choosePlaces(caseId, officer, CaseAbsence.PlacesChoice.RELEASE).value()).isEqualTo(CaseAbsence.PlacesChoice.RELEASE);

        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isZero();
        assertThat(decisions.forCase(caseId)).extracting(SettlementDecision::status).containsOnly(DecisionStatus.RELEASED);
        assertThat(cases.summary(caseId, officer)).isEmpty();
        assertThat(threadMessages(caseId)).anySatisfy(m -> assertThat(m).contains("frigitt plassene"));
        assertThat(CommandResult.attempt(() -> lifecycle.choosePlaces(caseId, fixtures.caseworker(), CaseAbsence.PlacesChoice.HOLD)).failure()).isNotNull();

        assertThat(lifecycle.returnFromAbsence(caseId, fixtures.caseworker(), today).value()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(readySince(caseId)).isNotNull();
    }

    @Test
    void anAbsenceNeedsItsDatesAndChangesNothingWhenRefused() {
        long centre = fixtures.centre(SOGNDAL);
        long caseId = fixtures.household(centre, 0);
        fixtures.ready(caseId);
        String before = state(caseId);
        assertRule(CommandResult.attempt(() -> lifecycle.markAbsent(caseId, fixtures.reception(centre), today.minusDays(1),
                today.minusDays(1), null)), "expectedReturn", "error.absence.returnPast");
        assertRule(CommandResult.attempt(() -> lifecycle.markAbsent(caseId, fixtures.reception(centre), null, today, null)),
                "from", "error.date.required");
        assertThat(CommandResult.attempt(() -> lifecycle.markAbsent(caseId, fixtures.municipality(HAA), today, today, null)).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(state(caseId)).isEqualTo(before);

        // Without an offer there are no places to choose about; the return goes back to ready for allocation.
        lifecycle.markAbsent(caseId, fixtures.reception(centre), today, today.plusDays(10), null).value();
        assertThat(commands.validCommands(caseId, fixtures.caseworker())).contains(CaseCommand.RETURN_FROM_ABSENCE)
                .doesNotContain(CaseCommand.HOLD_PLACES, CaseCommand.RELEASE_PLACES);
        assertThat(lifecycle.returnFromAbsence(caseId, fixtures.reception(centre), today).value()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
    }

    // ---- reopening -------------------------------------------------------------------------------------------

    @Test
    void aClosedCaseIsReopenedWithAReasonWithinSixMonthsOfThePermit() {
        long centre = fixtures.centre(SOGNDAL);
        long caseId = fixtures.household(centre, 0, today.minusMonths(2));
        fixtures.ready(caseId);
        commands.close(caseId, fixtures.caseworker(), CloseReason.LEFT_NORWAY, "Reiste", null).value();
        String before = state(caseId);
        assertRule(CommandResult.attempt(() -> lifecycle.reopen(caseId, fixtures.caseworker(), " ")), "reason", "error.reason.required");
        assertThat(CommandResult.attempt(() -> lifecycle.reopen(caseId, fixtures.reception(centre), "Tilbake")).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(state(caseId)).isEqualTo(before);

        assertThat(lifecycle.reopen(caseId, fixtures.caseworker(), "Kom tilbake til Norge og søker bosetting").value())
                .isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(readySince(caseId)).isNull();
        assertThat(jdbc.sql("select count(*) from settlement_case where id = :c and closed_reason is null and settlement_municipality is null")
                .param("c", caseId).query(Long.class).single()).isEqualTo(1L);
        // Mapping again leads to allocation, the waiting counted from then.
        fixtures.ready(caseId);
        assertThat(readySince(caseId)).isEqualTo(today);
    }

    @Test
    void theLongWaitingDeadlineStopsWhileAClosedCaseIsClosedAndRestartsWhenItIsReopened() {
        // A family (three-month target) four months after its permit is long-waiting, counted from the permit throughout.
        long caseId = fixtures.household(fixtures.centre(SOGNDAL), 1, today.minusMonths(4));
        fixtures.ready(caseId);
        assertThat(longWaiting.evaluate(today)).anySatisfy(i -> assertThat(i.itemKey()).isEqualTo("case:" + caseId));
        commands.close(caseId, fixtures.caseworker(), CloseReason.LEFT_NORWAY, null, null).value();
        assertThat(longWaiting.evaluate(today)).noneSatisfy(i -> assertThat(i.itemKey()).isEqualTo("case:" + caseId));
        lifecycle.reopen(caseId, fixtures.caseworker(), "Tilbake i Norge").value();
        assertThat(longWaiting.evaluate(today)).anySatisfy(i -> assertThat(i.itemKey()).isEqualTo("case:" + caseId));
    }

    @Test
    void aCaseClosedMoreThanSixMonthsAfterThePermitIsNotReopened() {
        long caseId = fixtures.household(fixtures.centre(SOGNDAL), 0, today.minusMonths(7));
        commands.close(caseId, fixtures.caseworker(), CloseReason.DECEASED, null, null).value();
        String before = state(caseId);
        assertRule(CommandResult.attempt(() -> lifecycle.reopen(caseId, fixtures.caseworker(), "Feilregistrert")), "reason",
                "error.reopen.tooLate");
        assertThat(state(caseId)).isEqualTo(before);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A household of one adult and {@code children} children, accepted by Hå. */
    long offered(int children) {
        long caseId = fixtures.household(fixtures.centre(SOGNDAL), children);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, HAA);
        proposals.accept(fixtures.municipality(HAA), proposal, fixtures.plannedDates(caseId, today.plusDays(20)), null).value();
        return caseId;
    }

    LocalDate readySince(long caseId) {
        return jdbc.sql("select ready_since from settlement_case where id = :c").param("c", caseId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
    }

    List<String> threadMessages(long caseId) {
        return jdbc.sql("select m.body from message m join message_thread t on t.id = m.thread_id where t.case_id = :c order by m.id")
                .param("c", caseId).query(String.class).list();
    }

    String state(long caseId) {
        return jdbc.sql("""
                select c.status || ':' || c.living_situation || ':' || coalesce(c.settlement_municipality, '-') || ':' || c.version
                    || ':' || (select count(*) from residence_history h join person p on p.id = h.person_id where p.case_id = c.id)
                    || ':' || (select count(*) from residence_change r where r.case_id = c.id)
                    || ':' || (select count(*) from case_absence a where a.case_id = c.id)
                    || ':' || (select count(*) from case_history h where h.case_id = c.id)
                    || ':' || coalesce((select string_agg(d.status, ',' order by d.id) from settlement_decision d where d.case_id = c.id), '-')
                from settlement_case c where c.id = :c
                """).param("c", caseId).query(String.class).single();
    }

    static void assertRule(CommandResult<?> result, String field, String key) {
        assertThat(result.isSuccess()).as("refused").isFalse();
        assertThat(result.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> {
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.messageKey()).isEqualTo(key);
        });
    }
}
