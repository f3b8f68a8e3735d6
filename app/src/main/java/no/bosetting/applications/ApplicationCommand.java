package no.bosetting.applications;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;

/**
 * The commands on a settlement application: the refugee saves a draft and sends it; the agency accepts or refuses a
 * sent one. Scope is the application's: a refugee reaches only the application of their own DUF number (a new draft
 * when they have none), the agency every one. Linking an application to its case when the permit arrives is no
 * command: the system does it on every read, and the status stays. A late application is accepted only with
 * {@link #ACCEPT_LATE}.
 */
public enum ApplicationCommand implements Transition<ApplicationStatus> {
    SAVE_DRAFT(EnumSet.of(ApplicationStatus.DRAFT), null, EnumSet.of(Role.REFUGEE)),
    SEND(EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.SUBMITTED, EnumSet.of(Role.REFUGEE)),
    ACCEPT(EnumSet.of(ApplicationStatus.SUBMITTED), ApplicationStatus.ACCEPTED, EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN)),
    REFUSE(EnumSet.of(ApplicationStatus.SUBMITTED), ApplicationStatus.REFUSED, EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN)),
    /**
     * Accepting an application sent after the six-month deadline: the discretionary path, decided by the designated
     * group so that late applications are treated alike (report 000 around lines 3946–3950: the same caseworkers
     * handled every late application). The designated group is the agency administrators, as for reconsideration.
     * Refusing a late one is {@link #REFUSE}: it only confirms the main rule, that the deadline ended the right.
     */
    ACCEPT_LATE(EnumSet.of(ApplicationStatus.SUBMITTED), ApplicationStatus.ACCEPTED, EnumSet.of(Role.AGENCY_ADMIN));

    /** The acceptance that applies to this application: on time, or on the discretionary path. */
    public static ApplicationCommand acceptFor(boolean late) {
        return late ? ACCEPT_LATE : ACCEPT;
    }

    private final Set<ApplicationStatus> from;
    private final ApplicationStatus to;
    private final Set<Role> roles;

    ApplicationCommand(Set<ApplicationStatus> from, ApplicationStatus to, Set<Role> roles) {
        this.from = Set.copyOf(from);
        this.to = to;
        this.roles = Set.copyOf(roles);
    }

    @Override
    public Set<ApplicationStatus> from() {
        return from;
    }

    @Override
    public ApplicationStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
