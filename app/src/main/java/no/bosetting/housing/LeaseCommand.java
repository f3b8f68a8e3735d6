package no.bosetting.housing;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;

/**
 * The municipality's commands on a lease. Scope: the lease's own municipality. Signing one is the dwelling's command
 * ({@link DwellingCommand#SIGN_LEASE}), since there is no lease before it.
 */
public enum LeaseCommand implements Transition<LeaseStatus> {
    /** The review of the tenant's situation before expiry; it may be recorded or corrected after the lease ended too. */
    REVIEW(EnumSet.allOf(LeaseStatus.class), null),
    /** The lease ends; its dwelling is vacant from the day after. */
    END(EnumSet.of(LeaseStatus.ACTIVE), LeaseStatus.ENDED);

    private final Set<LeaseStatus> from;
    private final LeaseStatus to;

    LeaseCommand(Set<LeaseStatus> from, LeaseStatus to) {
        this.from = Set.copyOf(from);
        this.to = to;
    }

    @Override
    public Set<LeaseStatus> from() {
        return from;
    }

    @Override
    public LeaseStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.MUNICIPALITY_OFFICER);
    }
}
