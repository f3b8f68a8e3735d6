package no.bosetting.selfsettlement;

/** Why a request was refused, as seen in practice (the reports' categories), plus other with a text. */
public enum RefusalReason {
    ALREADY_ALLOCATED,
    LEASE_REQUIREMENTS,
    NO_PERMIT,
    CONCENTRATION,
    MUNICIPALITY_FULL,
    OTHER
}
