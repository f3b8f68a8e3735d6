package no.bosetting.statistics;

/**
 * The published suppression rule: a count of 1–4 households or persons is not shown in breakdowns
 * that could identify someone (waiting times, household types, living situation), and neither is an
 * average or share computed from 1–4 households. Zero is shown, because it identifies no one.
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
