package no.bosetting.selfsettlement;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.PermitType;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The request lifecycle, its typed failures, the places it takes, and the opt-in window. */
@IntegrationTest
class SelfSettlementLifecycleTest extends SelfSettlementTestSupport {

    private static final String ULSTEIN = "1516";
    private static final String HAREID = "1517";
    private static final String SANDE = "1514";
    private static final String HERØY = "1515";
    private static final String AUKRA = "1547";
    private static final String ØRSTA = "1520";

    @Autowired
    CaseQueries cases;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    RoundBuilder rounds;
    @Autowired
    no.bosetting.cases.PermitImport permitImport;
    @Autowired
    no.bosetting.proposals.Proposals proposals;

    @Test
    void fullLifecycleApprovesAndCountsAgainstTheDecidedNumber() {
        acceptingMunicipality(ULSTEIN, 20, 50);
        long caseId = household(ULSTEIN, 1);
        Actor refugee = refugeeOf(caseId);
        Actor officer = fixtures.municipality(ULSTEIN);

        long id = registrations.register(refugee, null, dwelling(ULSTEIN)).value();
        assertThat(requests.find(refugee, id).orElseThrow().status()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(checks.startCheck(officer, id).value()).isEqualTo(RequestStatus.UNDER_MUNICIPAL_CHECK);

        // Forwarding needs the checklist complete; the failure names the field at fault.
        CommandResult<RequestStatus> incomplete = checks.forward(officer, id,
                new RequestChecklist(true, true, false, true, null, InspectionResult.NOT_NEEDED));
        assertThat(incomplete.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                f -> assertThat(f.field()).isEqualTo("propertyRegisterOk"));
        assertThat(checks.forward(officer, id, COMPLETE).value()).isEqualTo(RequestStatus.FORWARDED);
        SelfSettlementRequest forwarded = requests.find(fixtures.caseworker(), id).orElseThrow();
        assertThat(forwarded.targetDate()).isEqualTo(DecisionTarget.due(TestClock.today()));

        int usedBefore = decisions.placesUsed(ULSTEIN, TestClock.today().getYear()).used();
        int asbBefore = requests.approvedPersons(ULSTEIN, TestClock.today().getYear());
        assertThat(CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), id, null, "Arbeidskontrakt")).value())
                .isEqualTo(RequestStatus.APPROVED);

        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        assertThat(decisions.placesUsed(ULSTEIN, TestClock.today().getYear()).used()).isEqualTo(usedBefore + 2);
        assertThat(requests.approvedPersons(ULSTEIN, TestClock.today().getYear())).isEqualTo(asbBefore + 2);
        assertThat(requests.history(id)).extracting(RequestHistoryEntry::to).containsSubsequence(
                RequestStatus.REQUESTED, RequestStatus.UNDER_MUNICIPAL_CHECK, RequestStatus.FORWARDED, RequestStatus.APPROVED);
        assertThat(cases.history(caseId)).anyMatch(h -> "APPROVE_SELF_SETTLEMENT".equals(h.command()))
                .anyMatch(h -> "SELF_SETTLEMENT_REQUESTED".equals(h.command()));
        // A decided request is closed: nothing more can happen to it.
        assertThat(registrations.withdraw(refugee, id).failure()).isInstanceOf(CommandFailure.WrongState.class);
    }

    @Test
    void typedFailuresForRoleStateEligibilityAndSetting() {
        acceptingMunicipality(HERØY, 20, 50);
        fixtures.resetMunicipality(SANDE);
        settings.save(fixtures.caseworker(), SANDE, false, null, null, 25).value();
        long caseId = household(HERØY, 0);
        Actor refugee = refugeeOf(caseId);

        // The municipality must accept ASB.
        assertThat(registrations.register(refugee, null, dwelling(SANDE)).failure().messageKey())
                .isEqualTo("selfsettlement.error.notAccepting");
        // Not for unaccompanied minors or resettlement refugees.
        long minor = importHousehold(permitImport, PermitType.ASYLUM, TestClock.today().minusYears(15), HERØY);
        assertThat(registrations.register(refugeeOf(minor), null, dwelling(HERØY)).failure().messageKey())
                .isEqualTo("selfsettlement.error.minor");
        long resettled = importHousehold(permitImport, PermitType.RESETTLEMENT, TestClock.today().minusYears(30), HERØY);
        assertThat(registrations.register(refugeeOf(resettled), null, dwelling(HERØY)).failure().messageKey())
                .isEqualTo("selfsettlement.error.resettlement");
        // Bad input names its field.
        RequestData noRent = new RequestData(HERØY, "Gate 1", "Utleier", null, TestClock.today(), null, 2);
        assertThat(((CommandFailure.RuleBroken) registrations.register(refugee, null, noRent).failure()).field()).isEqualTo("monthlyRent");

        long id = registrations.register(refugee, null, dwelling(HERØY)).value();
        // One open request per household.
        assertThat(registrations.register(refugee, null, dwelling(HERØY)).failure().messageKey()).isEqualTo("selfsettlement.error.alreadyOpen");
        // Wrong role: a refugee cannot forward, an officer cannot approve, a planner cannot approve.
        assertThat(checks.forward(refugee, id, COMPLETE).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        // Wrong state: the agency cannot decide before the municipality has forwarded.
        assertThat(approvals.approve(fixtures.caseworker(), id, null, null).failure()).isInstanceOf(CommandFailure.WrongState.class);
        // Another municipality cannot see or act on it.
        assertThat(requests.find(fixtures.municipality(SANDE), id)).isEmpty();
        assertThat(checks.startCheck(fixtures.municipality(SANDE), id).failure()).isInstanceOf(CommandFailure.NotFound.class);
        // Refusing needs a reason, and a text for "other".
        Actor officer = fixtures.municipality(HERØY);
        assertThat(checks.refuseByMunicipality(officer, id, null, null).failure().messageKey())
                .isEqualTo("selfsettlement.error.reason.required");
        assertThat(checks.refuseByMunicipality(officer, id, RefusalReason.OTHER, " ").failure().messageKey())
                .isEqualTo("selfsettlement.error.reason.text");
        checks.forward(officer, id, COMPLETE).value();
        assertThat(approvals.approve(officer, id, null, null).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(approvals.approve(fixtures.planner(), id, null, null).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(approvals.refuseByAgency(fixtures.caseworker(), id, RefusalReason.CONCENTRATION, null).value())
                .isEqualTo(RequestStatus.REFUSED);
        assertThat(requests.find(refugee, id).orElseThrow().refusalReason()).isEqualTo(RefusalReason.CONCENTRATION);

        // A new request may follow; the refugee withdraws it, or loses the dwelling.
        long second = registrations.register(refugee, null, dwelling(HERØY)).value();
        assertThat(registrations.withdraw(officer, second).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(registrations.withdraw(refugee, second).value()).isEqualTo(RequestStatus.WITHDRAWN);
        long third = registrations.register(refugee, null, dwelling(HERØY)).value();
        assertThat(registrations.dwellingLost(officer, third, "Utleier trakk seg").value()).isEqualTo(RequestStatus.DWELLING_LOST);
    }

    @Test
    void capAndDecidedNumberAreEnforcedAndANeighbourCanTakeTheHousehold() {
        acceptingMunicipality(HAREID, 4, 50); // cap = 2 persons
        acceptingMunicipality(ULSTEIN, 20, 50);
        long first = household(HAREID, 1);   // 2 persons: fills the cap
        long second = household(HAREID, 0);  // 1 person: over the cap
        CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), forwarded(first, HAREID), null, null)).value();
        long secondRequest = forwarded(second, HAREID);
        CommandResult<RequestStatus> capped = CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), secondRequest, null, null));
        assertThat(capped.failure().messageKey()).isEqualTo("selfsettlement.error.capReached");
        // Nothing of the refused approval remains.
        assertThat(cases.summaryForSystem(second).orElseThrow().status()).isNotEqualTo(CaseStatus.OFFERED);
        assertThat(decisions.forCase(second)).isEmpty();
        // Approve in a neighbouring municipality instead; a municipality that is not a neighbour is refused.
        assertThat(CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), secondRequest, AUKRA, null)).failure().messageKey())
                .isEqualTo("selfsettlement.error.notNeighbour");
        assertThat(CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), secondRequest, ULSTEIN, null)).value())
                .isEqualTo(RequestStatus.APPROVED);
        assertThat(cases.summaryForSystem(second).orElseThrow().settlementMunicipality()).isEqualTo(ULSTEIN);

    }

    @Test
    void theDecidedNumberBindsEvenUnderTheCap() {
        acceptingMunicipality(ØRSTA, 2, 100);
        long ordinary = household(ØRSTA, 0);
        fixtures.ready(ordinary);
        long proposal = fixtures.propose(ordinary, ØRSTA);
        proposals.accept(fixtures.municipality(ØRSTA), proposal, fixtures.plannedDates(ordinary, TestClock.today()), null).value();
        long family = household(ØRSTA, 1); // 2 persons: within the cap of 2, but only 1 place is left
        long id = forwarded(family, ØRSTA);
        assertThat(CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), id, null, null)).failure().messageKey())
                .isEqualTo("error.capacity.exceeded");
        assertThat(requests.find(fixtures.caseworker(), id).orElseThrow().status()).isEqualTo(RequestStatus.FORWARDED);
    }

    @Test
    void anOpenProposalMustBeWithdrawnFirst() {
        acceptingMunicipality(ULSTEIN, 20, 50);
        long caseId = household(ULSTEIN, 0);
        long id = forwarded(caseId, ULSTEIN);
        fixtures.ready(caseId);
        fixtures.propose(caseId, HAREID);
        CommandResult<RequestStatus> result = CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), id, null, null));
        assertThat(result.failure().messageKey()).isEqualTo("selfsettlement.error.openProposal");
    }

    @Test
    void theOptInWindowKeepsTheHouseholdOutOfEngineRoundsUntilWithdrawn() {
        long inWindow = household(ULSTEIN, 0);
        long other = household(ULSTEIN, 0);
        fixtures.ready(inWindow);
        fixtures.ready(other);
        Actor refugee = refugeeOf(inWindow);
        OptInWindow window = windows.optIn(refugee).value();
        assertThat(window.leaseDeadline()).isEqualTo(TestClock.today().plusDays(windows.leaseDays()));
        assertThat(windows.optIn(refugee).failure().messageKey()).isEqualTo("selfsettlement.error.window.once");

        List<CaseSummary> ready = List.of(cases.summaryForSystem(inWindow).orElseThrow(), cases.summaryForSystem(other).orElseThrow());
        assertThat(rounds.build("t", ready, TestClock.today()).households()).extracting(Household::id)
                .containsExactly(String.valueOf(other));

        windows.withdraw(refugee).value();
        assertThat(rounds.build("t", ready, TestClock.today()).households()).extracting(Household::id)
                .containsExactlyInAnyOrder(String.valueOf(inWindow), String.valueOf(other));

        // Too late to opt in: the permit was long ago.
        long late = fixtures.household(fixtures.centre(ULSTEIN), 0, TestClock.today().minusDays(windows.optInDays() + 1));
        assertThat(windows.optIn(refugeeOf(late)).failure().messageKey()).isEqualTo("selfsettlement.error.window.late");
    }
    @Test
    void anExpiredWindowIsClosedOnceAndTheCaseHistorySaysSo() {
        long expired = household(ULSTEIN, 0);
        long open = household(ULSTEIN, 0);
        windows.optIn(refugeeOf(expired)).value();
        windows.optIn(refugeeOf(open)).value();
        // The first window's last day was yesterday.
        jdbc.sql("update self_settlement_window set lease_deadline = :d where case_id = :c")
                .param("d", TestClock.today().minusDays(1)).param("c", expired).update();

        assertThat(windows.closeExpired()).contains(expired).doesNotContain(open);
        assertThat(windows.latest(expired).orElseThrow().closedReason()).isEqualTo("EXPIRED");
        assertThat(windows.latest(open).orElseThrow().closedAt()).isNull();
        assertThat(cases.history(expired)).filteredOn(h -> h.command().equals("SELF_SETTLEMENT_WINDOW_CLOSED"))
                .singleElement().satisfies(h -> {
                    assertThat(h.actor()).isEqualTo("system");
                    assertThat(h.reason()).contains(TestClock.today().minusDays(1).toString()).contains("ordinær fordeling");
                });
        // A second run (or a second instance) closes and notes nothing again.
        assertThat(windows.closeExpired()).doesNotContain(expired);
        assertThat(cases.history(expired)).filteredOn(h -> h.command().equals("SELF_SETTLEMENT_WINDOW_CLOSED")).hasSize(1);
    }
}
