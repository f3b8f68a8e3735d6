package no.bosetting.proposals;

/** Reason codes a municipality chooses from when it rejects a proposal; a text is always required too. */
public enum RejectionReason {
    NO_SUITABLE_DWELLING,
    SERVICES_NOT_AVAILABLE,
    CAPACITY_USED,
    HOUSEHOLD_COMPOSITION,
    TIMING,
    OTHER
}
