package no.bosetting.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import no.bosetting.statistics.DisclosureCells.Kind;

/**
 * Primary and complementary suppression for a {@link Disclosure} problem. Primary: every published count of 1–4
 * is withheld, and every cell withheld whatever its value; counts of one population are withheld together. Then
 * every sum with exactly one withheld cell, or whose withheld cells leave a 1–4 count an upper bound below 5,
 * gets a further withheld cell (a part before the total, the smallest non-zero count first). When no sum needs
 * one, the {@link RecoverabilityAudit} plays the attacker; each withheld 1–4 count it can still work out gets a
 * further complementary cell next to it, and the passes repeat until the audit passes.
 */
final class ComplementarySuppression {

    private static final long INF = DisclosureCells.INF;

    private final DisclosureCells cells;
    private final RecoverabilityAudit audit;

    ComplementarySuppression(DisclosureCells cells) {
        this.cells = cells;
        this.audit = new RecoverabilityAudit(cells);
    }

    /** Which cells are withheld, by index: the internal ones included. */
    boolean[] hidden() {
        int n = cells.size();
        boolean[] hidden = new boolean[n];
        boolean[] sensitive = new boolean[n];
        for (int i = 0; i < n; i++) {
            sensitive[i] = cells.kind(i) != Kind.FIXED && SmallCells.suppressed(cells.value(i));
            hidden[i] = cells.kind(i) == Kind.INTERNAL || (cells.kind(i) == Kind.PUBLISHED && sensitive[i]);
        }
        for (int i : cells.forced()) {
            if (cells.kind(i) == Kind.FIXED) {
                throw new IllegalStateException("cell " + cells.id(i) + " is fixed and cannot be withheld");
            }
            hidden[i] = true;
        }
        int guard = 0;
        while (true) {
            if (++guard > 10 * n + 10) {
                throw new IllegalStateException("small-cell protection did not settle");
            }
            boolean changed = linkPass(hidden);
            for (int[] r : cells.relations()) {
                changed |= relationPass(r, hidden, sensitive);
            }
            if (changed) {
                continue;
            }
            List<Integer> failing = audit.exposed(hidden, sensitive);
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
                throw new IllegalStateException("cannot protect " + failing.stream().map(cells::id).toList()
                        + ": they follow from counts published elsewhere");
            }
        }
        return hidden;
    }

    private boolean linkPass(boolean[] hidden) {
        boolean changed = false;
        for (int[] link : cells.links()) {
            boolean any = Arrays.stream(link).anyMatch(i -> hidden[i]);
            for (int i : link) {
                if (any && !hidden[i] && cells.kind(i) != Kind.FIXED) {
                    hidden[i] = true;
                    changed = true;
                }
            }
        }
        return changed;
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
            needs = sensitive[h] || cells.kind(h) == Kind.PUBLISHED;
        } else {
            long slack = hidden[r[0]] ? INF : slack(r, hidden);
            needs = withheld.stream().anyMatch(i -> sensitive[i] && slack + cells.lowerBound(i) < SmallCells.THRESHOLD);
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
        for (int[] link : cells.links()) {
            if (Arrays.stream(link).anyMatch(i -> i == cell)) {
                for (int i : link) {
                    if (!hidden[i] && cells.kind(i) != Kind.FIXED) {
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
        long rest = cells.value(r[0]);
        long lower = 0;
        for (int k = 1; k < r.length; k++) {
            if (hidden[r[k]]) {
                lower += cells.lowerBound(r[k]);
            } else {
                rest -= cells.value(r[k]);
            }
        }
        return rest - lower;
    }

    /** The cheapest cell of a sum to withhold next: a part before the total, the smallest non-zero count first. */
    private Integer best(int[] r, boolean[] hidden, boolean allowZero) {
        Integer best = null;
        for (int k = r.length - 1; k >= 0; k--) {
            int i = r[k];
            if (hidden[i] || cells.kind(i) != Kind.PUBLISHED || (!allowZero && cells.value(i) == 0)) {
                continue;
            }
            if (best == null || cost(i, r) < cost(best, r) || (cost(i, r) == cost(best, r) && i < best)) {
                best = i;
            }
        }
        return best;
    }

    private long cost(int i, int[] r) {
        return (i == r[0] ? INF / 2 : 0) + cells.value(i);
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
            for (int k = 0; k < cells.relations().size(); k++) {
                int[] r = cells.relations().get(k);
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
}
