package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact neighbourhoods (step 4, sixth move): a few <em>linked</em> municipalities — each next one is where the
 * units of the set so far would most like to go, or where the units that would most like to come into the set are
 * now — give up their holders (all of them in a small municipality, the few cheapest at the persons prices in a
 * large one), and those, the unassigned units that want the set and the units elsewhere that would gain by moving in
 * are put back by an exact dynamic programme ({@link SetProgramme}) over which unit goes where in the set, or stays
 * out (worth its best municipality with room outside the set), or stays where it was. This sees the exchanges across
 * classes, across municipalities and across rows — a family of five takes a large dwelling and the places of three
 * single adults, who take the places of a couple elsewhere in the set — that the one- and two-unit moves, the
 * one-municipality re-packing and the per-class assignment cannot. The set grows only while the programme's states
 * (the product of the places + 1 it may fill per row) stay within {@link Tuning#NEIGHBOURHOOD_STATES}, so its work is
 * bounded. Units that end outside the set go to their best municipality with room; the whole change is kept only
 * if the objective strictly increases. Only in rounds of up to {@link Tuning#CLASS_MAX_ROUND_UNITS} units.
 */
final class Neighbourhood {

    private static final int R = UnitModel.LARGE_ROWS;

    private final Placement placement;
    private final UnitModel model;
    private final int municipalities;
    private final double[] price;
    /** Per unit, its best municipalities by value less the persons price (where it would go). */
    private final int[][] top;
    /** Per municipality, the units that have it among their best (who would come). */
    private final int[][] wantedBy;
    private int passes;

    // One neighbourhood: its municipalities and free units.
    private final int[] set = new int[Tuning.NEIGHBOURHOOD_SIZE];
    private int setSize;
    private final boolean[] inSet;
    private final double[] link;
    private final boolean[] isFree;
    private final List<Integer> free = new ArrayList<>();
    private final int[] holders = new int[Tuning.NEIGHBOURHOOD_HOLDERS];
    private final double[] margins = new double[Tuning.NEIGHBOURHOOD_HOLDERS];

    // The programme's data.
    private int n;
    private int[] unit;
    private double[][] val;
    private double[] outVal;
    private boolean[] gainer;
    /** What each municipality of the set has left on each row (SetProgramme's rows) with the free units out. */
    private int[][] residual;
    private int[] choice;

    Neighbourhood(Placement placement, double[] personPrice) {
        this.placement = placement;
        this.model = placement.model;
        this.municipalities = model.municipalities;
        this.price = personPrice;
        inSet = new boolean[municipalities];
        link = new double[municipalities];
        isFree = new boolean[model.units];
        top = new int[model.units][];
        int[] wanted = new int[municipalities];
        // Above the size limit the move never runs, so a national round does not pay for its lists either.
        boolean used = placement.units <= Tuning.CLASS_MAX_ROUND_UNITS && Tuning.NEIGHBOURHOOD_STATES > 0;
        for (int u = 0; u < model.units; u++) {
            top[u] = used && placement.active[u] ? bestReduced(u) : new int[0];
            for (int m : top[u]) {
                wanted[m]++;
            }
        }
        wantedBy = new int[municipalities][];
        for (int m = 0; m < municipalities; m++) {
            wantedBy[m] = new int[wanted[m]];
            wanted[m] = 0;
        }
        for (int u : placement.order) {
            for (int m : top[u]) {
                wantedBy[m][wanted[m]++] = u;
            }
        }
    }

    private int[] bestReduced(int u) {
        int k = Tuning.NEIGHBOURHOOD_LINKS;
        int[] m = new int[k];
        double[] r = new double[k];
        int nk = 0;
        int base = u * municipalities;
        for (int j = 0; j < municipalities; j++) {
            double v = model.value[base + j];
            if (v == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double rv = v - price[j] * model.size[u];
            if (nk < k) {
                nk++;
            } else if (rv <= r[k - 1]) {
                continue;
            }
            int i = nk - 1;
            for (; i > 0 && r[i - 1] < rv; i--) {
                r[i] = r[i - 1];
                m[i] = m[i - 1];
            }
            r[i] = rv;
            m[i] = j;
        }
        return Arrays.copyOf(m, nk);
    }

    /** One neighbourhood around every municipality that holds or is wanted by a unit, until {@code until}. */
    boolean pass(Deadline until) {
        int start = (int) ((long) passes++ * Tuning.CLASS_CHUNK_STRIDE % Math.max(1, municipalities));
        int[] seeds = new int[municipalities];
        for (int step = 0; step < municipalities; step++) {
            seeds[step] = (start + step) % municipalities;
        }
        return pass(until, seeds);
    }

    /** One neighbourhood around each of the given municipalities that holds or is wanted by a unit. */
    boolean pass(Deadline until, int[] seeds) {
        boolean improved = false;
        if (placement.units > Tuning.CLASS_MAX_ROUND_UNITS || Tuning.NEIGHBOURHOOD_STATES == 0) {
            return false;
        }
        for (int m0 : seeds) {
            if (until.passed()) {
                break;
            }
            if (placement.holderCount(m0) == 0 && wantedBy[m0].length == 0) {
                continue;
            }
            improved |= solveAround(m0);
        }
        return improved;
    }

    private boolean solveAround(int m0) {
        buildSet(m0);
        if (free.isEmpty()) {
            clearSet();
            return false;
        }
        placement.beginTrial(4 * free.size() + 4);
        n = free.size();
        unit = new int[n];
        gainer = new boolean[n];
        outVal = new double[n];
        double current = 0;
        // Holders leave first, so that the outside options are those left with the set emptied.
        for (int i = 0; i < n; i++) {
            int u = free.get(i);
            unit[i] = u;
            int at = placement.of(u);
            current += placement.value(u, at);
            if (at >= 0 && inSet[at]) {
                placement.remove(u);
            } else if (at >= 0) {
                gainer[i] = true;
                outVal[i] = placement.value(u, at);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!gainer[i]) {
                outVal[i] = outsideValue(unit[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (gainer[i]) {
                placement.remove(unit[i]);
            }
        }
        prepareSearch();
        // Units that were elsewhere may free more than the set's estimate; a programme far above it is left out.
        double best = SetProgramme.solve(uses(), val, outVal, residual, choice, 4 * Tuning.NEIGHBOURHOOD_STATES);
        int[] bestChoice = best > current + Tuning.MIN_GAIN ? choice : null;
        if (bestChoice != null) {
            for (int i = 0; i < n; i++) {
                if (bestChoice[i] >= 0) {
                    placement.add(unit[i], set[bestChoice[i]]);
                } else if (gainer[i]) {
                    placement.add(unit[i], original[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                int u = unit[i];
                if (placement.of(u) < 0) {
                    int alt = placement.bestFitting(u, -1);
                    if (alt >= 0) {
                        placement.add(u, alt);
                    }
                }
            }
        }
        boolean kept = placement.endTrial(Tuning.MIN_GAIN);
        clearSet();
        return kept;
    }

    /** Where each free unit was before (−1 = unassigned). */
    private int[] original;

    /** The set of linked municipalities around m0 and its free units. */
    private void buildSet(int m0) {
        setSize = 0;
        free.clear();
        List<Integer> touched = new ArrayList<>();
        int next = radix(m0) <= Tuning.NEIGHBOURHOOD_STATES ? m0 : -1;
        long states = 1;
        while (next >= 0) {
            states *= radix(next);
            set[setSize++] = next;
            inSet[next] = true;
            int before = free.size();
            int nh = movableHolders(next);
            for (int i = 0; i < nh; i++) {
                addFree(holders[i]);
            }
            for (int u : wantedBy[next]) {
                int at = placement.of(u);
                if (at >= 0 && !inSet[at] && model.value[u * municipalities + next] > placement.value(u, at)) {
                    addFree(u);
                } else if (at < 0) {
                    addFree(u);
                }
                if (at >= 0 && !inSet[at]) {
                    link[at] += 1;
                    touched.add(at);
                }
            }
            for (int i = before; i < free.size(); i++) {
                for (int m : top[free.get(i)]) {
                    if (!inSet[m]) {
                        link[m] += 1;
                        touched.add(m);
                    }
                }
            }
            if (free.size() > Tuning.NEIGHBOURHOOD_UNITS && setSize > 1) {
                // Too many units: the last municipality leaves the set again with the units it brought.
                while (free.size() > before) {
                    isFree[free.remove(free.size() - 1)] = false;
                }
                inSet[set[--setSize]] = false;
                break;
            }
            next = -1;
            if (setSize < set.length) {
                double bestLink = 0;
                for (int m : touched) {
                    if (!inSet[m] && link[m] > bestLink && states * radix(m) <= Tuning.NEIGHBOURHOOD_STATES) {
                        bestLink = link[m];
                        next = m;
                    }
                }
            }
        }
        for (int m : touched) {
            link[m] = 0;
        }
        original = new int[free.size()];
        for (int i = 0; i < free.size(); i++) {
            original[i] = placement.of(free.get(i));
        }
    }

    /**
     * An upper limit on the states m adds to the dynamic programme: per row (persons, and each side row with room),
     * what is free plus what its holders use, plus one.
     */
    private long radix(int m) {
        int nh = movableHolders(m);
        long product = 1;
        for (int r = 0; r < SetProgramme.ROWS; r++) {
            int free = r == 0 ? model.capPersons[m] - placement.usedPersons(m)
                    : r == 1 ? model.capMinors[m] - placement.usedMinors(m)
                    : model.capLarge[m][r - 2] - placement.usedDwellings(m, r - 2);
            for (int i = 0; i < nh; i++) {
                free += SetProgramme.use(model, holders[i], r);
            }
            if (r == 0 || free > 0) {
                product *= free + 1;
            }
        }
        return product;
    }

    /**
     * The holders of m that the neighbourhood frees, into {@link #holders}: all of them in a small municipality,
     * else the {@link Tuning#NEIGHBOURHOOD_HOLDERS} cheapest at the persons price (the others stay), so that a
     * large municipality can take part with a few places.
     */
    private int movableHolders(int m) {
        int count = placement.holderCount(m);
        int k = Math.min(count, Tuning.NEIGHBOURHOOD_HOLDERS);
        int nh = 0;
        for (int i = 0; i < count; i++) {
            int w = placement.holder(m, i);
            double g = placement.value(w, m) - price[m] * model.size[w];
            if (nh == k && g >= margins[k - 1]) {
                continue;
            }
            int j = nh < k ? nh++ : k - 1;
            for (; j > 0 && margins[j - 1] > g; j--) {
                holders[j] = holders[j - 1];
                margins[j] = margins[j - 1];
            }
            holders[j] = w;
            margins[j] = g;
        }
        return nh;
    }

    private void addFree(int u) {
        if (!isFree[u] && placement.active[u]) {
            isFree[u] = true;
            free.add(u);
        }
    }

    private void clearSet() {
        for (int s = 0; s < setSize; s++) {
            inSet[set[s]] = false;
        }
        for (int u : free) {
            isFree[u] = false;
        }
        setSize = 0;
    }

    /** The best value of u in a municipality outside the set that has room now; 0 (unassigned) if none. */
    private double outsideValue(int u) {
        int base = u * municipalities;
        double bestV = 0;
        for (int m = 0; m < municipalities; m++) {
            double v = model.value[base + m];
            if (v > bestV && !inSet[m] && placement.fits(u, m)) {
                bestV = v;
            }
        }
        return bestV;
    }

    private int[][] uses() {
        int[][] use = new int[n][SetProgramme.ROWS];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < SetProgramme.ROWS; r++) {
                use[i][r] = SetProgramme.use(model, unit[i], r);
            }
        }
        return use;
    }

    /** The free units' values in the set's municipalities and what those have left on every row. */
    private void prepareSearch() {
        val = new double[n][setSize];
        for (int i = 0; i < n; i++) {
            int base = unit[i] * municipalities;
            for (int s = 0; s < setSize; s++) {
                val[i][s] = model.value[base + set[s]];
            }
        }
        residual = new int[setSize][SetProgramme.ROWS];
        for (int s = 0; s < setSize; s++) {
            int m = set[s];
            residual[s][0] = model.capPersons[m] - placement.usedPersons(m);
            residual[s][1] = model.capMinors[m] - placement.usedMinors(m);
            for (int k = 0; k < R; k++) {
                residual[s][2 + k] = model.capLarge[m][k] - placement.usedDwellings(m, k);
            }
        }
        choice = new int[n];
    }
}
