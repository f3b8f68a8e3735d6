package no.bosetting.allocation.engine;

/**
 * Ejection chains (step 4, sixth move): a unit moves into a better municipality where it does not fit by pushing out
 * as many holders as it takes — the cheapest at the persons prices first, and only holders that free a row the unit
 * lacks (persons, minors places or the dwelling rows of a large household) — and each pushed holder goes to its best
 * municipality with room or, if none has room, pushes out one cheap holder of one of its own best municipalities
 * (who goes to its best municipality with room or stays out). The chain is kept only if the objective strictly
 * increases. The one-holder ejection of {@link LocalSearch} cannot place a family of five into a municipality
 * whose places are held by three smaller households, nor free a large dwelling held by a household that has another
 * one to go to; this is where much of the engine's loss against the proven optimum was at 300 households (sixth pass
 * in the README). Only in rounds of up to {@link Tuning#CLASS_MAX_ROUND_UNITS} units, like the other moves of that pass.
 */
final class ChainEjection {

    private static final int R = UnitModel.LARGE_ROWS;

    private final Placement placement;
    private final UnitModel model;
    private final int municipalities;
    private final double[] price;
    private final int[] evicted = new int[Tuning.CHAIN_EVICTIONS];
    private final int[] cand = new int[Tuning.EJECTION_CANDIDATES];
    private final double[] candV = new double[Tuning.EJECTION_CANDIDATES];
    private final int[] cand2 = new int[Tuning.EJECTION_CANDIDATES];
    private final double[] candV2 = new double[Tuning.EJECTION_CANDIDATES];

    ChainEjection(Placement placement, double[] personPrice) {
        this.placement = placement;
        this.model = placement.model;
        this.municipalities = model.municipalities;
        this.price = personPrice;
    }

    /** One chain per unit at most, for every unit in the processing order, until {@code until}. */
    boolean pass(Deadline until) {
        boolean improved = false;
        if (placement.units > Tuning.CLASS_MAX_ROUND_UNITS) {
            return false;
        }
        int n = 0;
        for (int u : placement.order) {
            if (!placement.active[u]) {
                continue;
            }
            if ((++n & Tuning.EJECTION_CLOCK_MASK) == 0 && until.passed()) {
                break;
            }
            int cur = placement.of(u);
            int nc = betterFull(u, cur, cand, candV);
            for (int c = 0; c < nc; c++) {
                if (tryChain(u, cur, cand[c])) {
                    improved = true;
                    break;
                }
            }
        }
        return improved;
    }

    /** The municipalities, best first, where u is worth more than now but does not fit. */
    private int betterFull(int u, int cur, int[] cand, double[] candV) {
        double curV = placement.value(u, cur);
        int nc = 0;
        int base = u * municipalities;
        for (int m = 0; m < municipalities; m++) {
            double v = model.value[base + m];
            if (m == cur || v <= curV + Tuning.MIN_GAIN || (nc == cand.length && v <= candV[nc - 1])
                    || placement.fits(u, m)) {
                continue;
            }
            int i = nc < cand.length ? nc++ : nc - 1;
            for (; i > 0 && candV[i - 1] < v; i--) {
                cand[i] = cand[i - 1];
                candV[i] = candV[i - 1];
            }
            cand[i] = m;
            candV[i] = v;
        }
        return nc;
    }

    private boolean tryChain(int u, int cur, int m) {
        // At most: u leaves and comes, each pushed unit leaves, then four changes per pushed unit and place tried.
        placement.beginTrial(4 + Tuning.CHAIN_EVICTIONS * (4 * Tuning.EJECTION_CANDIDATES + 4));
        if (cur >= 0) {
            placement.remove(u);
        }
        int ne = 0;
        while (!placement.fits(u, m)) {
            int w = ne < evicted.length ? cheapestRelieving(u, m) : -1;
            if (w < 0) {
                placement.endTrial(Double.POSITIVE_INFINITY);
                return false;
            }
            placement.remove(w);
            evicted[ne++] = w;
        }
        placement.add(u, m);
        // Pushed units go back in the order they left; one that finds no room pushes one holder elsewhere.
        for (int i = 0; i < ne; i++) {
            int w = evicted[i];
            int alt = placement.bestFitting(w, -1);
            if (alt >= 0) {
                placement.add(w, alt);
            } else {
                pushOnce(w, m);
            }
        }
        return placement.endTrial(Tuning.MIN_GAIN);
    }

    /** The holder of m cheapest at the persons price whose leaving frees a row that u lacks there; or −1. */
    private int cheapestRelieving(int u, int m) {
        boolean persons = model.size[u] > model.capPersons[m] - placement.usedPersons(m);
        boolean minors = model.minorPersons[u] > model.capMinors[m] - placement.usedMinors(m);
        int[] lg = model.large[u];
        int best = -1;
        double bestMargin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < placement.holderCount(m); i++) {
            int w = placement.holder(m, i);
            if (!placement.active[w]) {
                continue;
            }
            boolean relieves = (persons && model.size[w] > 0) || (minors && model.minorPersons[w] > 0);
            if (!relieves && lg != null && model.large[w] != null) {
                for (int k = 0; k < R && !relieves; k++) {
                    relieves = lg[k] > model.capLarge[m][k] - placement.usedDwellings(m, k) && model.large[w][k] > 0;
                }
            }
            double margin = placement.value(w, m) - price[m] * model.size[w];
            if (relieves && margin < bestMargin) {
                bestMargin = margin;
                best = w;
            }
        }
        return best;
    }

    /**
     * Unit w (unassigned, with no room anywhere) takes the place of one cheap holder x of one of its best
     * municipalities other than {@code not}, if w is worth more there than x loses by going to its best
     * municipality with room (or out).
     */
    private void pushOnce(int w, int not) {
        int nc = betterFull(w, -1, cand2, candV2);
        for (int c = 0; c < nc; c++) {
            int m2 = cand2[c];
            if (m2 == not) {
                continue;
            }
            int x = cheapestRelieving(w, m2);
            if (x < 0) {
                continue;
            }
            placement.remove(x);
            if (!placement.fits(w, m2)) {
                placement.add(x, m2);
                continue;
            }
            placement.add(w, m2);
            int alt = placement.bestFitting(x, -1);
            double gain = placement.value(w, m2) - placement.value(x, m2) + placement.value(x, alt);
            if (gain > Tuning.MIN_GAIN) {
                if (alt >= 0) {
                    placement.add(x, alt);
                }
                return;
            }
            placement.remove(w);
            placement.add(x, m2);
        }
    }
}
