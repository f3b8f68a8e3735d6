package no.bosetting.allocation.engine;

import java.util.Arrays;

/**
 * The exact programme of one {@link Neighbourhood}: which of a few free units goes to which of a few municipalities
 * (or stays outside), respecting every capacity row, by dynamic programming over the units.
 */
final class SetProgramme {

    /** Rows per municipality: 0 persons, 1 minors places, 2 + k dwelling row k. */
    static final int ROWS = 2 + UnitModel.LARGE_ROWS;

    private SetProgramme() {
    }

    /** What unit u uses of row r of a municipality: 0 persons, 1 minors places, 2 + k dwelling row k. */
    static int use(UnitModel model, int u, int r) {
        if (r == 0) {
            return model.size[u];
        }
        if (r == 1) {
            return model.minorPersons[u];
        }
        return model.large[u] == null ? 0 : model.large[u][r - 2];
    }

    /**
     * The best choice for every free unit by dynamic programming over the units, the state being what each
     * municipality of the set has left on each row the free units use there (mixed radix, one digit per row, capped
     * at what the free units could use). {@code use[i][r]} is what free unit i uses of row r, {@code val[i][s]} its
     * value in the set's municipality s (−∞ where it may not go), {@code outVal[i]} its value outside the set,
     * {@code residual[s][r]} what s has left on row r.
     * Fills {@code choice} (the municipality's index in the set, or −1 = outside) and returns the best total, or
     * −∞ without a choice when the programme would have more than {@code maxStates} states.
     */
    static double solve(int[][] use, double[][] val, double[] outVal, int[][] residual, int[] choice, long maxStates) {
        int n = use.length;
        int setSize = residual.length;
        int rows = ROWS;
        int[][] weight = new int[setSize][rows];
        int[][] radix = new int[setSize][rows];
        long product = 1;
        for (int s = 0; s < setSize; s++) {
            for (int r = 0; r < rows; r++) {
                int want = 0;
                for (int i = 0; i < n; i++) {
                    if (val[i][s] != Double.NEGATIVE_INFINITY) {
                        want += use[i][r];
                    }
                }
                if (r == 0 || want > 0) {
                    radix[s][r] = Math.min(residual[s][r], want) + 1;
                    weight[s][r] = (int) Math.min(product, Integer.MAX_VALUE);
                    product *= radix[s][r];
                }
            }
        }
        if (product > maxStates) {
            return Double.NEGATIVE_INFINITY;
        }
        int states = (int) product;
        // Per unit and municipality: the rows to check (weight, radix, use) and the total step of the state.
        int[][][] check = new int[n][setSize][];
        int[][] step = new int[n][setSize];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < setSize; s++) {
                if (val[i][s] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                int[] c = new int[3 * rows];
                int k = 0;
                for (int r = 0; r < rows; r++) {
                    int q = use[i][r];
                    if (q > 0) {
                        c[k++] = weight[s][r];
                        c[k++] = radix[s][r];
                        c[k++] = q;
                        step[i][s] += q * weight[s][r];
                    }
                }
                check[i][s] = Arrays.copyOf(c, k);
            }
        }
        double[] cur = new double[states];
        double[] next = new double[states];
        byte[][] how = new byte[n][states];
        Arrays.fill(cur, Double.NEGATIVE_INFINITY);
        cur[states - 1] = 0;
        for (int i = 0; i < n; i++) {
            Arrays.fill(next, Double.NEGATIVE_INFINITY);
            byte[] h = how[i];
            double out = outVal[i];
            double[] vi = val[i];
            int[][] ci = check[i];
            for (int st = 0; st < states; st++) {
                double c = cur[st];
                if (c == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                if (c + out > next[st]) {
                    next[st] = c + out;
                    h[st] = 0;
                }
                for (int s = 0; s < setSize; s++) {
                    int[] rowsOf = ci[s];
                    if (rowsOf == null) {
                        continue;
                    }
                    boolean fits = true;
                    for (int k = 0; k < rowsOf.length && fits; k += 3) {
                        fits = (st / rowsOf[k]) % rowsOf[k + 1] >= rowsOf[k + 2];
                    }
                    if (!fits) {
                        continue;
                    }
                    int to = st - step[i][s];
                    double v = c + vi[s];
                    if (v > next[to]) {
                        next[to] = v;
                        h[to] = (byte) (s + 1);
                    }
                }
            }
            double[] t = cur;
            cur = next;
            next = t;
        }
        int at = 0;
        for (int st = 1; st < states; st++) {
            if (cur[st] > cur[at]) {
                at = st;
            }
        }
        double value = cur[at];
        for (int i = n - 1; i >= 0; i--) {
            int c = how[i][at];
            choice[i] = c - 1;
            if (c > 0) {
                at += step[i][c - 1];
            }
        }
        return value;
    }
}
