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
    /** Records or corrects the accompanying adult of an unaccompanied minor (a relation, the state is unchanged). */
    SET_ACCOMPANYING_ADULT(EnumSet.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION, CaseStatus.PROPOSED,
            CaseStatus.OFFERED), null, EnumSet.of(Role.AGENCY_CASEWORKER)),
    REMOVE_ACCOMPANYING_ADULT(EnumSet.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION, CaseStatus.PROPOSED,
            CaseStatus.OFFERED), null, EnumSet.of(Role.AGENCY_CASEWORKER)),
    // Household and person changes (issue 20 item 1): the state stays as it is. Members join or leave up to the offer
    // (after it the new member takes a place, the one who leaves releases it); a split is made before any proposal.
    ADD_MEMBER(HouseholdChanges.SETTLED_TOO, null, EnumSet.of(Role.AGENCY_CASEWORKER)),
    REMOVE_MEMBER(HouseholdChanges.MEMBER_STATES, null, EnumSet.of(Role.AGENCY_CASEWORKER)),
    SPLIT_HOUSEHOLD(EnumSet.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION), null,
            EnumSet.of(Role.AGENCY_CASEWORKER)),
    // Corrections, identity numbers and the address while the case is open and after settlement: the settlement
    // municipality needs the identity number and address for housing allowance (report 000 lines 3027–3035, 6700–6716).
    CORRECT_PERSON(HouseholdChanges.SETTLED_TOO, null, EnumSet.of(Role.AGENCY_CASEWORKER)),
    CHANGE_IDENTITY_NUMBER(HouseholdChanges.SETTLED_TOO, null, EnumSet.of(Role.AGENCY_CASEWORKER)),
    CHANGE_ADDRESS(HouseholdChanges.SETTLED_TOO, null, EnumSet.of(Role.AGENCY_CASEWORKER)),
    // ---- h2-lifecycle (issue 20 items 3 and 4) ----
    /** A new living-situation period from a date (the current one ends that day); the state is unchanged. */
    RECORD_LIVING_SITUATION(CaseLifecycle.OPEN, null, EnumSet.of(Role.RECEPTION_STAFF, Role.AGENCY_CASEWORKER)),
    /** A corrected living-situation period (kind, place, first day), kept with its before → after. */
    CORRECT_LIVING_SITUATION(CaseLifecycle.OPEN, null, EnumSet.of(Role.AGENCY_CASEWORKER)),
    /**
     * Closes a case whose household has an offer (accepted, or held while away): its places are released and the
     * municipality is told in the case thread. Same reasons and informed-of-consequence rule as {@link #CLOSE}.
     */
    CLOSE_WITH_OFFER(EnumSet.of(CaseStatus.OFFERED, CaseStatus.TEMPORARILY_ABSENT), CaseStatus.CLOSED,
            EnumSet.of(Role.AGENCY_CASEWORKER)),
    /** The agency withdraws an accepted offer with a reason: the places are released, the household is ready again. */
    WITHDRAW_OFFER(EnumSet.of(CaseStatus.OFFERED), CaseStatus.READY_FOR_ALLOCATION, EnumSet.of(Role.AGENCY_CASEWORKER)),
    /** The household travelled abroad (report 000 lines 4027–4037): away from a date, expected back on another. */
    MARK_ABSENT(EnumSet.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION, CaseStatus.OFFERED),
            CaseStatus.TEMPORARILY_ABSENT, EnumSet.of(Role.RECEPTION_STAFF, Role.AGENCY_CASEWORKER)),
    /** The accepting municipality holds the places (and the dwelling) while the household is away. */
    HOLD_PLACES(EnumSet.of(CaseStatus.TEMPORARILY_ABSENT), null, EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    /** The accepting municipality releases the places while the household is away; on return it is ready for allocation. */
    RELEASE_PLACES(EnumSet.of(CaseStatus.TEMPORARILY_ABSENT), null, EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    /**
     * The household is back: the case returns to the state recorded with the absence (target null here because it
     * depends on that record) — an offer whose places were released returns to ready for allocation.
     */
    RETURN_FROM_ABSENCE(EnumSet.of(CaseStatus.TEMPORARILY_ABSENT), null, EnumSet.of(Role.RECEPTION_STAFF, Role.AGENCY_CASEWORKER)),
    /**
     * Reopens a closed case with a reason, within six months of the permit (report 000 lines 3068–3080 and 3987–4025:
     * a person who moved out of reception may still apply within six months); back to mapping, the waiting restarts.
     */
    REOPEN(EnumSet.of(CaseStatus.CLOSED), CaseStatus.UNDER_MAPPING, EnumSet.of(Role.AGENCY_CASEWORKER)),
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
