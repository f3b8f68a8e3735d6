package no.bosetting.statistics;

/**
 * Primary suppression, the first half of the published rule: a count of 1–4 households or persons is
 * withheld, and so is an average or share computed from 1–4 households. Zero is shown, because it
 * identifies no one. Used on its own this is not enough — a withheld cell can often be worked out from
 * the totals — so every public output goes through {@link Disclosure}, which adds complementary
 * suppression on top of this rule.
 */
public final class SmallCells {

    public static final int THRESHOLD = 5;

    private SmallCells() {
    }

    public static boolean suppressed(int count) {
        return count > 0 && count < THRESHOLD;
    }

    /** The count, or null when it is suppressed. */
    public static Integer count(int count) {
        return suppressed(count) ? null : count;
    }

    /** A value derived from {@code base} households, or null when the base is suppressed or empty. */
    public static Double derived(Double value, int base) {
        return base == 0 || suppressed(base) ? null : value;
    }
}
