package no.bosetting.grants;

/**
 * The grants a settlement or a stay brings the municipality. The integration grant runs for the settlement year and
 * the next four years (report 000 lines 3013–3016); the unaccompanied-minors grant comes on top for a minor settled
 * alone; AMOT and MAMOT are paid per person and month to the hosting municipality (report 000 lines 2449–2457,
 * 2591–2597). The disability grant is granted per person by the agency ({@link AdditionalGrants}) and paid once.
 */
public enum GrantKind {
    INTEGRATION, UNACCOMPANIED_MINOR, DISABILITY, AMOT, MAMOT;

    /** Paid per month (AMOT, MAMOT) rather than per scheme year. */
    public boolean monthly() {
        return this == AMOT || this == MAMOT;
    }

    /** Rated per scheme year 1–5 and category. */
    public boolean perSchemeYear() {
        return this == INTEGRATION;
    }
}
