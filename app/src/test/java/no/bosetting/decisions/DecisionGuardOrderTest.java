package no.bosetting.decisions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.cases.InformationChannel;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands on decisions answer in the one guard order — found in the actor's scope, permitted for the role, in a
 * state the command applies to, then the command's rules — and a rule about one member's date names the person or
 * the decision as data, never a form field.
 */
@IntegrationTest
class DecisionGuardOrderTest {

    private static final String OWN = "1832"; // Hemnes
    private static final String OTHER = "4645"; // Askvoll

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    CaseQueries cases;

    private LocalDate planned;
    private long centre;

    @BeforeEach
    void capacity() {
        planned = TestClock.today().plusDays(10);
        fixtures.resetMunicipality(OWN);
        fixtures.decidePlannedYear(OWN, planned, 100, 0);
        centre = fixtures.centre(OWN);
    }

    /** A household of two living in the centre, accepted by the municipality. */
    private long offered() {
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, OWN);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(OWN), proposal, fixtures.plannedDates(caseId, planned), null)).value();
        return caseId;
    }

    private ConsequenceInformed informed() {
        return new ConsequenceInformed(true, TestClock.today(), InformationChannel.LETTER, "ukrainsk", null);
    }

    private CommandResult<SettlementDecision> register(long decisionId, Actor actor) {
        return CommandResult.attempt(() -> decisions.registerSettlementDate(decisionId, TestClock.today(), null, actor));
    }

    @Test
    void registeringASettlementDateAnswersScopeThenRoleThenState() {
        long caseId = offered();
        long decision = decisions.forCase(caseId).get(0).id();

        assertThat(register(decision, fixtures.municipality(OTHER)).failure()).isInstanceOf(CommandFailure.NotFound.class);
        assertThat(register(decision, fixtures.reception(fixtures.centre(OWN))).failure()).isInstanceOf(CommandFailure.NotFound.class);
        assertThat(register(decision, fixtures.statistics()).failure()).isInstanceOf(CommandFailure.NotFound.class);
        assertThat(register(Long.MAX_VALUE, fixtures.caseworker()).failure()).isInstanceOf(CommandFailure.NotFound.class);
        // In scope but not a role that registers dates: not allowed (the centre registers them with the move-out).
        assertThat(register(decision, fixtures.planner()).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(register(decision, fixtures.reception(centre)).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(decisions.find(decision).orElseThrow().status()).isEqualTo(DecisionStatus.OFFERED);

        decisions.decline(caseId, fixtures.caseworker(), "Takket nei", informed()).value();
        assertThat(register(decision, fixtures.planner()).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        CommandFailure declined = register(decision, fixtures.municipality(OWN)).failure();
        assertThat(declined).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(declined.messageKey()).isEqualTo("error.decision.declined");
    }

    @Test
    void decliningAnswersScopeThenRoleThenStateBeforeItsRules() {
        long caseId = offered();
        assertThat(decisions.decline(caseId, fixtures.municipality(OTHER), "Nei", informed()).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(decisions.decline(caseId, fixtures.reception(fixtures.centre(OWN)), "Nei", informed()).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(decisions.decline(caseId, fixtures.municipality(OWN), "Nei", informed()).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(decisions.decline(caseId, fixtures.planner(), "Nei", null).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        CommandFailure noInformed = decisions.decline(caseId, fixtures.caseworker(), "Nei", null).failure();
        assertThat(noInformed).isInstanceOf(CommandFailure.RuleBroken.class);

        for (SettlementDecision d : decisions.forCase(caseId)) {
            register(d.id(), fixtures.municipality(OWN)).value();
        }
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.SETTLED);
        // A settled household has no open decision: the state is answered before the missing record of information.
        CommandFailure settled = decisions.decline(caseId, fixtures.caseworker(), "Nei", null).failure();
        assertThat(settled).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(settled.messageKey()).isEqualTo("error.decision.notOffered");
    }

    @Test
    void theMoveOutAnswersScopeThenRoleThenStateAndNamesTheDatesInDomainTerms() {
        long caseId = offered();
        List<SettlementDecision> open = decisions.forCase(caseId);
        LocalDate today = TestClock.today();
        Map<Long, LocalDate> dates = new HashMap<>();
        open.forEach(d -> dates.put(d.id(), today));

        assertThat(decisions.recordMoveOutToMunicipality(caseId, fixtures.reception(fixtures.centre(OWN)), today, dates).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(decisions.recordMoveOutToMunicipality(caseId, fixtures.municipality(OWN), today, dates).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(decisions.recordMoveOutToMunicipality(caseId, fixtures.planner(), today, dates).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);

        Actor staff = fixtures.reception(centre);
        CommandFailure future = decisions.recordMoveOutToMunicipality(caseId, staff, today.plusDays(1), dates).failure();
        assertThat(((CommandFailure.RuleBroken) future).field()).isEqualTo(DecisionFields.DATE);
        Map<Long, LocalDate> oneLate = new HashMap<>(dates);
        oneLate.put(open.get(1).id(), today.plusDays(1));
        CommandFailure late = decisions.recordMoveOutToMunicipality(caseId, staff, today, oneLate).failure();
        assertThat(((CommandFailure.RuleBroken) late).field()).isEqualTo(DecisionFields.SETTLEMENT_DATE);
        assertThat(DecisionFields.subject(late, DecisionFields.SETTLEMENT_DATE)).contains(open.get(1).id());

        assertThat(decisions.validCommands(staff, cases.summaryForSystem(caseId).orElseThrow()).values())
                .allSatisfy(c -> assertThat(c).containsExactly(DecisionCommand.REGISTER_AT_MOVE_OUT));
        assertThat(decisions.recordMoveOutToMunicipality(caseId, staff, today, dates).value()).isEqualTo(CaseStatus.SETTLED);
        // The household has left the centre: the centre's move-out no longer reaches it.
        assertThat(decisions.recordMoveOutToMunicipality(caseId, fixtures.caseworker(), today, dates).failure())
                .isInstanceOf(CommandFailure.NotFound.class);

        // Settled by the municipality's dates while the case still names the centre: no open decision to move out with.
        long settled = offered();
        Map<Long, LocalDate> settledDates = new HashMap<>();
        for (SettlementDecision d : decisions.forCase(settled)) {
            register(d.id(), fixtures.municipality(OWN)).value();
            settledDates.put(d.id(), today);
        }
        assertThat(decisions.recordMoveOutToMunicipality(settled, fixtures.planner(), today, settledDates).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        CommandFailure again = decisions.recordMoveOutToMunicipality(settled, fixtures.caseworker(), null, settledDates).failure();
        assertThat(again).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(again.messageKey()).isEqualTo("error.moveOutSettled.notOffered");
    }

    @Test
    void aPlannedDateRefusedForOneMemberNamesThatPerson() {
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, OWN);
        List<Long> persons = cases.personIds(caseId);
        Map<Long, LocalDate> dates = fixtures.plannedDates(caseId, planned);
        dates.put(persons.get(1), TestClock.today().minusDays(1));

        CommandFailure past = CommandResult.attempt(() -> proposals.accept(fixtures.municipality(OWN), proposal, dates, null)).failure();
        assertThat(past).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(((CommandFailure.RuleBroken) past).field()).isEqualTo(DecisionFields.PLANNED);
        assertThat(past.messageKey()).isEqualTo("error.planned.past");
        assertThat(DecisionFields.subject(past, DecisionFields.PLANNED)).contains(persons.get(1));
        assertThat(decisions.forCase(caseId)).isEmpty();
    }

    @Test
    void theValidCommandsFollowRoleScopeAndState() {
        long caseId = offered();
        var summary = cases.summaryForSystem(caseId).orElseThrow();
        assertThat(decisions.validCommands(fixtures.municipality(OWN), summary).values())
                .allSatisfy(c -> assertThat(c).containsExactly(DecisionCommand.REGISTER_SETTLEMENT_DATE));
        assertThat(decisions.validCommands(fixtures.caseworker(), summary).values()).allSatisfy(c -> assertThat(c).containsExactly(
                DecisionCommand.REGISTER_SETTLEMENT_DATE, DecisionCommand.REGISTER_AT_MOVE_OUT, DecisionCommand.DECLINE));
        assertThat(decisions.validCommands(fixtures.municipality(OTHER), summary).values()).allSatisfy(c -> assertThat(c).isEmpty());
        assertThat(decisions.validCommands(fixtures.planner(), summary).values()).allSatisfy(c -> assertThat(c).isEmpty());

        long first = decisions.forCase(caseId).get(0).id();
        register(first, fixtures.municipality(OWN)).value();
        Map<Long, List<DecisionCommand>> after = decisions.validCommands(fixtures.municipality(OWN), cases.summaryForSystem(caseId).orElseThrow());
        assertThat(after.get(first)).containsExactly(DecisionCommand.CORRECT_SETTLEMENT_DATE);
    }
}
