package no.bosetting.allocation.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The current assignment of units to municipalities and what it uses of every capacity row (persons, minors
 * places, dwelling rows), with the holders of each municipality. Local search and re-packing change it only
 * through {@link #add} and {@link #remove}; a trial records those so that it can be undone.
 */
final class Placement {

    private static final int R = UnitModel.LARGE_ROWS;

    final UnitModel model;
    final int units;
    final int municipalities;
    /** Units that take part in the search: not pinned, and with at least one eligible municipality. */
    final boolean[] active;
    /** Processing order of the units: the seed permutes it, so ties between equal bids resolve reproducibly. */
    final int[] order;

    private final int[] assigned;
    private final int[] usedPersons;
    private final int[] usedMinors;
    /** Use of the dwelling rows, m·R + k. */
    private final int[] usedDwellings;
    private final int[][] holders;
    private final int[] holderCount;
    private final int[] position;

    private boolean logging;
    private int[] undoLog = new int[64];
    private int logSize;
    private double trialDelta;

    Placement(UnitModel model, long seed) {
        this.model = model;
        this.units = model.units;
        this.municipalities = model.municipalities;
        assigned = new int[units];
        Arrays.fill(assigned, -1);
        usedPersons = new int[municipalities];
        usedMinors = new int[municipalities];
        usedDwellings = new int[municipalities * R];
        holders = new int[municipalities][8];
        holderCount = new int[municipalities];
        position = new int[units];
        active = new boolean[units];
        for (int u = 0; u < units; u++) {
            active[u] = model.pinnedTo[u] < 0 && model.unitHasEligible(u);
        }
        order = new int[units];
        for (int i = 0; i < units; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = units - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Municipality of unit u, or −1. */
    int of(int u) {
        return assigned[u];
    }

    /** Value of unit u in municipality m (0 for −1, i.e. unassigned). */
    double value(int u, int m) {
        return m < 0 ? 0.0 : model.value[u * municipalities + m];
    }

    int holderCount(int m) {
        return holderCount[m];
    }

    int holder(int m, int i) {
        return holders[m][i];
    }

    int usedPersons(int m) {
        return usedPersons[m];
    }

    int usedMinors(int m) {
        return usedMinors[m];
    }

    int usedDwellings(int m, int k) {
        return usedDwellings[m * R + k];
    }

    /** Whether unit u fits into what municipality m has left on every row. */
    boolean fits(int u, int m) {
        UnitModel md = model;
        if (md.size[u] > md.capPersons[m] - usedPersons[m] || md.minorPersons[u] > md.capMinors[m] - usedMinors[m]) {
            return false;
        }
        int[] lg = md.large[u];
        if (lg != null) {
            for (int k = 0; k < R; k++) {
                if (lg[k] > md.capLarge[m][k] - usedDwellings[m * R + k]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The municipality with room where u has the highest positive value, other than {@code exclude}; or −1. */
    int bestFitting(int u, int exclude) {
        int base = u * municipalities;
        int best = -1;
        double bestV = 0;
        for (int m = 0; m < municipalities; m++) {
            double v = model.value[base + m];
            if (m != exclude && v > bestV && fits(u, m)) {
                bestV = v;
                best = m;
            }
        }
        return best;
    }

    void add(int u, int m) {
        if (logging) {
            undoLog[logSize++] = u;
            undoLog[logSize++] = -1;
            trialDelta += value(u, m);
        }
        assigned[u] = m;
        usedPersons[m] += model.size[u];
        usedMinors[m] += model.minorPersons[u];
        int[] lg = model.large[u];
        if (lg != null) {
            for (int k = 0; k < R; k++) {
                usedDwellings[m * R + k] += lg[k];
            }
        }
        if (holderCount[m] == holders[m].length) {
            holders[m] = Arrays.copyOf(holders[m], holders[m].length * 2);
        }
        position[u] = holderCount[m];
        holders[m][holderCount[m]++] = u;
    }

    void remove(int u) {
        int m = assigned[u];
        if (logging) {
            undoLog[logSize++] = u;
            undoLog[logSize++] = m;
            trialDelta -= value(u, m);
        }
        assigned[u] = -1;
        usedPersons[m] -= model.size[u];
        usedMinors[m] -= model.minorPersons[u];
        int[] lg = model.large[u];
        if (lg != null) {
            for (int k = 0; k < R; k++) {
                usedDwellings[m * R + k] -= lg[k];
            }
        }
        int last = holders[m][--holderCount[m]];
        holders[m][position[u]] = last;
        position[last] = position[u];
    }

    /** Starts recording changes, with room for {@code changes} adds and removes. */
    void beginTrial(int changes) {
        logging = true;
        logSize = 0;
        trialDelta = 0;
        if (2 * changes > undoLog.length) {
            undoLog = Arrays.copyOf(undoLog, Math.max(undoLog.length * 2, 2 * changes));
        }
    }

    /** Ends the trial: keeps its changes when they raised the objective by more than {@code minGain}. */
    boolean endTrial(double minGain) {
        logging = false;
        if (trialDelta > minGain) {
            return true;
        }
        for (int i = logSize - 2; i >= 0; i -= 2) {
            int u = undoLog[i];
            int from = undoLog[i + 1];
            if (from == -1) {
                remove(u);
            } else {
                add(u, from);
            }
        }
        logSize = 0;
        return false;
    }

    /** Every unit's municipality (−1 = unassigned), to {@link #restore} later. */
    int[] snapshot() {
        return assigned.clone();
    }

    /** Puts every unit back where the snapshot had it. */
    void restore(int[] snapshot) {
        for (int u = 0; u < units; u++) {
            if (assigned[u] >= 0 && assigned[u] != snapshot[u]) {
                remove(u);
            }
        }
        for (int u = 0; u < units; u++) {
            if (snapshot[u] >= 0 && assigned[u] != snapshot[u]) {
                add(u, snapshot[u]);
            }
        }
    }

    /** The objective of the current assignment, pinned units included. */
    double objective() {
        double sum = model.pinnedValue;
        for (int u = 0; u < units; u++) {
            if (assigned[u] >= 0) {
                sum += value(u, assigned[u]);
            }
        }
        return sum;
    }
}
