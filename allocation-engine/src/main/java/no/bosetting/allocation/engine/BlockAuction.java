package no.bosetting.allocation.engine;

/**
 * Primal from prices: an auction on whole units, warm-started from the LP prices of the persons rows, with
 * eviction on every row (persons, minors places, dwelling rows), so that the placement is always feasible. It
 * keeps its own prices per row; the certified bound starts from a snapshot of them and local search reads the
 * persons prices to pick whom to eject.
 */
final class BlockAuction {

    private static final int R = UnitModel.LARGE_ROWS;

    private final UnitModel model;
    private final Placement placement;
    private final int municipalities;
    final double[] personPrice;
    final double[] minorPrice;
    /** Prices of the dwelling rows, m·R + k. */
    final double[] dwellingPrice;
    private final double[] bid;

    BlockAuction(Placement placement, double[] lpPrices) {
        this.placement = placement;
        this.model = placement.model;
        this.municipalities = model.municipalities;
        personPrice = lpPrices.clone();
        minorPrice = new double[municipalities];
        dwellingPrice = new double[municipalities * R];
        bid = new double[model.units];
    }

    /** Re-assigns every active unit from scratch with bid increment {@code eps} per person. */
    void run(double eps, Deadline until) {
        int units = model.units;
        for (int u = 0; u < units; u++) {
            if (placement.of(u) >= 0) {
                placement.remove(u);
            }
        }
        int[] queue = new int[units + 1];
        int head = 0;
        int tail = 0;
        int cap = queue.length;
        for (int u : placement.order) {
            if (placement.active[u]) {
                queue[tail++] = u;
            }
        }
        // Whole households cannot split, so near the LP prices the auction mostly trades blocks back and forth;
        // a few bids per unit settle the easy cases and local search does the rest.
        long maxBids = Tuning.BLOCK_BIDS_PER_UNIT * units + Tuning.BLOCK_BIDS_EXTRA;
        long bids = 0;
        RowAuction.TopTwo best = new RowAuction.TopTwo();
        while (head != tail && bids < maxBids) {
            if ((bids & Tuning.AUCTION_CLOCK_MASK) == 0 && until.passed()) {
                break;
            }
            int u = queue[head];
            head = (head + 1) % cap;
            int base = u * municipalities;
            best.reset(0);
            for (int m = 0; m < municipalities; m++) {
                double v = model.value[base + m];
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
            bid[u] = model.value[base + m1] - best.second + eps * model.size[u];
            placement.add(u, m1);
            int evicted;
            while ((evicted = evictOne(m1)) >= 0) {
                queue[tail] = evicted;
                tail = (tail + 1) % cap;
            }
        }
    }

    /** What unit u pays in municipality m at the current prices of all its rows. */
    private double cost(int u, int m) {
        double c = personPrice[m] * model.size[u];
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

    /** Evicts the lowest bidder on an overflowing row of m and raises that row's price; −1 when m is feasible. */
    private int evictOne(int m) {
        int row;
        if (placement.usedPersons(m) > model.capPersons[m]) {
            row = -1;
        } else if (placement.usedMinors(m) > model.capMinors[m]) {
            row = -2;
        } else {
            row = -3;
            for (int k = 0; k < R; k++) {
                if (placement.usedDwellings(m, k) > model.capLarge[m][k]) {
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
        for (int i = 0; i < placement.holderCount(m); i++) {
            int w = placement.holder(m, i);
            double a;
            double p;
            if (row == -1) {
                a = model.size[w];
                p = personPrice[m];
            } else if (row == -2) {
                a = model.minorPersons[w];
                p = minorPrice[m];
            } else {
                a = model.large[w] == null ? 0 : model.large[w][row];
                p = dwellingPrice[m * R + row];
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
        placement.remove(victim);
        if (row == -1) {
            personPrice[m] = Math.max(personPrice[m], victimKey);
        } else if (row == -2) {
            minorPrice[m] = Math.max(minorPrice[m], victimKey);
        } else {
            dwellingPrice[m * R + row] = Math.max(dwellingPrice[m * R + row], victimKey);
        }
        return victim;
    }
}
