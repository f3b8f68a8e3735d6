package no.bosetting.selfsettlement;

/** Why a request was refused, as seen in practice (the reports' categories), plus other with a text. */
public enum RefusalReason {
    ALREADY_ALLOCATED,
    LEASE_REQUIREMENTS,
    NO_PERMIT,
    CONCENTRATION,
    MUNICIPALITY_FULL,
    OTHER,
    /** The municipality does not take part in agreed self-settlement: refused at once, and recorded (item 9). */
    NOT_PARTICIPATING
}
