package no.bosetting.introduction;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.cases.CaseStatus;

/**
 * Recording in the introduction register: the settling municipality's officer, on a settled case; the case's state
 * stays as it is (the register is about each settled person, not the case).
 */
public enum IntroductionCommand implements Transition<CaseStatus> {
    /** Programme start and end, an interruption or leave, training, or the status a year after completion. */
    RECORD(EnumSet.of(CaseStatus.SETTLED), EnumSet.of(Role.MUNICIPALITY_OFFICER));

    private final Set<CaseStatus> from;
    private final Set<Role> roles;

    IntroductionCommand(Set<CaseStatus> from, Set<Role> roles) {
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
