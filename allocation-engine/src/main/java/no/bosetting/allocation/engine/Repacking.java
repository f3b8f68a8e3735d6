package no.bosetting.allocation.engine;

import java.util.Arrays;

/**
 * Re-packing, one municipality at a time: empties it, then refills it with the subset of its former holders,
 * unassigned units and units that would gain by moving there that maximises the total gain over their best
 * alternative (exact knapsack on persons when the municipality is small, by gain per person otherwise).
 * Displaced units go to their best municipality with room. Kept only if the objective improves. This repairs
 * the packing losses that unsplittable households leave in small municipalities.
 */
final class Repacking {

    private final Placement placement;
    private final UnitModel model;

    Repacking(Placement placement) {
        this.placement = placement;
        this.model = placement.model;
    }

    boolean pass(Deadline until) {
        int units = model.units;
        int muni = model.municipalities;
        int[] order = placement.order;
        boolean improved = false;
        int[] cand = new int[units];
        double[] profit = new double[units];
        int[] displaced = new int[units];
        boolean[] isDisplaced = new boolean[units];
        for (int step = 0; step < muni; step++) {
            if (until.passed()) {
                break;
            }
            // The seed also rotates where re-packing starts.
            int m = order.length == 0 ? step : (step + order[0]) % muni;
            placement.beginTrial(2 * (placement.holderCount(m) + units));
            int nd = 0;
            while (placement.holderCount(m) > 0) {
                int w = placement.holder(m, placement.holderCount(m) - 1);
                placement.remove(w);
                displaced[nd++] = w;
            }
            int nc = 0;
            for (int i = 0; i < nd; i++) {
                isDisplaced[displaced[i]] = true;
            }
            for (int i = 0; i < nd; i++) {
                int w = displaced[i];
                int alt = placement.bestFitting(w, m);
                cand[nc] = w;
                profit[nc++] = placement.value(w, m) - (alt >= 0 ? placement.value(w, alt) : 0.0);
            }
            for (int u = 0; u < units; u++) {
                if (!placement.active[u] || placement.of(u) == m
                        || model.value[u * muni + m] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                if (isDisplaced[u]) {
                    continue;
                }
                double gain = placement.value(u, m) - placement.value(u, placement.of(u));
                if (gain > Tuning.MIN_GAIN) {
                    cand[nc] = u;
                    profit[nc++] = gain;
                }
            }
            int[] chosen = selectForCapacity(cand, profit, nc, model.capPersons[m] - placement.usedPersons(m));
            for (int u : chosen) {
                if (placement.of(u) >= 0) {
                    placement.remove(u);
                }
                if (placement.fits(u, m)) {
                    placement.add(u, m);
                }
            }
            for (int i = 0; i < nd; i++) {
                reinsert(displaced[i]);
            }
            for (int u : chosen) {
                reinsert(u);
            }
            for (int i = 0; i < nd; i++) {
                isDisplaced[displaced[i]] = false;
            }
            improved |= placement.endTrial(Tuning.MIN_GAIN);
        }
        return improved;
    }

    /** An unassigned unit goes to its best municipality with room, if any. */
    private void reinsert(int u) {
        if (placement.of(u) < 0) {
            int alt = placement.bestFitting(u, -1);
            if (alt >= 0) {
                placement.add(u, alt);
            }
        }
    }

    /** Subset of candidates with positive profit that fits the capacity, maximising total profit. */
    private int[] selectForCapacity(int[] cand, double[] profit, int n, int capacity) {
        int[] items = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (profit[i] > Tuning.KNAPSACK_TOLERANCE && model.size[cand[i]] <= capacity) {
                items[k++] = i;
            }
        }
        if (k == 0 || capacity <= 0) {
            return new int[0];
        }
        if ((long) k * (capacity + 1) <= Tuning.EXACT_KNAPSACK_CELLS) {
            double[] best = new double[capacity + 1];
            boolean[][] take = new boolean[k][capacity + 1];
            for (int i = 0; i < k; i++) {
                int w = model.size[cand[items[i]]];
                double p = profit[items[i]];
                for (int c = capacity; c >= w; c--) {
                    if (best[c - w] + p > best[c] + Tuning.KNAPSACK_TOLERANCE) {
                        best[c] = best[c - w] + p;
                        take[i][c] = true;
                    }
                }
            }
            int[] out = new int[k];
            int no = 0;
            int c = capacity;
            for (int i = k - 1; i >= 0; i--) {
                if (take[i][c]) {
                    out[no++] = cand[items[i]];
                    c -= model.size[cand[items[i]]];
                }
            }
            return Arrays.copyOf(out, no);
        }
        Integer[] byDensity = new Integer[k];
        for (int i = 0; i < k; i++) {
            byDensity[i] = items[i];
        }
        Arrays.sort(byDensity, (a, b) -> {
            int c = Double.compare(profit[b] / model.size[cand[b]], profit[a] / model.size[cand[a]]);
            return c != 0 ? c : Integer.compare(cand[a], cand[b]);
        });
        int[] out = new int[k];
        int no = 0;
        int left = capacity;
        for (int i : byDensity) {
            int w = model.size[cand[i]];
            if (w <= left) {
                out[no++] = cand[i];
                left -= w;
            }
        }
        return Arrays.copyOf(out, no);
    }
}
