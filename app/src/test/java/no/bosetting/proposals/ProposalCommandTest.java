package no.bosetting.proposals;

import java.util.EnumSet;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A proposal's transitions: only a pending proposal is answered, by whom, and where each answer leads. */
class ProposalCommandTest {

    private static final Actor OFFICER = new Actor("k", "Kommune", Role.MUNICIPALITY_OFFICER, "1520", null);
    private static final Actor CASEWORKER = new Actor("s", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private static final Actor PLANNER = new Actor("p", "Planlegger", Role.AGENCY_PLANNER, null, null);

    @Test
    void everyAnswerStartsFromPendingAndEndsIt() {
        assertThat(ProposalCommand.ACCEPT.target()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(ProposalCommand.REJECT.target()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(ProposalCommand.WITHDRAW.target()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(ProposalCommand.PROPOSE.target()).isEqualTo(ProposalStatus.PENDING);
        for (ProposalCommand c : EnumSet.of(ProposalCommand.ACCEPT, ProposalCommand.REJECT, ProposalCommand.WITHDRAW)) {
            assertThat(c.from()).as(c.name()).containsExactly(ProposalStatus.PENDING);
            assertThat(c.target().awaitingAnswer()).as(c.name()).isFalse();
        }
        for (ProposalStatus answered : EnumSet.complementOf(EnumSet.of(ProposalStatus.PENDING))) {
            for (ProposalCommand c : ProposalCommand.values()) {
                assertThat(c.appliesTo(answered)).as(c + " from " + answered).isFalse();
            }
        }
        // Sending creates a proposal: it applies to none that exists.
        assertThat(ProposalCommand.PROPOSE.from()).isEmpty();
    }

    @Test
    void rolesArePerCommand() {
        assertThat(ProposalCommand.ACCEPT.roles()).containsExactlyInAnyOrder(Role.MUNICIPALITY_OFFICER, Role.AGENCY_CASEWORKER);
        assertThat(ProposalCommand.REJECT.roles()).containsExactly(Role.MUNICIPALITY_OFFICER);
        assertThat(ProposalCommand.WITHDRAW.roles()).containsExactly(Role.AGENCY_CASEWORKER);
        assertThat(ProposalCommand.PROPOSE.roles()).containsExactly(Role.AGENCY_CASEWORKER);
        for (ProposalCommand c : ProposalCommand.values()) {
            assertThat(c.allowedFor(Role.STATISTICS_READER)).as(c.name()).isFalse();
            assertThat(c.allowedFor(Role.RECEPTION_STAFF)).as(c.name()).isFalse();
            assertThat(c.allowedFor(Role.REFUGEE)).as(c.name()).isFalse();
        }
    }

    @Test
    void theValidCommandsAreWhatTheRoleMayDoNow() {
        assertThat(Transition.valid(ProposalCommand.class, OFFICER, ProposalStatus.PENDING))
                .containsExactly(ProposalCommand.ACCEPT, ProposalCommand.REJECT);
        assertThat(Transition.valid(ProposalCommand.class, CASEWORKER, ProposalStatus.PENDING))
                .containsExactly(ProposalCommand.ACCEPT, ProposalCommand.WITHDRAW);
        assertThat(Transition.valid(ProposalCommand.class, PLANNER, ProposalStatus.PENDING)).isEmpty();
        assertThat(Transition.valid(ProposalCommand.class, OFFICER, ProposalStatus.ACCEPTED)).isEmpty();
    }

    @Test
    void theGuardAnswersInOneOrderInTheProposalsWords() {
        // Out of scope: not found, whatever the role and state.
        assertThat(ProposalCommand.REJECT.check(CASEWORKER, Optional.empty(), 7).orElseThrow())
                .isInstanceOf(CommandFailure.NotFound.class).extracting(CommandFailure::messageKey).isEqualTo("error.proposal.notFound");
        // The role before the state: the same answer for every answer command.
        assertThat(ProposalCommand.REJECT.check(CASEWORKER, Optional.of(ProposalStatus.ACCEPTED), 7).orElseThrow())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(ProposalCommand.WITHDRAW.check(OFFICER, Optional.of(ProposalStatus.PENDING), 7).orElseThrow())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(ProposalCommand.ACCEPT.check(PLANNER, Optional.of(ProposalStatus.PENDING), 7).orElseThrow())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        CommandFailure answered = ProposalCommand.ACCEPT.check(OFFICER, Optional.of(ProposalStatus.REJECTED), 7).orElseThrow();
        assertThat(answered).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(answered.messageKey()).isEqualTo("error.proposal.answered");
        assertThat(((CommandFailure.WrongState) answered).currentState()).isEqualTo("REJECTED");
        assertThat(ProposalCommand.ACCEPT.check(OFFICER, Optional.of(ProposalStatus.PENDING), 7)).isEmpty();
    }
}
