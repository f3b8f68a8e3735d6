package no.bosetting.decisions;

import java.util.EnumSet;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A decision's transitions: offered → settled (date registered, then corrected), or declined, or revoked. */
class DecisionCommandTest {

    private static final Actor OFFICER = new Actor("k", "Kommune", Role.MUNICIPALITY_OFFICER, "1520", null);
    private static final Actor CASEWORKER = new Actor("s", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private static final Actor STAFF = new Actor("m", "Mottak", Role.RECEPTION_STAFF, null, 1L);
    private static final Actor PLANNER = new Actor("p", "Planlegger", Role.AGENCY_PLANNER, null, null);

    @Test
    void theDecisionLeadsFromOfferedToSettledAndCorrectionsKeepItSettled() {
        assertThat(DecisionCommand.OFFER.from()).isEmpty();
        assertThat(DecisionCommand.OFFER.target()).isEqualTo(DecisionStatus.OFFERED);
        assertThat(DecisionCommand.REGISTER_SETTLEMENT_DATE.appliesTo(DecisionStatus.OFFERED)).isTrue();
        assertThat(DecisionCommand.REGISTER_SETTLEMENT_DATE.target()).isEqualTo(DecisionStatus.SETTLED);
        assertThat(DecisionCommand.REGISTER_AT_MOVE_OUT.target()).isEqualTo(DecisionStatus.SETTLED);
        assertThat(DecisionCommand.CORRECT_SETTLEMENT_DATE.appliesTo(DecisionStatus.SETTLED)).isTrue();
        assertThat(DecisionCommand.CORRECT_SETTLEMENT_DATE.next(DecisionStatus.SETTLED)).isEqualTo(DecisionStatus.SETTLED);
        assertThat(DecisionCommand.DECLINE.target()).isEqualTo(DecisionStatus.DECLINED);
        assertThat(DecisionCommand.REVOKE.target()).isEqualTo(DecisionStatus.REVOKED);
    }

    @Test
    void nothingLeavesADeclinedOrRevokedDecision() {
        for (DecisionStatus end : EnumSet.of(DecisionStatus.DECLINED, DecisionStatus.REVOKED)) {
            for (DecisionCommand c : DecisionCommand.values()) {
                assertThat(c.appliesTo(end)).as(c + " from " + end).isFalse();
            }
        }
        assertThat(DecisionCommand.DECLINE.appliesTo(DecisionStatus.SETTLED)).isFalse();
        assertThat(DecisionCommand.REVOKE.appliesTo(DecisionStatus.SETTLED)).isFalse();
        assertThat(DecisionCommand.REGISTER_SETTLEMENT_DATE.appliesTo(DecisionStatus.SETTLED)).isFalse();
    }

    @Test
    void rolesArePerCommand() {
        assertThat(DecisionCommand.REGISTER_SETTLEMENT_DATE.roles()).containsExactlyInAnyOrder(Role.MUNICIPALITY_OFFICER, Role.AGENCY_CASEWORKER);
        assertThat(DecisionCommand.REGISTER_AT_MOVE_OUT.roles()).containsExactlyInAnyOrder(Role.RECEPTION_STAFF, Role.AGENCY_CASEWORKER);
        assertThat(DecisionCommand.DECLINE.roles()).containsExactly(Role.AGENCY_CASEWORKER);
        assertThat(DecisionCommand.REVOKE.roles()).containsExactly(Role.AGENCY_ADMIN);
        for (DecisionCommand c : DecisionCommand.values()) {
            assertThat(c.allowedFor(Role.STATISTICS_READER)).as(c.name()).isFalse();
            assertThat(c.allowedFor(Role.REFUGEE)).as(c.name()).isFalse();
        }
        assertThat(Transition.valid(DecisionCommand.class, OFFICER, DecisionStatus.OFFERED))
                .containsExactly(DecisionCommand.REGISTER_SETTLEMENT_DATE);
        assertThat(Transition.valid(DecisionCommand.class, OFFICER, DecisionStatus.SETTLED))
                .containsExactly(DecisionCommand.CORRECT_SETTLEMENT_DATE);
        assertThat(Transition.valid(DecisionCommand.class, STAFF, DecisionStatus.OFFERED))
                .containsExactly(DecisionCommand.REGISTER_AT_MOVE_OUT);
        assertThat(Transition.valid(DecisionCommand.class, CASEWORKER, DecisionStatus.OFFERED)).containsExactly(
                DecisionCommand.REGISTER_SETTLEMENT_DATE, DecisionCommand.REGISTER_AT_MOVE_OUT, DecisionCommand.DECLINE);
        assertThat(Transition.valid(DecisionCommand.class, PLANNER, DecisionStatus.OFFERED)).isEmpty();
    }

    @Test
    void theGuardAnswersInOneOrder() {
        assertThat(DecisionCommand.REGISTER_SETTLEMENT_DATE.check(PLANNER, Optional.empty(), 3).orElseThrow())
                .isInstanceOf(CommandFailure.NotFound.class).extracting(CommandFailure::messageKey).isEqualTo("error.decision.notFound");
        assertThat(DecisionCommand.REGISTER_SETTLEMENT_DATE.check(PLANNER, Optional.of(DecisionStatus.DECLINED), 3).orElseThrow())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        CommandFailure declined = DecisionCommand.REGISTER_SETTLEMENT_DATE.check(OFFICER, Optional.of(DecisionStatus.DECLINED), 3).orElseThrow();
        assertThat(declined).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(declined.messageKey()).isEqualTo("error.decision.declined");
        assertThat(DecisionCommand.REGISTER_SETTLEMENT_DATE.check(OFFICER, Optional.of(DecisionStatus.OFFERED), 3)).isEmpty();
    }

    @Test
    void aFailureAboutOneMembersDateNamesThePersonAsData() {
        CommandFailure failure = DecisionFields.about(DecisionFields.PLANNED, 42L, "error.planned.past");
        assertThat(((CommandFailure.RuleBroken) failure).field()).isEqualTo("planned");
        assertThat(DecisionFields.subject(failure, DecisionFields.PLANNED)).contains(42L);
        assertThat(DecisionFields.subject(failure, DecisionFields.SETTLEMENT_DATE)).isEmpty();
        CommandFailure beforeDecision = DecisionFields.about(DecisionFields.SETTLEMENT_DATE, 9L, "error.settlementDate.beforeDecision", "01.02.2026");
        assertThat(beforeDecision.args()).containsExactly("01.02.2026", 9L);
        assertThat(DecisionFields.subject(beforeDecision, DecisionFields.SETTLEMENT_DATE)).contains(9L);
        assertThat(DecisionFields.subject(CommandFailure.RuleBroken.of("date", "error.date.required"), DecisionFields.DATE)).isEmpty();
    }
}
