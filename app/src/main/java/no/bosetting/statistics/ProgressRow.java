package no.bosetting.statistics;

/**
 * Requested vs. decided vs. settled (and accepted-not-yet-settled) persons for one unit: a
 * municipality, a county, a centrality class or the country.
 */
public record ProgressRow(String key, String name, String countyName, int requested, int decided, int settled,
                          int acceptedNotSettled) {

    public int used() {
        return settled + acceptedNotSettled;
    }

    /** Settled plus accepted against decided, or null without a decision. */
    public Double fillRatio() {
        return decided > 0 ? (double) used() / decided : null;
    }

    ProgressRow plus(ProgressRow o) {
        return new ProgressRow(key, name, countyName, requested + o.requested, decided + o.decided, settled + o.settled,
                acceptedNotSettled + o.acceptedNotSettled);
    }
}
