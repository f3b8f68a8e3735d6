package no.bosetting.housing;

import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A received offer is checked, then approved or rejected once; only the municipality's officer acts on it. */
class OfferCommandTest {

    private static final Actor OFFICER = new Actor("kommune", "Kommune", Role.MUNICIPALITY_OFFICER, "5001", null);
    private static final Actor CASEWORKER = new Actor("saksbehandler", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null);

    @Test
    void aReceivedOfferIsApprovedOrRejectedAndThenNothingMore() {
        assertThat(OfferCommand.APPROVE.next(OfferStatus.RECEIVED)).isEqualTo(OfferStatus.APPROVED);
        assertThat(OfferCommand.REJECT.next(OfferStatus.RECEIVED)).isEqualTo(OfferStatus.REJECTED);
        assertThat(OfferCommand.SAVE_CHECKLIST.next(OfferStatus.RECEIVED)).isEqualTo(OfferStatus.RECEIVED);
        for (OfferStatus decided : new OfferStatus[]{OfferStatus.APPROVED, OfferStatus.REJECTED}) {
            assertThat(Transition.valid(OfferCommand.class, OFFICER, decided)).as(decided.name()).isEmpty();
        }
    }

    @Test
    void onlyTheOfficerIsOfferedTheCommands() {
        assertThat(Transition.valid(OfferCommand.class, OFFICER, OfferStatus.RECEIVED))
                .containsExactly(OfferCommand.SAVE_CHECKLIST, OfferCommand.APPROVE, OfferCommand.REJECT);
        assertThat(Transition.valid(OfferCommand.class, CASEWORKER, OfferStatus.RECEIVED)).isEmpty();
    }

    @Test
    void theGuardAsksScopeThenRoleThenState() {
        assertThat(OfferCommand.APPROVE.guard(OFFICER, Optional.empty(), "housing.error.offer.notFound", 1L))
                .get().isInstanceOf(CommandFailure.NotFound.class);
        assertThat(OfferCommand.APPROVE.guard(CASEWORKER, Optional.of(OfferStatus.APPROVED), "housing.error.offer.notFound", 1L))
                .get().isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(OfferCommand.REJECT.guard(OFFICER, Optional.of(OfferStatus.APPROVED), "housing.error.offer.notFound", 1L))
                .get().isInstanceOf(CommandFailure.WrongState.class);
    }
}
