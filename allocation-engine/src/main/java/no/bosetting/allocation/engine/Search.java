package no.bosetting.allocation.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Auction, local search and bound refinement on a {@link UnitModel}. Every state it keeps is feasible for the
 * capacity rows, so it can stop at any deadline with a valid proposal.
 */
final class Search {

    private static final int R = UnitModel.LARGE_ROWS;
    private static final int EJECTION_CANDIDATES = 4;
    /** Local search rounds; each stops early without improvement, and the bound runs beside it on 2 cores. */
    private static final int LOCAL_SEARCH_ROUNDS = 20;
    /** Bid increment of the LP auction relative to the mean value per person; bounds its error per person. */
    private static final double PERSON_EPSILON = 1e-4;
    /** Knapsack tables up to this many cells are solved exactly; larger municipalities use gain per person. */
    private static final long EXACT_KNAPSACK_CELLS = 200_000;
    private static final int EJECTION_VICTIMS = 3;
    private static final int BOUND_CHUNKS = 2;

    private final UnitModel md;
    private final int units;
    private final int muni;
    private final long deadline;
    private final long startNanos;
    /** The same deadline as an object, for the row auctions. */
    private final Deadline clock;
    private final int[] order;

    private final int[] assigned;
    private final int[] useP;
    private final int[] useM;
    private final int[] useL;
    private final double[] pP;
    private final double[] pM;
    private final double[] pL;
    private final double[] bid;
    private final int[][] holders;
    private final int[] holderCount;
    private final int[] pos;
    private final boolean[] active;

    private LagrangianBound bound;
    private double objective;

    Search(UnitModel model, long seed, long deadline) {
        this.md = model;
        this.units = model.units;
        this.muni = model.municipalities;
        this.deadline = deadline;
        this.startNanos = System.nanoTime();
        this.clock = Deadline.until(deadline);
        assigned = new int[units];
        Arrays.fill(assigned, -1);
        useP = new int[muni];
        useM = new int[muni];
        useL = new int[muni * R];
        pP = new double[muni];
        pM = new double[muni];
        pL = new double[muni * R];
        bid = new double[units];
        holders = new int[muni][8];
        holderCount = new int[muni];
        pos = new int[units];
        active = new boolean[units];
        for (int u = 0; u < units; u++) {
            active[u] = model.pinnedTo[u] < 0 && model.unitHasEligible(u);
        }
        order = new int[units];
        for (int i = 0; i < units; i++) {
            order[i] = i;
        }
        // The seed only permutes the processing order, so ties between equal bids resolve reproducibly.
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = units - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * Deterministic mode (system property {@code bosetting.engine.deterministic}): no clock at all, every phase
     * stops on its work counts only and the bound runs on the calling thread after local search, so the result
     * is the same on any machine and under any load. For tests and the benchmark; slower than a timed run.
     */
    private final boolean deterministic = Boolean.getBoolean("bosetting.engine.deterministic");

    /** True once {@code time} (System.nanoTime) has passed; never in deterministic mode. */
    private boolean passed(long time) {
        return !deterministic && System.nanoTime() > time;
    }

    private static final boolean TRACE = Boolean.getBoolean("bosetting.engine.trace");

    private void trace(String what) {
        if (TRACE) {
            System.err.printf(java.util.Locale.ROOT, "[engine %.3fs] %s objective=%.4f%n",
                    (System.nanoTime() - startNanos) / 1e9, what, computeObjective());
        }
    }

    void run() {
        run(() -> { });
    }

    /**
     * As {@link #run()}; {@code whileBounding} runs on the calling thread once the assignment is final, while the
     * bound is still being refined on the second thread, so work that depends only on the assignment (most of
     * the explanations) uses the core that local search has left idle.
     */
    void run(Runnable whileBounding) {
        double scale = meanValuePerPerson();
        // Phase shares of the budget, so that a slow machine still gets every phase: LP prices up to 30 %,
        // block auction up to 45 %, local search up to 80 %; the bound runs on a second thread from the end of
        // the block auction to the deadline (or until it certifies the final objective).
        long span = deadline - startNanos;
        double[] lp = PersonAuction.prices(md, order, active, PERSON_EPSILON * scale, clock.share(30), null, null, null,
                null);
        bound = new LagrangianBound(md, order, active, lp.clone(), scale, clock);
        if (TRACE) {
            trace("person auction bound=" + bound.evaluate(lp, pM, pL, new int[units]));
        }
        System.arraycopy(lp, 0, pP, 0, muni);
        auction(1e-3 * scale, startNanos + span * 45 / 100);
        trace("unit auction");
        insertPass();
        trace("insert");
        // The bound runs beside local search from here on (LagrangianBound.start); it aims its steps at this objective.
        bound.start(pP, pM, pL, computeObjective());
        long lsDeadline = startNanos + span * 8 / 10;
        for (int round = 0; round < LOCAL_SEARCH_ROUNDS && !passed(lsDeadline); round++) {
            boolean improved = movePass(lsDeadline);
            improved |= ejectionPass(lsDeadline);
            improved |= insertPass();
            improved |= repackPass(lsDeadline);
            trace("local search round " + round);
            if (!improved) {
                break;
            }
        }
        objective = computeObjective();
        whileBounding.run();
        bound.finish(objective);
        trace("bound refined to " + bound.value());
    }

    private double meanValuePerPerson() {
        double sum = 0;
        int n = 0;
        for (int u = 0; u < units; u++) {
            if (active[u]) {
                sum += Math.max(0, md.bestUnitValue(u)) / md.size[u];
                n++;
            }
        }
        return n == 0 ? 1.0 : Math.max(1e-6, sum / n);
    }

    // ---------------------------------------------------------------- auction

    private void auction(double eps, long phaseDeadline) {
        for (int u = 0; u < units; u++) {
            if (assigned[u] >= 0) {
                remove(u);
            }
        }
        int[] queue = new int[units + 1];
        int head = 0;
        int tail = 0;
        int cap = queue.length;
        for (int u : order) {
            if (active[u]) {
                queue[tail++] = u;
            }
        }
        // Whole households cannot split, so near the LP prices the auction mostly trades blocks back and forth;
        // a few bids per unit settle the easy cases and local search does the rest.
        long maxBids = 5L * units + 1000;
        long bids = 0;
        RowAuction.TopTwo best = new RowAuction.TopTwo();
        while (head != tail && bids < maxBids) {
            if ((bids & 511) == 0 && passed(phaseDeadline)) {
                break;
            }
            int u = queue[head];
            head = (head + 1) % cap;
            int base = u * muni;
            best.reset(0);
            for (int m = 0; m < muni; m++) {
                double v = md.value[base + m];
                if (v == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                best.offer(v - cost(u, m), m);
            }
            int m1 = best.where;
            if (m1 < 0 || best.first <= 0) {
                continue;
            }
            bids++;
            bid[u] = md.value[base + m1] - best.second + eps * md.size[u];
            add(u, m1);
            int evicted;
            while ((evicted = evictOne(m1)) >= 0) {
                queue[tail] = evicted;
                tail = (tail + 1) % cap;
            }
        }
        if (TRACE) {
            System.err.println("[engine] bids=" + bids + " queueLeft=" + ((tail - head + cap) % cap));
        }
    }

    private double cost(int u, int m) {
        double c = pP[m] * md.size[u];
        if (md.minorPersons[u] > 0) {
            c += pM[m] * md.minorPersons[u];
        }
        int[] lg = md.large[u];
        if (lg != null) {
            for (int k = 0; k < R; k++) {
                c += pL[m * R + k] * lg[k];
            }
        }
        return c;
    }

    /** Evicts the lowest bidder on an overflowing row of m and raises that row's price; -1 when m is feasible. */
    private int evictOne(int m) {
        int row;
        if (useP[m] > md.capPersons[m]) {
            row = -1;
        } else if (useM[m] > md.capMinors[m]) {
            row = -2;
        } else {
            row = -3;
            for (int k = 0; k < R; k++) {
                if (useL[m * R + k] > md.capLarge[m][k]) {
                    row = k;
                    break;
                }
            }
            if (row == -3) {
                return -1;
            }
        }
        int victim = -1;
        double victimKey = Double.POSITIVE_INFINITY;
        int[] list = holders[m];
        for (int i = 0; i < holderCount[m]; i++) {
            int w = list[i];
            double a;
            double p;
            if (row == -1) {
                a = md.size[w];
                p = pP[m];
            } else if (row == -2) {
                a = md.minorPersons[w];
                p = pM[m];
            } else {
                a = md.large[w] == null ? 0 : md.large[w][row];
                p = pL[m * R + row];
            }
            if (a <= 0) {
                continue;
            }
            double key = (bid[w] - (cost(w, m) - p * a)) / a;
            if (key < victimKey || (key == victimKey && w < victim)) {
                victimKey = key;
                victim = w;
            }
        }
        remove(victim);
        if (row == -1) {
            pP[m] = Math.max(pP[m], victimKey);
        } else if (row == -2) {
            pM[m] = Math.max(pM[m], victimKey);
        } else {
            pL[m * R + row] = Math.max(pL[m * R + row], victimKey);
        }
        return victim;
    }

    private void add(int u, int m) {
        if (logging) {
            undoLog[logSize++] = u;
            undoLog[logSize++] = -1;
            trialDelta += val(u, m);
        }
        assigned[u] = m;
        useP[m] += md.size[u];
        useM[m] += md.minorPersons[u];
        int[] lg = md.large[u];
        if (lg != null) {
            for (int k = 0; k < R; k++) {
                useL[m * R + k] += lg[k];
            }
        }
        if (holderCount[m] == holders[m].length) {
            holders[m] = Arrays.copyOf(holders[m], holders[m].length * 2);
        }
        pos[u] = holderCount[m];
        holders[m][holderCount[m]++] = u;
    }

    private void remove(int u) {
        int m = assigned[u];
        if (logging) {
            undoLog[logSize++] = u;
            undoLog[logSize++] = m;
            trialDelta -= val(u, m);
        }
        assigned[u] = -1;
        useP[m] -= md.size[u];
        useM[m] -= md.minorPersons[u];
        int[] lg = md.large[u];
        if (lg != null) {
            for (int k = 0; k < R; k++) {
                useL[m * R + k] -= lg[k];
            }
        }
        int last = holders[m][--holderCount[m]];
        holders[m][pos[u]] = last;
        pos[last] = pos[u];
    }

    // ---------------------------------------------------------------- local search

    private boolean fits(int u, int m) {
        if (md.size[u] > md.capPersons[m] - useP[m] || md.minorPersons[u] > md.capMinors[m] - useM[m]) {
            return false;
        }
        int[] lg = md.large[u];
        if (lg != null) {
            for (int k = 0; k < R; k++) {
                if (lg[k] > md.capLarge[m][k] - useL[m * R + k]) {
                    return false;
                }
            }
        }
        return true;
    }

    private double val(int u, int m) {
        return m < 0 ? 0.0 : md.value[u * muni + m];
    }

    private int bestFitting(int u, int exclude) {
        int base = u * muni;
        int best = -1;
        double bestV = 0;
        for (int m = 0; m < muni; m++) {
            double v = md.value[base + m];
            if (m != exclude && v > bestV && fits(u, m)) {
                bestV = v;
                best = m;
            }
        }
        return best;
    }

    private boolean insertPass() {
        boolean improved = false;
        for (int u : valueOrder()) {
            if (active[u] && assigned[u] < 0) {
                int m = bestFitting(u, -1);
                if (m >= 0) {
                    add(u, m);
                    improved = true;
                }
            }
        }
        return improved;
    }

    private int[] byValue;

    /**
     * Units by best value, highest first: inserting in this order is the priority greedy of manual practice,
     * which is what the result falls back to when a slow machine cuts the auction short.
     */
    private int[] valueOrder() {
        if (byValue == null) {
            double[] best = new double[units];
            Integer[] idx = new Integer[units];
            for (int u = 0; u < units; u++) {
                best[u] = active[u] ? md.bestUnitValue(u) : Double.NEGATIVE_INFINITY;
                idx[u] = order[u];
            }
            Arrays.sort(idx, (a, b) -> Double.compare(best[b], best[a]));
            byValue = new int[units];
            for (int i = 0; i < units; i++) {
                byValue[i] = idx[i];
            }
        }
        return byValue;
    }

    private boolean movePass(long until) {
        boolean improved = false;
        int n = 0;
        for (int u : order) {
            if (!active[u] || assigned[u] < 0) {
                continue;
            }
            if ((++n & 255) == 0 && passed(until)) {
                break;
            }
            int cur = assigned[u];
            double curV = val(u, cur);
            int base = u * muni;
            int best = -1;
            double bestV = curV + 1e-9;
            for (int m = 0; m < muni; m++) {
                double v = md.value[base + m];
                if (v > bestV && m != cur && fits(u, m)) {
                    bestV = v;
                    best = m;
                }
            }
            if (best >= 0) {
                remove(u);
                add(u, best);
                improved = true;
            }
        }
        return improved;
    }

    /**
     * Moves a unit into a better municipality that is full by ejecting one holder there, which goes to its
     * best municipality with room or stays unassigned; kept only if the total improves.
     */
    private boolean ejectionPass(long until) {
        boolean improved = false;
        int[] cand = new int[EJECTION_CANDIDATES];
        double[] candV = new double[EJECTION_CANDIDATES];
        int[] victims = new int[EJECTION_VICTIMS];
        double[] victimMargin = new double[EJECTION_VICTIMS];
        int n = 0;
        for (int u : order) {
            if (!active[u]) {
                continue;
            }
            if ((++n & 127) == 0 && passed(until)) {
                break;
            }
            int cur = assigned[u];
            double curV = val(u, cur);
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

    private int topCandidates(int u, int cur, double curV, int[] cand, double[] candV) {
        int nc = 0;
        int base = u * muni;
        for (int m = 0; m < muni; m++) {
            double v = md.value[base + m];
            if (m == cur || v <= curV + 1e-9) {
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

    private int cheapestHolders(int m, int[] victims, double[] margin) {
        int nv = 0;
        for (int i = 0; i < holderCount[m]; i++) {
            int w = holders[m][i];
            double g = val(w, m) - pP[m] * md.size[w];
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
        double before = val(u, cur) + val(w, m);
        if (cur >= 0) {
            remove(u);
        }
        remove(w);
        if (!fits(u, m)) {
            add(w, m);
            if (cur >= 0) {
                add(u, cur);
            }
            return false;
        }
        add(u, m);
        int alt = bestFitting(w, -1);
        double after = val(u, m) + (alt >= 0 ? val(w, alt) : 0.0);
        if (after > before + 1e-9) {
            if (alt >= 0) {
                add(w, alt);
            }
            return true;
        }
        remove(u);
        add(w, m);
        if (cur >= 0) {
            add(u, cur);
        }
        return false;
    }

    // ---------------------------------------------------------------- repacking

    private boolean logging;
    private int[] undoLog = new int[64];
    private int logSize;
    private double trialDelta;

    private void beginTrial() {
        logging = true;
        logSize = 0;
        trialDelta = 0;
    }

    private void ensureLog(int extra) {
        if (logSize + extra > undoLog.length) {
            undoLog = Arrays.copyOf(undoLog, Math.max(undoLog.length * 2, logSize + extra));
        }
    }

    /** Reverts every add and remove since {@link #beginTrial()}, newest first. */
    private void undoTrial() {
        logging = false;
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
    }

    /**
     * Re-packs one municipality at a time: empties it, then refills it with the subset of its former holders,
     * unassigned units and units that would gain by moving there that maximises the total gain over their best
     * alternative (exact knapsack on persons when the municipality is small, by gain per person otherwise).
     * Displaced units go to their best municipality with room. Kept only if the objective improves. This
     * repairs the packing losses that unsplittable households leave in small municipalities.
     */
    private boolean repackPass(long until) {
        boolean improved = false;
        int[] cand = new int[units];
        double[] profit = new double[units];
        int[] displaced = new int[units];
        boolean[] isDisplaced = new boolean[units];
        for (int step = 0; step < muni; step++) {
            if (passed(until)) {
                break;
            }
            int m = order.length == 0 ? step : (step + order[0]) % muni;
            beginTrial();
            ensureLog(4 * (holderCount[m] + units));
            int nd = 0;
            while (holderCount[m] > 0) {
                int w = holders[m][holderCount[m] - 1];
                remove(w);
                displaced[nd++] = w;
            }
            int nc = 0;
            for (int i = 0; i < nd; i++) {
                isDisplaced[displaced[i]] = true;
            }
            for (int i = 0; i < nd; i++) {
                int w = displaced[i];
                int alt = bestFitting(w, m);
                cand[nc] = w;
                profit[nc++] = val(w, m) - (alt >= 0 ? val(w, alt) : 0.0);
            }
            for (int u = 0; u < units; u++) {
                if (!active[u] || assigned[u] == m || md.value[u * muni + m] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                if (isDisplaced[u]) {
                    continue;
                }
                double gain = val(u, m) - val(u, assigned[u]);
                if (gain > 1e-9) {
                    cand[nc] = u;
                    profit[nc++] = gain;
                }
            }
            int[] chosen = selectForCapacity(cand, profit, nc, md.capPersons[m] - useP[m]);
            for (int u : chosen) {
                if (assigned[u] >= 0) {
                    remove(u);
                }
                if (fits(u, m)) {
                    add(u, m);
                }
            }
            for (int i = 0; i < nd; i++) {
                int w = displaced[i];
                if (assigned[w] < 0) {
                    int alt = bestFitting(w, -1);
                    if (alt >= 0) {
                        add(w, alt);
                    }
                }
            }
            for (int u : chosen) {
                if (assigned[u] < 0) {
                    int alt = bestFitting(u, -1);
                    if (alt >= 0) {
                        add(u, alt);
                    }
                }
            }
            for (int i = 0; i < nd; i++) {
                isDisplaced[displaced[i]] = false;
            }
            logging = false;
            if (trialDelta > 1e-9) {
                improved = true;
            } else {
                undoTrial();
            }
        }
        return improved;
    }

    /** Subset of candidates with positive profit that fits the capacity, maximising total profit. */
    private int[] selectForCapacity(int[] cand, double[] profit, int n, int capacity) {
        int[] items = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (profit[i] > 1e-12 && md.size[cand[i]] <= capacity) {
                items[k++] = i;
            }
        }
        if (k == 0 || capacity <= 0) {
            return new int[0];
        }
        if ((long) k * (capacity + 1) <= EXACT_KNAPSACK_CELLS) {
            double[] best = new double[capacity + 1];
            boolean[][] take = new boolean[k][capacity + 1];
            for (int i = 0; i < k; i++) {
                int w = md.size[cand[items[i]]];
                double p = profit[items[i]];
                for (int c = capacity; c >= w; c--) {
                    if (best[c - w] + p > best[c] + 1e-12) {
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
                    c -= md.size[cand[items[i]]];
                }
            }
            return Arrays.copyOf(out, no);
        }
        Integer[] byDensity = new Integer[k];
        for (int i = 0; i < k; i++) {
            byDensity[i] = items[i];
        }
        Arrays.sort(byDensity, (a, b) -> {
            int c = Double.compare(profit[b] / md.size[cand[b]], profit[a] / md.size[cand[a]]);
            return c != 0 ? c : Integer.compare(cand[a], cand[b]);
        });
        int[] out = new int[k];
        int no = 0;
        int left = capacity;
        for (int i : byDensity) {
            int w = md.size[cand[i]];
            if (w <= left) {
                out[no++] = cand[i];
                left -= w;
            }
        }
        return Arrays.copyOf(out, no);
    }

    private double computeObjective() {
        double sum = md.pinnedValue;
        for (int u = 0; u < units; u++) {
            if (assigned[u] >= 0) {
                sum += val(u, assigned[u]);
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------- accessors

    int assignedMunicipality(int u) {
        return md.pinnedTo[u] >= 0 ? md.pinnedTo[u] : assigned[u];
    }

    boolean isPinned(int u) {
        return md.pinnedTo[u] >= 0;
    }

    double objective() {
        return objective;
    }

    double bestBound() {
        return bound.value();
    }

    double[] bestPricesPersons() {
        return bound.personPrices();
    }

    int residualPersons(int m) {
        return md.capPersons[m] - useP[m];
    }

    int residualMinors(int m) {
        return md.capMinors[m] - useM[m];
    }

    int residualLarge(int m, int k) {
        return md.capLarge[m][k] - useL[m * R + k];
    }
}
