package no.bosetting.decisions;

public enum DecisionStatus {
    /** The decision is made and the single offer given; the place is taken. */
    OFFERED,
    /** The person has moved to the municipality; the place is used. */
    SETTLED,
    /** The person declined the offer; the place is released. */
    DECLINED,
    /** The decision was reversed after a granted reconsideration; the place is released. */
    REVOKED,
    /**
     * The household's offer ended without settlement — its case closed, the offer withdrawn, or the municipality
     * released the places while the household was away; the place is released.
     */
    RELEASED
}
