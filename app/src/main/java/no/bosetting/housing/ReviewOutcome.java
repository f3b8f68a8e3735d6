package no.bosetting.housing;

/** What the review of the tenant's situation before a lease expires concluded. */
public enum ReviewOutcome {
    RENEW,
    PRIVATE_MARKET,
    START_LOAN
}
