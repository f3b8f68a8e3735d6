package no.bosetting.crisis;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;

/** What the agency does with a municipality's notification (issue 18 item 1; report 000 lines 8985–8995, 9150–9160). */
public enum NotificationCommand implements Transition<NotificationStatus> {
    /** The agency takes it up: the named refugee's settlement is followed up towards that municipality. */
    TAKE_UP(EnumSet.of(NotificationStatus.NEW), NotificationStatus.TAKEN_UP,
            EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_PLANNER, Role.AGENCY_ADMIN)),
    /** The agency declines it, with a reason the municipality sees. */
    DECLINE(EnumSet.of(NotificationStatus.NEW), NotificationStatus.DECLINED,
            EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_PLANNER, Role.AGENCY_ADMIN));

    private final Set<NotificationStatus> from;
    private final NotificationStatus target;
    private final Set<Role> roles;

    NotificationCommand(Set<NotificationStatus> from, NotificationStatus target, Set<Role> roles) {
        this.from = from;
        this.target = target;
        this.roles = roles;
    }

    @Override
    public Set<NotificationStatus> from() {
        return from;
    }

    @Override
    public NotificationStatus target() {
        return target;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
