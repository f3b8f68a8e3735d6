package no.bosetting.housing;

import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A lease is ended once; its review may be recorded while it runs and corrected after. */
class LeaseCommandTest {

    private static final Actor OFFICER = new Actor("kommune", "Kommune", Role.MUNICIPALITY_OFFICER, "3907", null);
    private static final Actor CASEWORKER = new Actor("saksbehandler", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null);

    @Test
    void anActiveLeaseEndsOnceAndTheReviewLeavesTheStatus() {
        assertThat(LeaseCommand.END.next(LeaseStatus.ACTIVE)).isEqualTo(LeaseStatus.ENDED);
        assertThat(LeaseCommand.END.appliesTo(LeaseStatus.ENDED)).isFalse();
        assertThat(LeaseCommand.REVIEW.next(LeaseStatus.ACTIVE)).isEqualTo(LeaseStatus.ACTIVE);
        assertThat(LeaseCommand.REVIEW.appliesTo(LeaseStatus.ENDED)).isTrue();
    }

    @Test
    void onlyTheOfficerIsOfferedTheCommands() {
        assertThat(Transition.valid(LeaseCommand.class, OFFICER, LeaseStatus.ACTIVE)).containsExactly(LeaseCommand.REVIEW, LeaseCommand.END);
        assertThat(Transition.valid(LeaseCommand.class, OFFICER, LeaseStatus.ENDED)).containsExactly(LeaseCommand.REVIEW);
        assertThat(Transition.valid(LeaseCommand.class, CASEWORKER, LeaseStatus.ACTIVE)).isEmpty();
    }

    @Test
    void theGuardAsksScopeThenRoleThenState() {
        assertThat(LeaseCommand.END.guard(OFFICER, Optional.empty(), "housing.error.lease.notFound", 1L))
                .get().isInstanceOf(CommandFailure.NotFound.class);
        assertThat(LeaseCommand.END.guard(CASEWORKER, Optional.of(LeaseStatus.ENDED), "housing.error.lease.notFound", 1L))
                .get().isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(LeaseCommand.END.guard(OFFICER, Optional.of(LeaseStatus.ENDED), "housing.error.lease.notFound", 1L))
                .get().isInstanceOf(CommandFailure.WrongState.class);
    }
}
