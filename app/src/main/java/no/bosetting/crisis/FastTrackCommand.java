package no.bosetting.crisis;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;

/**
 * The joint fast-track application's transitions (issue 18 item 1; report 000 lines 685–700 and 8985–8995: "hvor
 * flyktningene og kommunen sammen søker om bosetting med offentlig hjelp og at kommunen med det har godtatt å bosette
 * flyktningen"). The refugee starts it on Min side ({@link FastTrackApplications#start}); the municipality co-signs;
 * only a signed application can be accepted.
 */
public enum FastTrackCommand implements Transition<FastTrackStatus> {
    CO_SIGN(EnumSet.of(FastTrackStatus.AWAITING_MUNICIPALITY), FastTrackStatus.SIGNED, EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    DECLINE_TO_SIGN(EnumSet.of(FastTrackStatus.AWAITING_MUNICIPALITY), FastTrackStatus.DECLINED_BY_MUNICIPALITY,
            EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    WITHDRAW(EnumSet.of(FastTrackStatus.AWAITING_MUNICIPALITY, FastTrackStatus.SIGNED), FastTrackStatus.WITHDRAWN,
            EnumSet.of(Role.REFUGEE)),
    ACCEPT(EnumSet.of(FastTrackStatus.SIGNED), FastTrackStatus.ACCEPTED, EnumSet.of(Role.AGENCY_CASEWORKER)),
    REFUSE(EnumSet.of(FastTrackStatus.AWAITING_MUNICIPALITY, FastTrackStatus.SIGNED), FastTrackStatus.REFUSED,
            EnumSet.of(Role.AGENCY_CASEWORKER));

    private final Set<FastTrackStatus> from;
    private final FastTrackStatus target;
    private final Set<Role> roles;

    FastTrackCommand(Set<FastTrackStatus> from, FastTrackStatus target, Set<Role> roles) {
        this.from = from;
        this.target = target;
        this.roles = roles;
    }

    @Override
    public Set<FastTrackStatus> from() {
        return from;
    }

    @Override
    public FastTrackStatus target() {
        return target;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
