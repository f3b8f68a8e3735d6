package no.bosetting.housing;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;

/**
 * The commands that change a dwelling's status. Scope: the dwelling's own municipality. A household's move-in (the
 * reserved dwelling occupied when it is settled) and the end of a lease (an occupied dwelling vacant again) follow
 * other modules' and the lease's commands and are no commands of their own.
 */
public enum DwellingCommand implements Transition<DwellingStatus> {
    /** A vacant dwelling is reserved for a household the municipality has accepted. */
    RESERVE(EnumSet.of(DwellingStatus.VACANT), DwellingStatus.RESERVED),
    /** The reservation is given up; the dwelling is vacant again. */
    RELEASE(EnumSet.of(DwellingStatus.RESERVED), DwellingStatus.VACANT),
    /** A lease is signed for the dwelling (for the household that reserved it, if any): it is occupied. */
    SIGN_LEASE(EnumSet.of(DwellingStatus.RESERVED, DwellingStatus.VACANT), DwellingStatus.OCCUPIED),
    /** A vacant dwelling is taken out of use; a reserved or occupied one belongs to a household and cannot be. */
    MARK_UNAVAILABLE(EnumSet.of(DwellingStatus.VACANT), DwellingStatus.UNAVAILABLE),
    /** A dwelling out of use is available again. */
    MARK_AVAILABLE(EnumSet.of(DwellingStatus.UNAVAILABLE), DwellingStatus.VACANT);

    private final Set<DwellingStatus> from;
    private final DwellingStatus to;

    DwellingCommand(Set<DwellingStatus> from, DwellingStatus to) {
        this.from = Set.copyOf(from);
        this.to = to;
    }

    @Override
    public Set<DwellingStatus> from() {
        return from;
    }

    @Override
    public DwellingStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.MUNICIPALITY_OFFICER);
    }
}
