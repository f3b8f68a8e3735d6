package no.bosetting.allocation.engine;

/**
 * Minors and dwelling prices (the side prices) that are optimal for fixed persons prices: the {@link RowAuction}
 * of the units that use exactly one of those kinds of row, for places in them, at their value less the persons
 * price. A unit with one large household bids for a dwelling by class (class j holds the dwellings with room for
 * exactly 5 + j persons, 9+ for the last) and may take any class ≥ its own; a unit of unaccompanied minors bids,
 * per person, for the municipality's minors places. Dwellings are a laminar matroid per municipality and the
 * minors places a plain capacity, so for these units the auction solves the LP of those rows to within n·ε. Units
 * that use both kinds, or several large dwellings, keep the prices they are given.
 */
final class SideAuction extends RowAuction {

    private static final int R = UnitModel.LARGE_ROWS;

    private final UnitModel model;
    private final int municipalities;
    private final int dwellings;
    private final int[] capacity;
    private final double[] personPrice;
    /** Dwelling class of a large bidder, or −1 for a minors bidder. */
    private final int[] dwellingClass;

    private SideAuction(UnitModel model, int[] capacity, double[] personPrice) {
        super(capacity, model.units, false);
        this.model = model;
        this.municipalities = model.municipalities;
        this.dwellings = municipalities * R;
        this.capacity = capacity;
        this.personPrice = personPrice;
        this.dwellingClass = new int[model.units];
    }

    /**
     * Runs the auction for the persons prices {@code personPrice} and writes the row prices: what a unit of class
     * c pays is the price of the cheapest class ≥ c, whose increments per class are the nested dwelling rows'
     * prices ({@code dwellingPrice}, m·R + k); the minors price is the lowest per-person bid a full municipality
     * holds ({@code minorPrice}). Returns the prices per object, to warm-start the next call.
     */
    static double[] prices(UnitModel model, int[] order, boolean[] active, double[] personPrice, double epsFinal,
            double[] warm, Deadline until, double[] minorPrice, double[] dwellingPrice) {
        int muni = model.municipalities;
        int dwellings = muni * R;
        int[] capacity = new int[dwellings + muni];
        for (int m = 0; m < muni; m++) {
            for (int j = 0; j < R; j++) {
                capacity[m * R + j] = model.capLarge[m][j] - (j + 1 < R ? model.capLarge[m][j + 1] : 0);
            }
            capacity[dwellings + m] = model.capMinors[m];
        }
        SideAuction auction = new SideAuction(model, capacity, personPrice);
        int[] bidders = new int[model.units];
        int n = 0;
        for (int u : order) {
            int[] lg = model.large[u];
            boolean minor = model.minorPersons[u] > 0;
            if (!active[u] || (lg == null) == !minor) {
                continue;
            }
            if (lg != null) {
                if (lg[0] != 1) {
                    continue;
                }
                int c = 0;
                while (c + 1 < R && lg[c + 1] > 0) {
                    c++;
                }
                auction.dwellingClass[u] = c;
            } else {
                auction.dwellingClass[u] = -1;
            }
            bidders[n++] = u;
        }
        auction.startFrom(warm);
        auction.run(bidders, n, epsFinal, warm != null, until);
        double[] price = auction.price;
        for (int m = 0; m < muni; m++) {
            minorPrice[m] = price[dwellings + m];
            double previous = 0;
            for (int k = 0; k < R; k++) {
                double cheapest = Double.POSITIVE_INFINITY;
                for (int j = k; j < R; j++) {
                    if (capacity[m * R + j] > 0) {
                        cheapest = Math.min(cheapest, price[m * R + j]);
                    }
                }
                double total = cheapest == Double.POSITIVE_INFINITY ? previous : Math.max(previous, cheapest);
                dwellingPrice[m * R + k] = total - previous;
                previous = total;
            }
        }
        return price;
    }

    @Override
    int demand(int u) {
        return dwellingClass[u] < 0 ? model.minorPersons[u] : 1;
    }

    @Override
    int choose(int u, double eps) {
        int s = model.size[u];
        int cls = dwellingClass[u];
        int need = cls < 0 ? model.minorPersons[u] : 1;
        int base = u * municipalities;
        best.reset(0);
        for (int m = 0; m < municipalities; m++) {
            double v = model.value[base + m];
            if (v == Double.NEGATIVE_INFINITY) {
                continue;
            }
            v -= personPrice[m] * s;
            int from = cls < 0 ? dwellings + m : m * R + cls;
            int to = cls < 0 ? from + 1 : m * R + R;
            for (int o = from; o < to; o++) {
                if (capacity[o] >= need) {
                    best.offer(v - price[o] * need, o);
                }
            }
        }
        int o1 = best.where;
        if (o1 < 0 || best.first <= 0) {
            return -1;
        }
        bid = price[o1] + (best.first - best.second + eps) / need;
        return o1;
    }
}
