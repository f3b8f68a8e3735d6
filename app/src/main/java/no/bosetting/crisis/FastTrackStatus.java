package no.bosetting.crisis;

/**
 * A joint fast-track application: signed by the refugee and awaiting the municipality, signed by both, accepted by the
 * agency (an accepted proposal), refused by the agency, declined by the municipality, or withdrawn by the refugee.
 */
public enum FastTrackStatus {
    AWAITING_MUNICIPALITY,
    SIGNED,
    ACCEPTED,
    REFUSED,
    DECLINED_BY_MUNICIPALITY,
    WITHDRAWN
}
