package no.bosetting.selfsettlement;

import java.util.EnumSet;
import java.util.Set;

/** Where a self-settlement request is. REQUESTED, UNDER_MUNICIPAL_CHECK and FORWARDED are open. */
public enum RequestStatus {
    REQUESTED,
    UNDER_MUNICIPAL_CHECK,
    FORWARDED,
    APPROVED,
    REFUSED,
    WITHDRAWN,
    DWELLING_LOST;

    public static final Set<RequestStatus> OPEN = EnumSet.of(REQUESTED, UNDER_MUNICIPAL_CHECK, FORWARDED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
