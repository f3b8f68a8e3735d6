package no.bosetting.allocation.engine;

import java.util.Arrays;

/**
 * Local search on a {@link Placement}: insertion of unassigned units, moves to a better municipality with room,
 * and ejection (move into a full municipality by pushing one holder to its best alternative). Every move is
 * applied only if the objective strictly increases. Re-packing is the fourth move ({@link Repacking}).
 */
final class LocalSearch {

    private final Placement placement;
    private final UnitModel model;
    private final int municipalities;
    /** The block auction's persons prices: the holders cheapest at these are tried first for ejection. */
    private final double[] personPrice;
    private int[] byValue;

    LocalSearch(Placement placement, double[] personPrice) {
        this.placement = placement;
        this.model = placement.model;
        this.municipalities = model.municipalities;
        this.personPrice = personPrice;
    }

    /** Inserts every unassigned unit, by best value, into its best municipality with room. */
    boolean insertPass() {
        boolean improved = false;
        for (int u : valueOrder()) {
            if (placement.active[u] && placement.of(u) < 0) {
                int m = placement.bestFitting(u, -1);
                if (m >= 0) {
                    placement.add(u, m);
                    improved = true;
                }
            }
        }
        return improved;
    }

    /**
     * Units by best value, highest first: inserting in this order is the priority greedy of manual practice,
     * which is what the result falls back to when a slow machine cuts the auction short.
     */
    private int[] valueOrder() {
        if (byValue == null) {
            int units = model.units;
            double[] best = new double[units];
            Integer[] idx = new Integer[units];
            for (int u = 0; u < units; u++) {
                best[u] = placement.active[u] ? model.bestUnitValue(u) : Double.NEGATIVE_INFINITY;
                idx[u] = placement.order[u];
            }
            Arrays.sort(idx, (a, b) -> Double.compare(best[b], best[a]));
            byValue = new int[units];
            for (int i = 0; i < units; i++) {
                byValue[i] = idx[i];
            }
        }
        return byValue;
    }

    /** Moves each assigned unit to the municipality with room where it has the highest value, if better. */
    boolean movePass(Deadline until) {
        boolean improved = false;
        int n = 0;
        for (int u : placement.order) {
            if (!placement.active[u] || placement.of(u) < 0) {
                continue;
            }
            if ((++n & Tuning.MOVE_CLOCK_MASK) == 0 && until.passed()) {
                break;
            }
            int cur = placement.of(u);
            double curV = placement.value(u, cur);
            int base = u * municipalities;
            int best = -1;
            double bestV = curV + Tuning.MIN_GAIN;
            for (int m = 0; m < municipalities; m++) {
                double v = model.value[base + m];
                if (v > bestV && m != cur && placement.fits(u, m)) {
                    bestV = v;
                    best = m;
                }
            }
            if (best >= 0) {
                placement.remove(u);
                placement.add(u, best);
                improved = true;
            }
        }
        return improved;
    }

    /**
     * Moves a unit into a better municipality that is full by ejecting one holder there, which goes to its
     * best municipality with room or stays unassigned; kept only if the total improves.
     */
    boolean ejectionPass(Deadline until) {
        boolean improved = false;
        int[] cand = new int[Tuning.EJECTION_CANDIDATES];
        double[] candV = new double[Tuning.EJECTION_CANDIDATES];
        int[] victims = new int[Tuning.EJECTION_VICTIMS];
        double[] victimMargin = new double[Tuning.EJECTION_VICTIMS];
        int n = 0;
        for (int u : placement.order) {
            if (!placement.active[u]) {
                continue;
            }
            if ((++n & Tuning.EJECTION_CLOCK_MASK) == 0 && until.passed()) {
                break;
            }
            int cur = placement.of(u);
            double curV = placement.value(u, cur);
            int nc = topCandidates(u, cur, curV, cand, candV);
            for (int c = 0; c < nc; c++) {
                int m = cand[c];
                int nv = cheapestHolders(m, victims, victimMargin);
                boolean done = false;
                for (int i = 0; i < nv && !done; i++) {
                    done = tryEject(u, cur, m, victims[i]);
                }
                if (done) {
                    improved = true;
                    break;
                }
            }
        }
        return improved;
    }

    /** The municipalities where u is worth more than now, best first, at most {@code cand.length}. */
    private int topCandidates(int u, int cur, double curV, int[] cand, double[] candV) {
        int nc = 0;
        int base = u * municipalities;
        for (int m = 0; m < municipalities; m++) {
            double v = model.value[base + m];
            if (m == cur || v <= curV + Tuning.MIN_GAIN) {
                continue;
            }
            if (nc < cand.length) {
                cand[nc] = m;
                candV[nc] = v;
                nc++;
            } else if (v > candV[nc - 1]) {
                cand[nc - 1] = m;
                candV[nc - 1] = v;
            } else {
                continue;
            }
            for (int i = nc - 1; i > 0 && candV[i] > candV[i - 1]; i--) {
                double tv = candV[i];
                candV[i] = candV[i - 1];
                candV[i - 1] = tv;
                int tm = cand[i];
                cand[i] = cand[i - 1];
                cand[i - 1] = tm;
            }
        }
        return nc;
    }

    /** The holders of m with the smallest margin over the persons price, cheapest first. */
    private int cheapestHolders(int m, int[] victims, double[] margin) {
        int nv = 0;
        for (int i = 0; i < placement.holderCount(m); i++) {
            int w = placement.holder(m, i);
            double g = placement.value(w, m) - personPrice[m] * model.size[w];
            if (nv < victims.length) {
                victims[nv] = w;
                margin[nv] = g;
                nv++;
            } else if (g < margin[nv - 1]) {
                victims[nv - 1] = w;
                margin[nv - 1] = g;
            } else {
                continue;
            }
            for (int j = nv - 1; j > 0 && margin[j] < margin[j - 1]; j--) {
                double tg = margin[j];
                margin[j] = margin[j - 1];
                margin[j - 1] = tg;
                int tw = victims[j];
                victims[j] = victims[j - 1];
                victims[j - 1] = tw;
            }
        }
        return nv;
    }

    private boolean tryEject(int u, int cur, int m, int w) {
        double before = placement.value(u, cur) + placement.value(w, m);
        if (cur >= 0) {
            placement.remove(u);
        }
        placement.remove(w);
        if (!placement.fits(u, m)) {
            placement.add(w, m);
            if (cur >= 0) {
                placement.add(u, cur);
            }
            return false;
        }
        placement.add(u, m);
        int alt = placement.bestFitting(w, -1);
        double after = placement.value(u, m) + (alt >= 0 ? placement.value(w, alt) : 0.0);
        if (after > before + Tuning.MIN_GAIN) {
            if (alt >= 0) {
                placement.add(w, alt);
            }
            return true;
        }
        placement.remove(u);
        placement.add(w, m);
        if (cur >= 0) {
            placement.add(u, cur);
        }
        return false;
    }
}
