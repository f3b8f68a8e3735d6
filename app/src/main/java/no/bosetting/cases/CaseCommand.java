package no.bosetting.cases;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;

/**
 * The explicit transitions of a settlement case: which states each command starts from, where it
 * leads and which roles may issue it. Scope (own centre, own municipality) is checked by the command.
 */
public enum CaseCommand implements Transition<CaseStatus> {
    /** Municipality officers record it for private residents living in their municipality (report 000 around 3651–3667). */
    RECORD_INTERVIEW(EnumSet.of(CaseStatus.UNDER_MAPPING), CaseStatus.READY_FOR_ALLOCATION,
            EnumSet.of(Role.RECEPTION_STAFF, Role.AGENCY_CASEWORKER, Role.MUNICIPALITY_OFFICER)),
    PROPOSE(EnumSet.of(CaseStatus.READY_FOR_ALLOCATION), CaseStatus.PROPOSED, EnumSet.of(Role.AGENCY_CASEWORKER)),
    WITHDRAW_PROPOSAL(EnumSet.of(CaseStatus.PROPOSED), CaseStatus.READY_FOR_ALLOCATION, EnumSet.of(Role.AGENCY_CASEWORKER)),
    REJECT(EnumSet.of(CaseStatus.PROPOSED), CaseStatus.READY_FOR_ALLOCATION, EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    ACCEPT(EnumSet.of(CaseStatus.PROPOSED), CaseStatus.OFFERED, EnumSet.of(Role.MUNICIPALITY_OFFICER, Role.AGENCY_CASEWORKER)),
    REGISTER_SETTLED(EnumSet.of(CaseStatus.OFFERED), CaseStatus.SETTLED,
            EnumSet.of(Role.MUNICIPALITY_OFFICER, Role.RECEPTION_STAFF, Role.AGENCY_CASEWORKER)),
    DECLINE_OFFER(EnumSet.of(CaseStatus.OFFERED), CaseStatus.DECLINED, EnumSet.of(Role.AGENCY_CASEWORKER)),
    /** The agency approves an agreed self-settlement (ASB): the household goes straight to an offer in that municipality. */
    APPROVE_SELF_SETTLEMENT(EnumSet.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION), CaseStatus.OFFERED,
            EnumSet.of(Role.AGENCY_CASEWORKER)),
    /** A granted reconsideration sends the household back to allocation; the earlier decision is revoked. */
    REOPEN_AFTER_RECONSIDERATION(EnumSet.of(CaseStatus.OFFERED), CaseStatus.READY_FOR_ALLOCATION,
            EnumSet.of(Role.AGENCY_ADMIN)),
    CLOSE(EnumSet.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION, CaseStatus.AWAITING_APPLICATION,
            CaseStatus.APPLICATION_DEADLINE_MISSED), CaseStatus.CLOSED, EnumSet.of(Role.AGENCY_CASEWORKER)),
    /**
     * The agency accepted the private resident's application: the case goes into mapping. From
     * APPLICATION_DEADLINE_MISSED when a late application is accepted on the discretionary path (report 000 around lines
     * 3946–3950); the applications module decides who may accept a late one.
     */
    ACCEPT_APPLICATION(EnumSet.of(CaseStatus.AWAITING_APPLICATION, CaseStatus.APPLICATION_DEADLINE_MISSED), CaseStatus.UNDER_MAPPING,
            EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN)),
    /** The application was refused: the right to settlement with public help ends and the case is closed. */
    END_APPLICATION_RIGHT(EnumSet.of(CaseStatus.AWAITING_APPLICATION, CaseStatus.APPLICATION_DEADLINE_MISSED, CaseStatus.UNDER_MAPPING,
            CaseStatus.READY_FOR_ALLOCATION), CaseStatus.CLOSED, EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN)),
    /**
     * The six-month deadline passed without an application (report 000 around lines 3074–3080): the case leaves the
     * flow. Run daily by the system ({@code ApplicationRights}).
     */
    LAPSE_APPLICATION_RIGHT(EnumSet.of(CaseStatus.AWAITING_APPLICATION), CaseStatus.APPLICATION_DEADLINE_MISSED,
            EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN));

    private final Set<CaseStatus> from;
    private final CaseStatus to;
    private final Set<Role> roles;

    CaseCommand(Set<CaseStatus> from, CaseStatus to, Set<Role> roles) {
        this.from = from;
        this.to = to;
        this.roles = roles;
    }

    @Override
    public CaseStatus target() {
        return to;
    }

    @Override
    public Set<CaseStatus> from() {
        return from;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
