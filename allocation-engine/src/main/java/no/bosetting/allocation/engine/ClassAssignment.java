package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Class re-assignment (step 4, fifth move): all units of one <em>class</em> — the same persons, minors persons and
 * dwelling-row use, e.g. every single adult, or every family of four — are taken out at once and put back by an
 * exact assignment (Hungarian method) against the places the other units leave: municipality m offers
 * ⌊free persons / size⌋ slots (also bounded by its free minors places and dwelling rows), and a unit may also stay
 * unassigned. Units of one class use the rows identically, so any assignment that respects the slots is feasible,
 * and the optimum over the class is exact (a class of more than {@link Tuning#CLASS_CHUNK_UNITS} units is
 * re-assigned in chunks of that many, each exact for its chunk). This finds the long chains and cycles of moves among alike households
 * (a single adult moves so that another can take her place, and so on around ten municipalities with one or two
 * places) that a move, an ejection or a one-municipality re-packing cannot see, and that are where most of the
 * engine's loss against the proven optimum was at weekly sizes (fifth pass in the README). Kept only if the
 * objective strictly increases. Only in rounds of up to {@link Tuning#CLASS_MAX_ROUND_UNITS} units.
 */
final class ClassAssignment {

    private static final int R = UnitModel.LARGE_ROWS;
    /** Cost of a forbidden pair in the minimising Hungarian method: never chosen, since staying out costs 0. */
    private static final double FORBIDDEN = 1e12;

    private final Placement placement;
    private final UnitModel model;
    private final int municipalities;
    private final List<int[]> classes = new ArrayList<>();
    private int passes;

    ClassAssignment(Placement placement) {
        this.placement = placement;
        this.model = placement.model;
        this.municipalities = model.municipalities;
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        if (placement.units > Tuning.CLASS_MAX_ROUND_UNITS) {
            return;
        }
        // Classes in the seeded processing order of their first unit, so the pass is reproducible.
        for (int u : placement.order) {
            if (placement.active[u]) {
                String key = model.size[u] + "/" + model.minorPersons[u] + "/" + Arrays.toString(model.large[u]);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
            }
        }
        for (List<Integer> c : byKey.values()) {
            if (c.size() >= 2) {
                classes.add(c.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    /** One exact re-assignment per class, until {@code until}; true when the objective rose. */
    boolean pass(Deadline until) {
        boolean improved = false;
        int chunk = Tuning.CLASS_CHUNK_UNITS;
        for (int[] members : classes) {
            // A large class is re-assigned in chunks of its units (the rest of the class stays where it is); the
            // chunks start elsewhere on every pass, so that over the passes different units meet.
            int n = members.length;
            int chunks = (n + chunk - 1) / chunk;
            int offset = chunks == 1 ? 0 : (int) ((long) passes * Tuning.CLASS_CHUNK_STRIDE % n);
            for (int c = 0; c < chunks; c++) {
                if (until.passed()) {
                    return improved;
                }
                int from = c * n / chunks;
                int to = (c + 1) * n / chunks;
                int[] part = new int[to - from];
                for (int i = from; i < to; i++) {
                    part[i - from] = members[(i + offset) % n];
                }
                improved |= reassign(part, until);
            }
        }
        passes++;
        return improved;
    }

    private boolean reassign(int[] members, Deadline until) {
        int n = members.length;
        placement.beginTrial(2 * n);
        for (int u : members) {
            if (placement.of(u) >= 0) {
                placement.remove(u);
            }
        }
        int u0 = members[0];
        List<Integer> slots = new ArrayList<>();
        for (int m = 0; m < municipalities; m++) {
            int eligible = 0;
            for (int u : members) {
                if (model.value[u * municipalities + m] != Double.NEGATIVE_INFINITY) {
                    eligible++;
                }
            }
            if (eligible == 0) {
                continue;
            }
            int free = (model.capPersons[m] - placement.usedPersons(m)) / model.size[u0];
            if (model.minorPersons[u0] > 0) {
                free = Math.min(free, (model.capMinors[m] - placement.usedMinors(m)) / model.minorPersons[u0]);
            }
            int[] lg = model.large[u0];
            if (lg != null) {
                for (int k = 0; k < R; k++) {
                    if (lg[k] > 0) {
                        free = Math.min(free, (model.capLarge[m][k] - placement.usedDwellings(m, k)) / lg[k]);
                    }
                }
            }
            for (int s = Math.min(free, eligible); s > 0; s--) {
                slots.add(m);
            }
        }
        int[] column = new int[slots.size() + n];
        for (int j = 0; j < slots.size(); j++) {
            column[j] = slots.get(j);
        }
        Arrays.fill(column, slots.size(), column.length, -1);
        int[] to = hungarian(members, column, until);
        if (to == null) {
            placement.endTrial(Double.POSITIVE_INFINITY);
            return false;
        }
        for (int i = 0; i < n; i++) {
            int m = to[i];
            if (m >= 0 && model.value[members[i] * municipalities + m] != Double.NEGATIVE_INFINITY
                    && placement.fits(members[i], m)) {
                placement.add(members[i], m);
            }
        }
        return placement.endTrial(Tuning.MIN_GAIN);
    }

    /**
     * Maximum-value assignment of the units (rows) to the columns (a municipality's slot, or −1 = stay out, value
     * 0): the shortest-augmenting-path Hungarian method on costs −value, O(n²·columns). Returns each unit's
     * municipality or −1; null when {@code until} passed first (checked once per unit).
     */
    private int[] hungarian(int[] members, int[] column, Deadline until) {
        int n = members.length;
        int cols = column.length;
        double[] rowPot = new double[n + 1];
        double[] colPot = new double[cols + 1];
        int[] rowOf = new int[cols + 1];
        int[] way = new int[cols + 1];
        double[] minv = new double[cols + 1];
        boolean[] used = new boolean[cols + 1];
        for (int i = 1; i <= n; i++) {
            if (until.passed()) {
                return null;
            }
            rowOf[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOf[j0];
                int base = members[i0 - 1] * municipalities;
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= cols; j++) {
                    if (used[j]) {
                        continue;
                    }
                    int m = column[j - 1];
                    double cost;
                    if (m < 0) {
                        cost = 0;
                    } else {
                        double v = model.value[base + m];
                        cost = v == Double.NEGATIVE_INFINITY ? FORBIDDEN : -v;
                    }
                    double cur = cost - rowPot[i0] - colPot[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= cols; j++) {
                    if (used[j]) {
                        rowPot[rowOf[j]] += delta;
                        colPot[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            do {
                int j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] to = new int[n];
        Arrays.fill(to, -1);
        for (int j = 1; j <= cols; j++) {
            if (rowOf[j] != 0) {
                to[rowOf[j] - 1] = column[j - 1];
            }
        }
        return to;
    }
}
