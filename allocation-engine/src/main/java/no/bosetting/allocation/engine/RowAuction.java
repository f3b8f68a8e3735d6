package no.bosetting.allocation.engine;

import java.util.Arrays;

/**
 * The auction over capacity rows that the person auction and the side auction share (in the spirit of
 * Bertsekas): bidders queue, each takes slots of the object it values most at current prices, and every object
 * keeps its holders in a min-heap by bid, so that a higher bid displaces the lowest ones; a full object's price
 * is the lowest bid it holds. With ε-scaling: each phase keeps the prices of the previous one and re-assigns from
 * scratch, which avoids the long price wars of a single small ε. Prices never fall within an auction. Any prices
 * are valid for the bound, so a deadline may cut the auction anywhere.
 *
 * <p>What differs between the two auctions is what a bidder compares ({@link #choose}), how many slots it wants
 * ({@link #demand}) and whether it may split: the persons of a household may ({@code splittable}, the LP
 * relaxation of the persons rows), a dwelling or a group of minors places is taken whole.
 */
abstract class RowAuction {

    /** Objects (municipalities, or dwelling classes and minors rows); their prices. */
    final double[] price;
    private final int[] capacity;
    private final boolean splittable;

    // Per object a min-heap of slot groups (unit, count, bid), keyed by bid.
    int[][] heapUnit;
    int[][] heapCount;
    private double[][] heapBid;
    int[] heapSize;
    private final int[] free;
    private final int[] waiting;
    private final boolean[] queued;

    /** Set by {@link #choose}: the per-slot bid for the object it returned. */
    double bid;
    final TopTwo best = new TopTwo();

    RowAuction(int[] capacity, int units, boolean splittable) {
        this.capacity = capacity;
        this.splittable = splittable;
        int objects = capacity.length;
        price = new double[objects];
        heapUnit = new int[objects][4];
        heapCount = new int[objects][4];
        heapBid = new double[objects][4];
        heapSize = new int[objects];
        free = new int[objects];
        waiting = new int[units];
        queued = new boolean[units];
    }

    /** The object unit u bids for at the current prices with increment ε, setting {@link #bid}; or −1 for none. */
    abstract int choose(int u, double eps);

    /** Slots unit u wants. */
    abstract int demand(int u);

    /** Starts prices from this share of {@code warm}, since an auction can only raise them; zero without. */
    void startFrom(double[] warm) {
        if (warm != null) {
            for (int o = 0; o < price.length; o++) {
                price[o] = warm[o] * Tuning.WARM_SHRINK;
            }
        }
    }

    /**
     * ε-scaled phases from {@code epsFinal} times the cold or warm factor down to {@code epsFinal}; stops early when
     * the deadline cuts a phase short. Returns whether the last phase completed.
     */
    boolean run(int[] bidders, int n, double epsFinal, boolean warm, Deadline until) {
        double eps = epsFinal * (warm ? Tuning.WARM_EPSILON_FACTOR : Tuning.COLD_EPSILON_FACTOR);
        while (true) {
            boolean complete = phase(bidders, n, Math.max(eps, epsFinal), until);
            if (!complete || eps <= epsFinal) {
                return complete;
            }
            eps /= Tuning.EPSILON_REDUCTION;
        }
    }

    /** One auction phase at fixed ε from the current prices; false when the deadline cut it short. */
    private boolean phase(int[] bidders, int n, double eps, Deadline until) {
        Arrays.fill(heapSize, 0);
        for (int o = 0; o < free.length; o++) {
            free[o] = capacity[o];
        }
        int[] queue = new int[n + 1];
        int cap = queue.length;
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            int u = bidders[i];
            waiting[u] = demand(u);
            queue[tail++] = u;
            queued[u] = true;
        }
        long bids = 0;
        while (head != tail) {
            if ((++bids & Tuning.AUCTION_CLOCK_MASK) == 0 && until.passed()) {
                return false;
            }
            int u = queue[head];
            head = (head + 1) % cap;
            queued[u] = false;
            if (waiting[u] == 0) {
                continue;
            }
            int o = choose(u, eps);
            if (o < 0) {
                waiting[u] = 0;
                continue;
            }
            double b = bid;
            int k = waiting[u];
            waiting[u] = 0;
            if (splittable) {
                // Take free slots first; then displace the lowest bids, which are below b.
                int take = Math.min(k, free[o]);
                free[o] -= take;
                int rest = k - take;
                while (rest > 0 && heapSize[o] > 0 && heapBid[o][0] < b) {
                    int w = heapUnit[o][0];
                    int c = heapCount[o][0];
                    int moved = Math.min(c, rest);
                    waiting[w] += moved;
                    if (!queued[w]) {
                        queue[tail] = w;
                        tail = (tail + 1) % cap;
                        queued[w] = true;
                    }
                    if (moved == c) {
                        heapPop(o);
                    } else {
                        heapCount[o][0] -= moved;
                    }
                    rest -= moved;
                }
                int placed = k - rest;
                if (placed > 0) {
                    heapPush(o, u, placed, b);
                }
                if (rest > 0) {
                    // Could not displace anyone cheaper: the object's price already equals b.
                    waiting[u] += rest;
                    if (!queued[u]) {
                        queue[tail] = u;
                        tail = (tail + 1) % cap;
                        queued[u] = true;
                    }
                }
            } else {
                // Make room by evicting the lowest bids (whole units).
                while (free[o] < k) {
                    int w = heapUnit[o][0];
                    int c = heapCount[o][0];
                    free[o] += c;
                    heapPop(o);
                    waiting[w] = c;
                    queue[tail] = w;
                    tail = (tail + 1) % cap;
                    queued[w] = true;
                }
                heapPush(o, u, k, b);
                free[o] -= k;
            }
            if (free[o] == 0 && heapSize[o] > 0) {
                price[o] = Math.max(price[o], heapBid[o][0]);
            }
        }
        if (Tuning.TRACE) {
            System.err.println("[engine] " + getClass().getSimpleName() + " bids=" + bids + " eps=" + eps);
        }
        phaseDone();
        return true;
    }

    /** Called after every phase that ran to completion, while its holders are still in the heaps. */
    void phaseDone() {
    }

    private void heapPush(int o, int u, int count, double b) {
        int[] hu = heapUnit[o];
        if (heapSize[o] == hu.length) {
            heapUnit[o] = Arrays.copyOf(hu, hu.length * 2);
            heapCount[o] = Arrays.copyOf(heapCount[o], hu.length * 2);
            heapBid[o] = Arrays.copyOf(heapBid[o], hu.length * 2);
        }
        hu = heapUnit[o];
        int[] hc = heapCount[o];
        double[] hb = heapBid[o];
        int i = heapSize[o]++;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (hb[parent] <= b) {
                break;
            }
            hu[i] = hu[parent];
            hc[i] = hc[parent];
            hb[i] = hb[parent];
            i = parent;
        }
        hu[i] = u;
        hc[i] = count;
        hb[i] = b;
    }

    private void heapPop(int o) {
        int[] hu = heapUnit[o];
        int[] hc = heapCount[o];
        double[] hb = heapBid[o];
        int n = --heapSize[o];
        int lu = hu[n];
        int lc = hc[n];
        double lb = hb[n];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && hb[child + 1] < hb[child]) {
                child++;
            }
            if (hb[child] >= lb) {
                break;
            }
            hu[i] = hu[child];
            hc[i] = hc[child];
            hb[i] = hb[child];
            i = child;
        }
        if (n > 0) {
            hu[i] = lu;
            hc[i] = lc;
            hb[i] = lb;
        }
    }

    /** The best and second-best value of one scan over a unit's options, and where the best one is. */
    static final class TopTwo {
        double first;
        double second;
        int where;

        /** Starts a scan; the second best is at least {@code floor}, the value of leaving the unit out. */
        void reset(double floor) {
            first = Double.NEGATIVE_INFINITY;
            second = floor;
            where = -1;
        }

        void offer(double value, int option) {
            if (value > first) {
                if (first > second) {
                    second = first;
                }
                first = value;
                where = option;
            } else if (value > second) {
                second = value;
            }
        }
    }
}
