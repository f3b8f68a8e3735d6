package no.bosetting.allocation.engine;

import java.util.Arrays;

/**
 * LP prices of the persons rows: the {@link RowAuction} on single persons (households may split), i.e. on the LP
 * relaxation of the persons rows for fixed prices of the minors and dwelling rows (the side prices). Each
 * municipality's places go to the highest per-person bids; its price is the lowest bid it holds once full.
 */
final class PersonAuction extends RowAuction {

    private static final int R = UnitModel.LARGE_ROWS;

    private final UnitModel model;
    private final int municipalities;
    private final double[] minorPrice;
    private final double[] dwellingPrice;
    private final double[] usage;

    private PersonAuction(UnitModel model, double[] minorPrice, double[] dwellingPrice, double[] usage) {
        super(model.capPersons, model.units, true);
        this.model = model;
        this.municipalities = model.municipalities;
        this.minorPrice = minorPrice;
        this.dwellingPrice = dwellingPrice;
        this.usage = usage;
    }

    /**
     * Persons prices for the given side prices ({@code null}: zero), warm-started from {@code warm} when given.
     * When {@code usage} is given, it receives the minors and dwelling rows' use by the auction's split assignment
     * (minors rows first, then dwelling rows m·R + k), i.e. the LP solution of the persons block, which is the
     * subgradient of that block's value with respect to the side prices.
     */
    static double[] prices(UnitModel model, int[] order, boolean[] active, double epsFinal, Deadline until,
            double[] minorPrice, double[] dwellingPrice, double[] warm, double[] usage) {
        if (minorPrice == null) {
            // Zero side prices rather than a separate path: the bound's warm re-solves then run the code the JIT
            // compiled for the first auction instead of deoptimising it (0.2–0.4 s in a fresh JVM).
            minorPrice = new double[model.municipalities];
            dwellingPrice = new double[model.municipalities * R];
        }
        PersonAuction auction = new PersonAuction(model, minorPrice, dwellingPrice, usage);
        auction.startFrom(warm);
        int[] bidders = new int[model.units];
        int n = 0;
        for (int u : order) {
            if (active[u]) {
                bidders[n++] = u;
            }
        }
        auction.run(bidders, n, epsFinal, warm != null, until);
        return auction.price;
    }

    @Override
    int demand(int u) {
        return model.size[u];
    }

    @Override
    int choose(int u, double eps) {
        int s = model.size[u];
        int base = u * municipalities;
        best.reset(0);
        // Most units use no minors or dwelling row: their scan skips the side prices (same values).
        boolean plain = model.minorPersons[u] == 0 && model.large[u] == null;
        for (int m = 0; m < municipalities; m++) {
            double v = model.value[base + m];
            if (v == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (!plain) {
                v -= sideCost(u, m);
            }
            best.offer(v / s - price[m], m);
        }
        int m1 = best.where;
        if (m1 < 0 || best.first <= 0) {
            return -1;
        }
        bid = price[m1] + (best.first - best.second) + eps;
        return m1;
    }

    private double sideCost(int u, int m) {
        double c = 0;
        if (model.minorPersons[u] > 0) {
            c += minorPrice[m] * model.minorPersons[u];
        }
        int[] lg = model.large[u];
        if (lg != null) {
            for (int k = 0; k < R; k++) {
                c += dwellingPrice[m * R + k] * lg[k];
            }
        }
        return c;
    }

    @Override
    void phaseDone() {
        if (usage == null) {
            return;
        }
        Arrays.fill(usage, 0);
        for (int m = 0; m < municipalities; m++) {
            for (int i = 0; i < heapSize[m]; i++) {
                int u = heapUnit[m][i];
                double share = (double) heapCount[m][i] / model.size[u];
                usage[m] += share * model.minorPersons[u];
                int[] lg = model.large[u];
                if (lg != null) {
                    for (int k = 0; k < R; k++) {
                        usage[municipalities + m * R + k] += share * lg[k];
                    }
                }
            }
        }
    }
}
