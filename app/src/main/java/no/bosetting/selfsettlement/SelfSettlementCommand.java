package no.bosetting.selfsettlement;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;

/**
 * The commands on a self-settlement request: the states each applies to, where it leads and who may issue it.
 * Scope (own municipality, own household) is the request's: see {@link SelfSettlementRequests#find}. Registering a
 * request is not among them, since it starts from no request at all ({@link SelfSettlementRegistrations#register}).
 */
public enum SelfSettlementCommand implements Transition<RequestStatus> {
    /** The municipality starts checking the dwelling and lease (also implied by saving the checklist or forwarding). */
    START_CHECK(EnumSet.of(RequestStatus.REQUESTED), RequestStatus.UNDER_MUNICIPAL_CHECK, EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    /** The municipality saves its checklist as far as it has come; the status stays (after the check has started). */
    SAVE_CHECKLIST(EnumSet.of(RequestStatus.REQUESTED, RequestStatus.UNDER_MUNICIPAL_CHECK), null,
            EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    /** The municipality approves dwelling and lease and sends the request to the agency. */
    FORWARD(EnumSet.of(RequestStatus.REQUESTED, RequestStatus.UNDER_MUNICIPAL_CHECK), RequestStatus.FORWARDED,
            EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    /** The municipality refuses before forwarding, with a reason. */
    MUNICIPALITY_REFUSE(EnumSet.of(RequestStatus.REQUESTED, RequestStatus.UNDER_MUNICIPAL_CHECK), RequestStatus.REFUSED,
            EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    /** The agency approves a forwarded request (in the requested municipality or a neighbour). */
    APPROVE(EnumSet.of(RequestStatus.FORWARDED), RequestStatus.APPROVED, EnumSet.of(Role.AGENCY_CASEWORKER)),
    /** The agency refuses a forwarded request, with a reason. */
    AGENCY_REFUSE(EnumSet.of(RequestStatus.FORWARDED), RequestStatus.REFUSED, EnumSet.of(Role.AGENCY_CASEWORKER)),
    /** The refugee withdraws their own open request. */
    WITHDRAW(RequestStatus.OPEN, RequestStatus.WITHDRAWN, EnumSet.of(Role.REFUGEE)),
    /** The dwelling was lost before a decision: recorded by the refugee, the municipality or the agency. */
    DWELLING_LOST(RequestStatus.OPEN, RequestStatus.DWELLING_LOST,
            EnumSet.of(Role.REFUGEE, Role.MUNICIPALITY_OFFICER, Role.AGENCY_CASEWORKER));

    private final Set<RequestStatus> from;
    private final RequestStatus to;
    private final Set<Role> roles;

    SelfSettlementCommand(Set<RequestStatus> from, RequestStatus to, Set<Role> roles) {
        this.from = Set.copyOf(from);
        this.to = to;
        this.roles = Set.copyOf(roles);
    }

    @Override
    public Set<RequestStatus> from() {
        return from;
    }

    @Override
    public RequestStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
