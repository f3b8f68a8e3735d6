package no.bosetting.statistics;

/**
 * Requested vs. decided vs. settled (and accepted-not-yet-settled) persons for one unit: a
 * municipality, a county, a centrality class or the country. In published rows a withheld count
 * (see {@link Disclosure}) is −1; requested and decided are plans and council decisions, not counts
 * of persons, and are always shown.
 *
 * @param used settled plus accepted-not-yet-settled, −1 when withheld
 */
public record ProgressRow(String key, String name, String countyName, int requested, int decided, int settled,
                          int acceptedNotSettled, int used) {

    public ProgressRow(String key, String name, String countyName, int requested, int decided, int settled, int acceptedNotSettled) {
        this(key, name, countyName, requested, decided, settled, acceptedNotSettled, settled + acceptedNotSettled);
    }

    /** Settled plus accepted against decided, or null without a decision or when the used places are withheld. */
    public Double fillRatio() {
        return decided > 0 && used >= 0 ? (double) used / decided : null;
    }

    ProgressRow plus(ProgressRow o) {
        return new ProgressRow(key, name, countyName, requested + o.requested, decided + o.decided, settled + o.settled,
                acceptedNotSettled + o.acceptedNotSettled);
    }

    /** The same row with the published counts, −1 where withheld. */
    ProgressRow published(int settled, int acceptedNotSettled, int used) {
        return new ProgressRow(key, name, countyName, requested, decided, settled, acceptedNotSettled, used);
    }
}
