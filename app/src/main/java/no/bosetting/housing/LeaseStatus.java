package no.bosetting.housing;

/** A lease runs until it is ended; it is never renewed automatically. */
public enum LeaseStatus {
    ACTIVE,
    ENDED
}
