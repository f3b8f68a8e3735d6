package no.bosetting.moves;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.cases.CaseStatus;

/** Commands on a settled case's secondary moves; they leave the case's state as it is. */
public enum MoveCommand implements Transition<CaseStatus> {
    /** A settled person or household moved to another municipality. */
    REGISTER_MOVE(EnumSet.of(CaseStatus.SETTLED), EnumSet.of(Role.AGENCY_CASEWORKER));

    private final Set<CaseStatus> from;
    private final Set<Role> roles;

    MoveCommand(Set<CaseStatus> from, Set<Role> roles) {
        this.from = from;
        this.roles = roles;
    }

    @Override
    public Set<CaseStatus> from() {
        return from;
    }

    @Override
    public CaseStatus target() {
        return null;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
