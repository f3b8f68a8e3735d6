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
    RECORD_INTERVIEW(EnumSet.of(CaseStatus.UNDER_MAPPING), CaseStatus.READY_FOR_ALLOCATION,
            EnumSet.of(Role.RECEPTION_STAFF, Role.AGENCY_CASEWORKER)),
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
    CLOSE(EnumSet.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION), CaseStatus.CLOSED,
            EnumSet.of(Role.AGENCY_CASEWORKER)),
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
    CHANGE_ADDRESS(HouseholdChanges.SETTLED_TOO, null, EnumSet.of(Role.AGENCY_CASEWORKER));

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
