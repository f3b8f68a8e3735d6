package no.bosetting.selfsettlement;

import java.util.EnumSet;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import org.junit.jupiter.api.Test;

import static no.bosetting.selfsettlement.SelfSettlementCommand.AGENCY_REFUSE;
import static no.bosetting.selfsettlement.SelfSettlementCommand.APPROVE;
import static no.bosetting.selfsettlement.SelfSettlementCommand.DWELLING_LOST;
import static no.bosetting.selfsettlement.SelfSettlementCommand.FORWARD;
import static no.bosetting.selfsettlement.SelfSettlementCommand.MUNICIPALITY_REFUSE;
import static no.bosetting.selfsettlement.SelfSettlementCommand.SAVE_CHECKLIST;
import static no.bosetting.selfsettlement.SelfSettlementCommand.START_CHECK;
import static no.bosetting.selfsettlement.SelfSettlementCommand.WITHDRAW;
import static org.assertj.core.api.Assertions.assertThat;

import no.bosetting.shared.CommandFailure;

/** The request's status machine: which command applies in which state, where it leads, who may issue it. */
class SelfSettlementCommandTest {

    private static final Actor OFFICER = new Actor("kommune", "Kommune", Role.MUNICIPALITY_OFFICER, "1516", null);
    private static final Actor CASEWORKER = new Actor("saksbehandler", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private static final Actor PLANNER = new Actor("planlegger", "Planlegger", Role.AGENCY_PLANNER, null, null);
    private static final Actor REFUGEE = Actor.refugee("123456789012", "Flyktning");

    @Test
    void theHappyPathLeadsFromRequestedToApproved() {
        RequestStatus s = RequestStatus.REQUESTED;
        for (SelfSettlementCommand c : new SelfSettlementCommand[]{START_CHECK, SAVE_CHECKLIST, FORWARD, APPROVE}) {
            assertThat(c.appliesTo(s)).as(c + " from " + s).isTrue();
            s = c.next(s);
        }
        assertThat(s).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void savingTheChecklistLeavesTheStatusAndTheMunicipalityMayForwardBeforeItStartedChecking() {
        assertThat(SAVE_CHECKLIST.target()).isNull();
        assertThat(SAVE_CHECKLIST.next(RequestStatus.UNDER_MUNICIPAL_CHECK)).isEqualTo(RequestStatus.UNDER_MUNICIPAL_CHECK);
        assertThat(FORWARD.appliesTo(RequestStatus.REQUESTED)).isTrue();
        assertThat(START_CHECK.appliesTo(RequestStatus.UNDER_MUNICIPAL_CHECK)).isFalse();
    }

    @Test
    void bothRefusalsEndInRefusedButOnlyBeforeOrAfterForwarding() {
        assertThat(MUNICIPALITY_REFUSE.target()).isEqualTo(RequestStatus.REFUSED);
        assertThat(AGENCY_REFUSE.target()).isEqualTo(RequestStatus.REFUSED);
        assertThat(MUNICIPALITY_REFUSE.appliesTo(RequestStatus.FORWARDED)).isFalse();
        assertThat(AGENCY_REFUSE.appliesTo(RequestStatus.UNDER_MUNICIPAL_CHECK)).isFalse();
    }

    @Test
    void nothingLeavesTheEndStates() {
        for (RequestStatus end : EnumSet.complementOf(EnumSet.copyOf(RequestStatus.OPEN))) {
            for (SelfSettlementCommand c : SelfSettlementCommand.values()) {
                assertThat(c.appliesTo(end)).as(c + " from " + end).isFalse();
            }
        }
        for (RequestStatus open : RequestStatus.OPEN) {
            assertThat(WITHDRAW.appliesTo(open)).isTrue();
            assertThat(DWELLING_LOST.appliesTo(open)).isTrue();
        }
    }

    @Test
    void eachPartyIsOfferedItsOwnCommandsOnly() {
        assertThat(Transition.valid(SelfSettlementCommand.class, OFFICER, RequestStatus.REQUESTED))
                .containsExactly(START_CHECK, SAVE_CHECKLIST, FORWARD, MUNICIPALITY_REFUSE, DWELLING_LOST);
        assertThat(Transition.valid(SelfSettlementCommand.class, OFFICER, RequestStatus.FORWARDED)).containsExactly(DWELLING_LOST);
        assertThat(Transition.valid(SelfSettlementCommand.class, CASEWORKER, RequestStatus.FORWARDED))
                .containsExactly(APPROVE, AGENCY_REFUSE, DWELLING_LOST);
        assertThat(Transition.valid(SelfSettlementCommand.class, CASEWORKER, RequestStatus.REQUESTED)).containsExactly(DWELLING_LOST);
        assertThat(Transition.valid(SelfSettlementCommand.class, PLANNER, RequestStatus.FORWARDED)).isEmpty();
        assertThat(Transition.valid(SelfSettlementCommand.class, REFUGEE, RequestStatus.UNDER_MUNICIPAL_CHECK))
                .containsExactly(WITHDRAW, DWELLING_LOST);
        assertThat(Transition.valid(SelfSettlementCommand.class, REFUGEE, RequestStatus.APPROVED)).isEmpty();
        for (SelfSettlementCommand c : SelfSettlementCommand.values()) {
            assertThat(c.allowedFor(Role.STATISTICS_READER)).as(c.name()).isFalse();
            assertThat(c.allowedFor(Role.RECEPTION_STAFF)).as(c.name()).isFalse();
        }
    }

    @Test
    void theGuardAsksScopeThenRoleThenState() {
        assertThat(APPROVE.guard(CASEWORKER, Optional.empty(), "selfsettlement.error.notFound", 7L))
                .get().isInstanceOf(CommandFailure.NotFound.class);
        // A wrong role is answered before a wrong state.
        assertThat(APPROVE.guard(OFFICER, Optional.of(RequestStatus.REQUESTED), "selfsettlement.error.notFound", 7L))
                .get().isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(APPROVE.guard(CASEWORKER, Optional.of(RequestStatus.REQUESTED), "selfsettlement.error.notFound", 7L))
                .get().isInstanceOf(CommandFailure.WrongState.class);
        assertThat(APPROVE.guard(CASEWORKER, Optional.of(RequestStatus.FORWARDED), "selfsettlement.error.notFound", 7L)).isEmpty();
    }
}
