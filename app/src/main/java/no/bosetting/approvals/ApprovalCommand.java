package no.bosetting.approvals;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl;
import no.bosetting.access.Transition;

/**
 * The transitions of a proposal under two-step control. Proposing is done by whoever issues the held command (its own
 * roles decide); approving and returning: an agency caseworker or administrator — for a reconsideration outcome the
 * designated group only ({@link #approverRoles}) — and never the proposer ({@link Approvals}).
 */
public enum ApprovalCommand implements Transition<ApprovalStatus> {
    PROPOSE(EnumSet.noneOf(ApprovalStatus.class), ApprovalStatus.PENDING,
            EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_PLANNER, Role.AGENCY_ADMIN, Role.MUNICIPALITY_OFFICER)),
    APPROVE(EnumSet.of(ApprovalStatus.PENDING), ApprovalStatus.APPROVED, EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN)),
    RETURN(EnumSet.of(ApprovalStatus.PENDING), ApprovalStatus.RETURNED, EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN));

    static final String NOT_FOUND = "error.approval.notFound";

    private final Set<ApprovalStatus> from;
    private final ApprovalStatus to;
    private final Set<Role> roles;

    ApprovalCommand(Set<ApprovalStatus> from, ApprovalStatus to, Set<Role> roles) {
        this.from = from;
        this.to = to;
        this.roles = roles;
    }

    @Override
    public Set<ApprovalStatus> from() {
        return from;
    }

    @Override
    public ApprovalStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    /**
     * Who may approve or return a proposal of this kind: a reconsideration is decided by the designated group (the
     * agency administrators, settlement-process §4.3), so its second person is one of them too.
     */
    public static Set<Role> approverRoles(TwoStepControl.Kind kind) {
        return kind == TwoStepControl.Kind.RECONSIDERATION_OUTCOME ? EnumSet.of(Role.AGENCY_ADMIN)
                : EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN);
    }
}
