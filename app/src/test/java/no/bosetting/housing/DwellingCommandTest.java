package no.bosetting.housing;

import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A dwelling's status: vacant → reserved → occupied by a lease, released, or taken out of use while vacant. */
class DwellingCommandTest {

    private static final Actor OFFICER = new Actor("kommune", "Kommune", Role.MUNICIPALITY_OFFICER, "3907", null);
    private static final Actor PLANNER = new Actor("planlegger", "Planlegger", Role.AGENCY_PLANNER, null, null);

    @Test
    void aVacantDwellingIsReservedThenLetOrReleased() {
        assertThat(DwellingCommand.RESERVE.next(DwellingStatus.VACANT)).isEqualTo(DwellingStatus.RESERVED);
        assertThat(DwellingCommand.SIGN_LEASE.next(DwellingStatus.RESERVED)).isEqualTo(DwellingStatus.OCCUPIED);
        assertThat(DwellingCommand.SIGN_LEASE.appliesTo(DwellingStatus.VACANT)).isTrue();
        assertThat(DwellingCommand.RELEASE.next(DwellingStatus.RESERVED)).isEqualTo(DwellingStatus.VACANT);
        assertThat(DwellingCommand.RESERVE.appliesTo(DwellingStatus.RESERVED)).isFalse();
        assertThat(DwellingCommand.SIGN_LEASE.appliesTo(DwellingStatus.OCCUPIED)).isFalse();
    }

    @Test
    void onlyAVacantDwellingIsTakenOutOfUse() {
        assertThat(DwellingCommand.MARK_UNAVAILABLE.appliesTo(DwellingStatus.VACANT)).isTrue();
        assertThat(DwellingCommand.MARK_UNAVAILABLE.appliesTo(DwellingStatus.RESERVED)).isFalse();
        assertThat(DwellingCommand.MARK_UNAVAILABLE.appliesTo(DwellingStatus.OCCUPIED)).isFalse();
        assertThat(DwellingCommand.MARK_AVAILABLE.next(DwellingStatus.UNAVAILABLE)).isEqualTo(DwellingStatus.VACANT);
    }

    @Test
    void theOfficerIsOfferedWhatTheStatusAllows() {
        assertThat(Transition.valid(DwellingCommand.class, OFFICER, DwellingStatus.RESERVED))
                .containsExactly(DwellingCommand.RELEASE, DwellingCommand.SIGN_LEASE);
        assertThat(Transition.valid(DwellingCommand.class, OFFICER, DwellingStatus.VACANT))
                .containsExactly(DwellingCommand.RESERVE, DwellingCommand.SIGN_LEASE, DwellingCommand.MARK_UNAVAILABLE);
        assertThat(Transition.valid(DwellingCommand.class, OFFICER, DwellingStatus.OCCUPIED)).isEmpty();
        assertThat(Transition.valid(DwellingCommand.class, PLANNER, DwellingStatus.VACANT)).isEmpty();
    }

    @Test
    void theGuardAsksScopeThenRoleThenState() {
        assertThat(DwellingCommand.RELEASE.guard(OFFICER, Optional.empty(), "housing.error.dwelling.notFound", 1L))
                .get().isInstanceOf(CommandFailure.NotFound.class);
        assertThat(DwellingCommand.RELEASE.guard(PLANNER, Optional.of(DwellingStatus.VACANT), "housing.error.dwelling.notFound", 1L))
                .get().isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(DwellingCommand.RELEASE.guard(OFFICER, Optional.of(DwellingStatus.VACANT), "housing.error.dwelling.notFound", 1L))
                .get().isInstanceOf(CommandFailure.WrongState.class);
    }
}
