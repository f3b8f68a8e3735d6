package no.bosetting.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one small-cell rule for published statistics: primary suppression of counts 1–4 plus complementary
 * suppression, over any number of tables that share margins or count the same population.
 *
 * <p><b>The rule.</b> A published count of 1–4 ({@link SmallCells#suppressed(int)}) is withheld; 0 is shown.
 * Then further counts are withheld, smallest first, until no withheld 1–4 count can be worked out from what
 * is published — neither exactly nor so far as to show that it is below 5 — not from a total and its other
 * parts (row, column and grand totals, and totals that another table of the same population publishes), not
 * from any combination of such sums, and not with the knowledge that every withheld published count is at
 * least 1 (because 0 is always shown). So a reader cannot even tell a small withheld count from a large one. Counts
 * that are never published but follow from published ones (say households settled after 3 but within 6
 * months, from two published shares) are protected the same way. Two counts of one population in two
 * tables (persons and households of one group) are withheld together. Every withheld count is shown with
 * the same mark, so a reader cannot tell a small count from a complementary one.
 *
 * <p><b>Use.</b> Describe the cells ({@link #count}, {@link #internal}, {@link #fixed}), the sums that a reader
 * can form ({@link #sum}) and the counts of one population ({@link #link}), then call {@link #protect()}.
 * The result says which cells may be published. The computation is deterministic: the same numbers give
 * the same pattern, so a page, its exports and the API never disagree.
 *
 * <p><b>How.</b> After primary suppression, every sum with exactly one withheld cell, or whose withheld cells
 * leave a 1–4 count an upper bound below 5, gets a further withheld cell (a part before the total, the
 * smallest non-zero count first). Then an audit plays the attacker: a withheld 1–4 count that is determined
 * by the linear system of all published sums (its unit vector lies in the row space of the sums restricted to
 * withheld cells, checked with exact modular Gaussian elimination), or whose upper bound from interval
 * propagation (withheld published counts at least 1) is below 5, gets a further complementary cell next to
 * it; repeat until the audit passes.
 */
public final class Disclosure {

    private enum Kind { PUBLISHED, INTERNAL, FIXED }

    private static final long INF = Long.MAX_VALUE / 4;
    private static final long[] PRIMES = {1_000_000_007L, 998_244_353L};

    private final List<String> ids = new ArrayList<>();
    private final List<Integer> values = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    /** Each relation: element 0 is the total, the rest are its parts. */
    private final List<int[]> relations = new ArrayList<>();
    private final List<int[]> links = new ArrayList<>();
    private final Set<Integer> forced = new HashSet<>();

    /** A published count: withheld when 1–4 or when needed to protect one. */
    public Disclosure count(String id, int value) {
        return add(id, value, Kind.PUBLISHED);
    }

    /** A count that is never published but that a reader can derive from published ones; protected when 1–4. */
    public Disclosure internal(String id, int value) {
        return add(id, value, Kind.INTERNAL);
    }

    /** A count published elsewhere without this rule (a council decision, say): known, never withheld here. */
    public Disclosure fixed(String id, int value) {
        return add(id, value, Kind.FIXED);
    }

    /** A published count that is withheld whatever its value (it is withheld in another output). */
    public Disclosure hide(String id) {
        forced.add(indexOf(id));
        return this;
    }

    private Disclosure add(String id, int value, Kind kind) {
        if (index.containsKey(id)) {
            throw new IllegalArgumentException("cell " + id + " twice");
        }
        if (value < 0) {
            throw new IllegalArgumentException("negative count " + id);
        }
        index.put(id, ids.size());
        ids.add(id);
        values.add(value);
        kinds.add(kind);
        return this;
    }

    public boolean has(String id) {
        return index.containsKey(id);
    }

    /** {@code total} is the sum of {@code parts}: a row, column or grand total, or a total another table publishes. */
    public Disclosure sum(String total, Collection<String> parts) {
        int[] r = new int[parts.size() + 1];
        r[0] = indexOf(total);
        int i = 1;
        for (String p : parts) {
            r[i++] = indexOf(p);
        }
        if (r.length > 1) {
            relations.add(r);
        }
        return this;
    }

    /** Counts of the same population (persons and households of one group): both shown or both withheld. */
    public Disclosure link(String... cells) {
        links.add(Arrays.stream(cells).mapToInt(this::indexOf).toArray());
        return this;
    }

    private int indexOf(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("no cell " + id);
        }
        return i;
    }

    /** The cells that may be published. */
    public Result protect() {
        int n = ids.size();
        boolean[] hidden = new boolean[n];
        boolean[] sensitive = new boolean[n];
        for (int i = 0; i < n; i++) {
            sensitive[i] = kinds.get(i) != Kind.FIXED && SmallCells.suppressed(values.get(i));
            hidden[i] = kinds.get(i) == Kind.INTERNAL || (kinds.get(i) == Kind.PUBLISHED && sensitive[i]);
        }
        for (int i : forced) {
            if (kinds.get(i) == Kind.FIXED) {
                throw new IllegalStateException("cell " + ids.get(i) + " is fixed and cannot be withheld");
            }
            hidden[i] = true;
        }
        int guard = 0;
        while (true) {
            if (++guard > 10 * n + 10) {
                throw new IllegalStateException("small-cell protection did not settle");
            }
            boolean changed = linkPass(hidden);
            for (int[] r : relations) {
                changed |= relationPass(r, hidden, sensitive);
            }
            if (changed) {
                continue;
            }
            List<Integer> failing = audit(hidden, sensitive);
            if (failing.isEmpty()) {
                break;
            }
            boolean added = false;
            for (int i : failing) {
                Integer c = complementNear(i, hidden, false);
                if (c == null) {
                    c = complementNear(i, hidden, true);
                }
                if (c != null && !hidden[c]) {
                    withhold(c, hidden);
                    added = true;
                }
            }
            if (!added) {
                throw new IllegalStateException("cannot protect " + failing.stream().map(ids::get).toList()
                        + ": they follow from counts published elsewhere");
            }
        }
        Map<String, Integer> shown = new LinkedHashMap<>();
        Set<String> withheld = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (kinds.get(i) == Kind.INTERNAL) {
                continue;
            }
            if (hidden[i]) {
                withheld.add(ids.get(i));
            } else {
                shown.put(ids.get(i), values.get(i));
            }
        }
        return new Result(shown, withheld);
    }

    private boolean linkPass(boolean[] hidden) {
        boolean changed = false;
        for (int[] link : links) {
            boolean any = Arrays.stream(link).anyMatch(i -> hidden[i]);
            for (int i : link) {
                if (any && !hidden[i] && kinds.get(i) != Kind.FIXED) {
                    hidden[i] = true;
                    changed = true;
                }
            }
        }
        return changed;
    }

    private long lowerBound(int i) {
        return kinds.get(i) == Kind.PUBLISHED ? 1 : 0;
    }

    /** Adds one complementary cell to a sum that leaves a withheld cell exposed; true when it did. */
    private boolean relationPass(int[] r, boolean[] hidden, boolean[] sensitive) {
        List<Integer> withheld = new ArrayList<>();
        for (int i : r) {
            if (hidden[i]) {
                withheld.add(i);
            }
        }
        if (withheld.isEmpty()) {
            return false;
        }
        boolean needs;
        if (withheld.size() == 1) {
            int h = withheld.get(0);
            needs = sensitive[h] || kinds.get(h) == Kind.PUBLISHED;
        } else {
            long slack = hidden[r[0]] ? INF : slack(r, hidden);
            needs = withheld.stream().anyMatch(i -> sensitive[i] && slack + lowerBound(i) < SmallCells.THRESHOLD);
        }
        if (!needs) {
            return false;
        }
        Integer c = best(r, hidden, false);
        if (c == null) {
            return false;
        }
        withhold(c, hidden);
        return true;
    }

    /** Withholds a cell and at once the counts of the same population, so the next sum sees both. */
    private void withhold(int cell, boolean[] hidden) {
        hidden[cell] = true;
        for (int[] link : links) {
            if (Arrays.stream(link).anyMatch(i -> i == cell)) {
                for (int i : link) {
                    if (!hidden[i] && kinds.get(i) != Kind.FIXED) {
                        withhold(i, hidden);
                    }
                }
            }
        }
    }

    /**
     * What the withheld parts of a sum with a published total add up to, above their known lower bounds: a
     * withheld part can be at most its lower bound plus this.
     */
    private long slack(int[] r, boolean[] hidden) {
        long rest = values.get(r[0]);
        long lower = 0;
        for (int k = 1; k < r.length; k++) {
            if (hidden[r[k]]) {
                lower += lowerBound(r[k]);
            } else {
                rest -= values.get(r[k]);
            }
        }
        return rest - lower;
    }

    /** The cheapest cell of a sum to withhold next: a part before the total, the smallest non-zero count first. */
    private Integer best(int[] r, boolean[] hidden, boolean allowZero) {
        Integer best = null;
        for (int k = r.length - 1; k >= 0; k--) {
            int i = r[k];
            if (hidden[i] || kinds.get(i) != Kind.PUBLISHED || (!allowZero && values.get(i) == 0)) {
                continue;
            }
            if (best == null || cost(i, r) < cost(best, r) || (cost(i, r) == cost(best, r) && i < best)) {
                best = i;
            }
        }
        return best;
    }

    private long cost(int i, int[] r) {
        return (i == r[0] ? INF / 2 : 0) + values.get(i);
    }

    /**
     * A complementary cell for a withheld count the audit found exposed: in its sum with fewest withheld cells; when
     * every cell of its sums is withheld already, in the sums of those withheld cells, and so on outwards.
     */
    private Integer complementNear(int cell, boolean[] hidden, boolean allowZero) {
        Set<Integer> reached = new HashSet<>(List.of(cell));
        Set<Integer> seenRelations = new HashSet<>();
        while (true) {
            Integer chosen = null;
            long chosenWithheld = Long.MAX_VALUE;
            long chosenCost = Long.MAX_VALUE;
            Set<Integer> next = new HashSet<>();
            for (int k = 0; k < relations.size(); k++) {
                int[] r = relations.get(k);
                if (seenRelations.contains(k) || Arrays.stream(r).noneMatch(reached::contains)) {
                    continue;
                }
                seenRelations.add(k);
                Arrays.stream(r).filter(i -> hidden[i] && !reached.contains(i)).forEach(next::add);
                Integer c = best(r, hidden, allowZero);
                if (c == null) {
                    continue;
                }
                long withheld = Arrays.stream(r).filter(i -> hidden[i]).count();
                long cost = cost(c, r);
                if (withheld < chosenWithheld || (withheld == chosenWithheld && cost < chosenCost)) {
                    chosen = c;
                    chosenWithheld = withheld;
                    chosenCost = cost;
                }
            }
            if (chosen != null || next.isEmpty()) {
                return chosen;
            }
            reached.addAll(next);
        }
    }

    /** The withheld 1–4 counts a reader can still work out, or show to be below 5. */
    private List<Integer> audit(boolean[] hidden, boolean[] sensitive) {
        Set<Integer> failing = new java.util.TreeSet<>();
        for (long p : PRIMES) {
            failing.addAll(determined(hidden, sensitive, p));
        }
        failing.addAll(pinned(hidden, sensitive));
        return new ArrayList<>(failing);
    }

    /** Sensitive withheld cells whose unit vector lies in the row space of the sums over withheld cells (mod p). */
    private List<Integer> determined(boolean[] hidden, boolean[] sensitive, long p) {
        int n = ids.size();
        int[] column = new int[n];
        Arrays.fill(column, -1);
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (hidden[i]) {
                column[i] = cells.size();
                cells.add(i);
            }
        }
        List<long[]> rows = new ArrayList<>();
        for (int[] r : relations) {
            long[] row = new long[cells.size()];
            boolean any = false;
            for (int k = 0; k < r.length; k++) {
                int c = column[r[k]];
                if (c >= 0) {
                    row[c] = Math.floorMod(row[c] + (k == 0 ? 1 : -1), p);
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        long[][] a = rows.toArray(new long[0][]);
        int m = a.length;
        int cols = cells.size();
        int[] pivotRow = new int[cols];
        Arrays.fill(pivotRow, -1);
        int rank = 0;
        for (int c = 0; c < cols && rank < m; c++) {
            int found = -1;
            for (int r = rank; r < m; r++) {
                if (a[r][c] != 0) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            long[] tmp = a[rank];
            a[rank] = a[found];
            a[found] = tmp;
            long inv = inverse(a[rank][c], p);
            for (int j = c; j < cols; j++) {
                a[rank][j] = a[rank][j] * inv % p;
            }
            for (int r = 0; r < m; r++) {
                if (r != rank && a[r][c] != 0) {
                    long f = a[r][c];
                    for (int j = c; j < cols; j++) {
                        if (a[rank][j] != 0) {
                            a[r][j] = Math.floorMod(a[r][j] - f * a[rank][j] % p, p);
                        }
                    }
                }
            }
            pivotRow[c] = rank++;
        }
        List<Integer> result = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            int cell = cells.get(c);
            if (!sensitive[cell] || pivotRow[c] < 0) {
                continue;
            }
            long[] row = a[pivotRow[c]];
            boolean alone = true;
            for (int j = 0; j < cols && alone; j++) {
                alone = j == c || row[j] == 0;
            }
            if (alone) {
                result.add(cell);
            }
        }
        return result;
    }

    private static long inverse(long a, long p) {
        long result = 1;
        long base = a % p;
        long e = p - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result * base % p;
            }
            base = base * base % p;
            e >>= 1;
        }
        return result;
    }

    /**
     * Sensitive withheld cells that interval propagation over the sums (a withheld published count at least 1,
     * an internal one at least 0) pins to one value or shows to be below 5.
     */
    private List<Integer> pinned(boolean[] hidden, boolean[] sensitive) {
        int n = ids.size();
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (int i = 0; i < n; i++) {
            lo[i] = hidden[i] ? lowerBound(i) : values.get(i);
            hi[i] = hidden[i] ? INF : values.get(i);
        }
        boolean changed = true;
        for (int round = 0; changed && round < 200; round++) {
            changed = false;
            for (int[] r : relations) {
                long partsLo = 0;
                long partsHi = 0;
                int infinite = 0;
                for (int k = 1; k < r.length; k++) {
                    partsLo += lo[r[k]];
                    if (hi[r[k]] >= INF) {
                        infinite++;
                    } else {
                        partsHi += hi[r[k]];
                    }
                }
                int t = r[0];
                if (hidden[t]) {
                    changed |= tighten(t, partsLo, infinite > 0 ? INF : partsHi, lo, hi);
                }
                for (int k = 1; k < r.length; k++) {
                    int x = r[k];
                    if (!hidden[x]) {
                        continue;
                    }
                    long othersLo = partsLo - lo[x];
                    int othersInfinite = infinite - (hi[x] >= INF ? 1 : 0);
                    long othersHi = othersInfinite > 0 ? INF : partsHi - (hi[x] >= INF ? 0 : hi[x]);
                    long newLo = othersHi >= INF ? lo[x] : lo[t] - othersHi;
                    long newHi = hi[t] >= INF ? INF : hi[t] - othersLo;
                    changed |= tighten(x, newLo, newHi, lo, hi);
                }
            }
        }
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (hidden[i] && sensitive[i] && (lo[i] >= hi[i] || hi[i] < SmallCells.THRESHOLD)) {
                result.add(i);
            }
        }
        return result;
    }

    private static boolean tighten(int i, long newLo, long newHi, long[] lo, long[] hi) {
        boolean changed = false;
        if (newLo > lo[i]) {
            lo[i] = newLo;
            changed = true;
        }
        if (newHi < hi[i]) {
            hi[i] = newHi;
            changed = true;
        }
        return changed;
    }

    /** The outcome: the published cells with their values, and the withheld ones. */
    public record Result(Map<String, Integer> shown, Set<String> withheld) {

        public boolean isShown(String id) {
            return shown.containsKey(id);
        }

        /** The count, or null when withheld. */
        public Integer value(String id) {
            return shown.get(id);
        }

        /** The count, or −1 when withheld (the int convention of the statistics rows). */
        public int orMinusOne(String id) {
            Integer v = shown.get(id);
            return v == null ? -1 : v;
        }
    }

    /**
     * One table with its margins: the last column holds the row totals, the last row the column totals and
     * the corner the grand total. Returns the publishable table, null where a cell is withheld.
     */
    public static Integer[][] table(int[][] withMargins) {
        int rows = withMargins.length;
        int cols = withMargins[0].length;
        Disclosure d = new Disclosure();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                d.count(r + "," + c, withMargins[r][c]);
            }
        }
        for (int r = 0; r < rows; r++) {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < cols - 1; c++) {
                parts.add(r + "," + c);
            }
            d.sum(r + "," + (cols - 1), parts);
        }
        for (int c = 0; c < cols; c++) {
            List<String> parts = new ArrayList<>();
            for (int r = 0; r < rows - 1; r++) {
                parts.add(r + "," + c);
            }
            d.sum((rows - 1) + "," + c, parts);
        }
        Result result = d.protect();
        Integer[][] out = new Integer[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = result.value(r + "," + c);
            }
        }
        return out;
    }
}
