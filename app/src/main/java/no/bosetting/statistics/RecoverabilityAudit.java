package no.bosetting.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit of a suppression pattern: it plays the attacker who knows every published count and every sum. A
 * withheld 1–4 count fails the audit when it is determined by the linear system of all published sums (its unit
 * vector lies in the row space of the sums restricted to withheld cells, checked with exact modular Gaussian
 * elimination modulo two primes), or when interval propagation over the sums — every withheld published count at
 * least 1, because 0 is always shown — pins it to one value or gives it an upper bound below 5.
 */
final class RecoverabilityAudit {

    private static final long INF = DisclosureCells.INF;
    private static final long[] PRIMES = {1_000_000_007L, 998_244_353L};

    private final DisclosureCells cells;

    RecoverabilityAudit(DisclosureCells cells) {
        this.cells = cells;
    }

    /** The withheld 1–4 counts a reader can still work out, or show to be below 5, by index in ascending order. */
    List<Integer> exposed(boolean[] hidden, boolean[] sensitive) {
        Set<Integer> failing = new TreeSet<>();
        for (long p : PRIMES) {
            failing.addAll(determined(hidden, sensitive, p));
        }
        failing.addAll(pinned(hidden, sensitive));
        return new ArrayList<>(failing);
    }

    /** Sensitive withheld cells whose unit vector lies in the row space of the sums over withheld cells (mod p). */
    private List<Integer> determined(boolean[] hidden, boolean[] sensitive, long p) {
        int n = cells.size();
        int[] column = new int[n];
        Arrays.fill(column, -1);
        List<Integer> withheld = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (hidden[i]) {
                column[i] = withheld.size();
                withheld.add(i);
            }
        }
        List<long[]> rows = new ArrayList<>();
        for (int[] r : cells.relations()) {
            long[] row = new long[withheld.size()];
            boolean any = false;
            for (int k = 0; k < r.length; k++) {
                int c = column[r[k]];
                if (c >= 0) {
                    row[c] = Math.floorMod(row[c] + (k == 0 ? 1 : -1), p);
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        long[][] a = rows.toArray(new long[0][]);
        int m = a.length;
        int cols = withheld.size();
        int[] pivotRow = new int[cols];
        Arrays.fill(pivotRow, -1);
        int rank = 0;
        for (int c = 0; c < cols && rank < m; c++) {
            int found = -1;
            for (int r = rank; r < m; r++) {
                if (a[r][c] != 0) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            long[] tmp = a[rank];
            a[rank] = a[found];
            a[found] = tmp;
            long inv = inverse(a[rank][c], p);
            for (int j = c; j < cols; j++) {
                a[rank][j] = a[rank][j] * inv % p;
            }
            for (int r = 0; r < m; r++) {
                if (r != rank && a[r][c] != 0) {
                    long f = a[r][c];
                    for (int j = c; j < cols; j++) {
                        if (a[rank][j] != 0) {
                            a[r][j] = Math.floorMod(a[r][j] - f * a[rank][j] % p, p);
                        }
                    }
                }
            }
            pivotRow[c] = rank++;
        }
        List<Integer> result = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            int cell = withheld.get(c);
            if (!sensitive[cell] || pivotRow[c] < 0) {
                continue;
            }
            long[] row = a[pivotRow[c]];
            boolean alone = true;
            for (int j = 0; j < cols && alone; j++) {
                alone = j == c || row[j] == 0;
            }
            if (alone) {
                result.add(cell);
            }
        }
        return result;
    }

    private static long inverse(long a, long p) {
        long result = 1;
        long base = a % p;
        long e = p - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result * base % p;
            }
            base = base * base % p;
            e >>= 1;
        }
        return result;
    }

    /**
     * Sensitive withheld cells that interval propagation over the sums (a withheld published count at least 1,
     * an internal one at least 0) pins to one value or shows to be below 5.
     */
    private List<Integer> pinned(boolean[] hidden, boolean[] sensitive) {
        int n = cells.size();
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (int i = 0; i < n; i++) {
            lo[i] = hidden[i] ? cells.lowerBound(i) : cells.value(i);
            hi[i] = hidden[i] ? INF : cells.value(i);
        }
        boolean changed = true;
        for (int round = 0; changed && round < 200; round++) {
            changed = false;
            for (int[] r : cells.relations()) {
                long partsLo = 0;
                long partsHi = 0;
                int infinite = 0;
                for (int k = 1; k < r.length; k++) {
                    partsLo += lo[r[k]];
                    if (hi[r[k]] >= INF) {
                        infinite++;
                    } else {
                        partsHi += hi[r[k]];
                    }
                }
                int t = r[0];
                if (hidden[t]) {
                    changed |= tighten(t, partsLo, infinite > 0 ? INF : partsHi, lo, hi);
                }
                for (int k = 1; k < r.length; k++) {
                    int x = r[k];
                    if (!hidden[x]) {
                        continue;
                    }
                    long othersLo = partsLo - lo[x];
                    int othersInfinite = infinite - (hi[x] >= INF ? 1 : 0);
                    long othersHi = othersInfinite > 0 ? INF : partsHi - (hi[x] >= INF ? 0 : hi[x]);
                    long newLo = othersHi >= INF ? lo[x] : lo[t] - othersHi;
                    long newHi = hi[t] >= INF ? INF : hi[t] - othersLo;
                    changed |= tighten(x, newLo, newHi, lo, hi);
                }
            }
        }
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (hidden[i] && sensitive[i] && (lo[i] >= hi[i] || hi[i] < SmallCells.THRESHOLD)) {
                result.add(i);
            }
        }
        return result;
    }

    private static boolean tighten(int i, long newLo, long newHi, long[] lo, long[] hi) {
        boolean changed = false;
        if (newLo > lo[i]) {
            lo[i] = newLo;
            changed = true;
        }
        if (newHi < hi[i]) {
            hi[i] = newHi;
            changed = true;
        }
        return changed;
    }
}
