package no.bosetting.statistics;

import java.util.List;
import java.util.Set;

/**
 * The cells of one {@link Disclosure} problem as the suppression and its audit see them: each cell by index with
 * its id, count and kind, the sums a reader can form (element 0 the total, the rest its parts), the counts of one
 * population, and the cells withheld whatever their value.
 */
record DisclosureCells(List<String> ids, List<Integer> values, List<Kind> kinds, List<int[]> relations, List<int[]> links,
                       Set<Integer> forced) {

    /** Published (withheld when 1–4 or needed to protect one), internal (never published) or fixed (known). */
    enum Kind { PUBLISHED, INTERNAL, FIXED }

    /** No upper bound. */
    static final long INF = Long.MAX_VALUE / 4;

    int size() {
        return ids.size();
    }

    String id(int i) {
        return ids.get(i);
    }

    int value(int i) {
        return values.get(i);
    }

    Kind kind(int i) {
        return kinds.get(i);
    }

    /** What a reader knows a withheld cell to be at least: a published count 1 (0 is always shown), else 0. */
    long lowerBound(int i) {
        return kinds.get(i) == Kind.PUBLISHED ? 1 : 0;
    }
}
