package no.bosetting.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.statistics.DisclosureCells.Kind;

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
 * <p><b>How.</b> {@link ComplementarySuppression} withholds the 1–4 counts and the complementary cells, checked by
 * {@link RecoverabilityAudit}, which plays the attacker; both see the cells as {@link DisclosureCells}.
 */
public final class Disclosure {

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
        DisclosureCells cells = new DisclosureCells(Collections.unmodifiableList(ids), Collections.unmodifiableList(values),
                Collections.unmodifiableList(kinds), Collections.unmodifiableList(relations), Collections.unmodifiableList(links),
                Collections.unmodifiableSet(forced));
        boolean[] hidden = new ComplementarySuppression(cells).hidden();
        Map<String, Integer> shown = new LinkedHashMap<>();
        Set<String> withheld = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
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
