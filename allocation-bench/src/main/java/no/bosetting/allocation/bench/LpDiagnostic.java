package no.bosetting.allocation.bench;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.allocation.engine.Scorer;

/**
 * Diagnosis only (method {@code lp}): where the LP optimum of an instance lies, to tell how much of the
 * engine's gap is the bound and how much the proposal. GLOP solves the LP relaxation restricted to each unit's
 * {@code candidates} best municipalities, which is a LOWER bound on the full LP optimum; its dual prices, put
 * into the Lagrangian bound over ALL municipalities, give an UPPER bound on it. When both agree, the LP optimum
 * is known exactly. Not a solver of the integer program: it returns no assignment.
 */
final class LpDiagnostic {

    record Outcome(double prunedLp, double lagrangianAtLpDuals, String status, double seconds) {
    }

    private LpDiagnostic() {
    }

    /**
     * @param startPrices per-person prices by municipality number (the engine's dual prices): each unit starts
     *                    with its {@code candidates} best municipalities by value minus price × persons, which
     *                    are nearly the LP's columns, so few column-generation rounds are needed
     */
    static Outcome solve(Instance instance, Policy policy, double seconds, int candidates,
            Map<String, Double> startPrices) {
        long t0 = System.nanoTime();
        Loader.loadNativeLibraries();
        Scorer scorer = new Scorer(policy, instance);
        List<Household> hs = instance.households();
        List<Municipality> ms = instance.municipalities();
        int mCount = ms.size();
        int rowsPerM = 2 + (Municipality.MAX_DWELLING_CLASS - Municipality.LARGE_HOUSEHOLD + 1);
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int h = 0; h < hs.size(); h++) {
            String g = hs.get(h).togetherGroup();
            byKey.computeIfAbsent(g == null ? "#" + h : "G" + g, k -> new ArrayList<>()).add(h);
        }
        List<List<Integer>> units = new ArrayList<>(byKey.values());
        int n = units.size();
        double[][] value = new double[n][mCount];
        int[][] use = new int[n][rowsPerM];
        MPSolver solver = MPSolver.createSolver("GLOP");
        MPConstraint[] rows = new MPConstraint[mCount * rowsPerM];
        double[] cap = new double[mCount * rowsPerM];
        for (int m = 0; m < mCount; m++) {
            Municipality mm = ms.get(m);
            cap[m * rowsPerM] = mm.remainingPlaces();
            cap[m * rowsPerM + 1] = mm.remainingMinorPlaces();
            for (int s = Municipality.LARGE_HOUSEHOLD; s <= Municipality.MAX_DWELLING_CLASS; s++) {
                cap[m * rowsPerM + 2 + s - Municipality.LARGE_HOUSEHOLD] = mm.dwellingsWithRoomFor(s);
            }
            for (int r = 0; r < rowsPerM; r++) {
                rows[m * rowsPerM + r] = solver.makeConstraint(-MPSolver.infinity(), cap[m * rowsPerM + r]);
            }
        }
        MPObjective objective = solver.objective();
        objective.setMaximization();
        MPConstraint[] one = new MPConstraint[n];
        List<java.util.Set<Integer>> added = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            added.add(new java.util.HashSet<>());
        }
        for (int u = 0; u < n; u++) {
            List<Integer> unit = units.get(u);
            for (int h : unit) {
                addRowUse(use[u], hs.get(h));
            }
            Integer[] idx = new Integer[mCount];
            int k = 0;
            for (int m = 0; m < mCount; m++) {
                double v = 0;
                boolean ok = true;
                for (int h : unit) {
                    if (!scorer.eligible(h, m)) {
                        ok = false;
                        break;
                    }
                    v += scorer.score(h, m);
                }
                value[u][m] = ok && fitsEmpty(use[u], cap, m * rowsPerM) ? v : Double.NEGATIVE_INFINITY;
                if (value[u][m] > 0) {
                    idx[k++] = m;
                }
            }
            Integer[] eligible = Arrays.copyOf(idx, k);
            final double[] vu = value[u];
            final double[] ru = new double[mCount];
            for (int m = 0; m < mCount; m++) {
                ru[m] = vu[m] - startPrices.getOrDefault(ms.get(m).number(), 0.0) * use[u][0];
            }
            Arrays.sort(eligible, (a, b) -> Double.compare(ru[b], ru[a]));
            one[u] = solver.makeConstraint(-MPSolver.infinity(), 1.0);
            for (int i = 0; i < Math.min(candidates, eligible.length); i++) {
                addColumn(u, eligible[i], vu[eligible[i]], one, rows, use, rowsPerM, objective, solver, added);
            }
        }
        // Column generation: the LP restricted to the columns so far gives dual prices; every column with a
        // positive reduced cost at those prices is a candidate, the best few per unit are added and the LP is
        // re-solved, until no column prices out (then the restricted optimum is the full LP optimum) or the
        // time is up. The Lagrangian bound at each round's prices is an upper bound on the LP optimum.
        MPSolver.ResultStatus status = MPSolver.ResultStatus.NOT_SOLVED;
        double pruned = Double.NaN;
        double ub = Double.POSITIVE_INFINITY;
        long until = t0 + (long) (seconds * 1e9);
        for (int round = 0; round < 50 && System.nanoTime() < until; round++) {
            solver.setTimeLimit(Math.max(1000, (until - System.nanoTime()) / 1_000_000));
            status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                break;
            }
            pruned = objective.value();
            double[] price = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                price[r] = Math.abs(rows[r].dualValue());
            }
            double bound = 0;
            for (int r = 0; r < rows.length; r++) {
                bound += price[r] * cap[r];
            }
            // Every dual is read before the first column is added (adding one invalidates the solution).
            double[] sigmas = new double[n];
            for (int u = 0; u < n; u++) {
                sigmas[u] = Math.abs(one[u].dualValue());
            }
            int newColumns = 0;
            for (int u = 0; u < n; u++) {
                double sigma = sigmas[u];
                double best = 0;
                int[] top = new int[ADD_PER_ROUND];
                double[] topR = new double[ADD_PER_ROUND];
                Arrays.fill(top, -1);
                for (int m = 0; m < mCount; m++) {
                    if (value[u][m] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double r = value[u][m];
                    for (int j = 0; j < rowsPerM; j++) {
                        r -= price[m * rowsPerM + j] * use[u][j];
                    }
                    best = Math.max(best, r);
                    double reduced = r - sigma;
                    if (reduced > 1e-7 && !added.get(u).contains(m)) {
                        int slot = ADD_PER_ROUND - 1;
                        if (top[slot] >= 0 && topR[slot] >= reduced) {
                            continue;
                        }
                        while (slot > 0 && (top[slot - 1] < 0 || topR[slot - 1] < reduced)) {
                            top[slot] = top[slot - 1];
                            topR[slot] = topR[slot - 1];
                            slot--;
                        }
                        top[slot] = m;
                        topR[slot] = reduced;
                    }
                }
                bound += best;
                for (int m : top) {
                    if (m >= 0) {
                        addColumn(u, m, value[u][m], one, rows, use, rowsPerM, objective, solver, added);
                        newColumns++;
                    }
                }
            }
            ub = Math.min(ub, bound);
            System.err.printf(java.util.Locale.ROOT, "[lp] round %d: restricted LP %.4f, bound %.4f, %d new columns, %.1fs%n",
                    round, pruned, bound, newColumns, (System.nanoTime() - t0) / 1e9);
            if (newColumns == 0) {
                break;
            }
        }
        return new Outcome(pruned, ub, status.name(), (System.nanoTime() - t0) / 1e9);
    }

    private static final int ADD_PER_ROUND = 5;

    private static void addColumn(int u, int m, double v, MPConstraint[] one, MPConstraint[] rows, int[][] use,
            int rowsPerM, MPObjective objective, MPSolver solver, List<java.util.Set<Integer>> added) {
        MPVariable x = solver.makeNumVar(0.0, 1.0, "");
        one[u].setCoefficient(x, 1.0);
        objective.setCoefficient(x, v);
        for (int r = 0; r < rowsPerM; r++) {
            if (use[u][r] != 0) {
                rows[m * rowsPerM + r].setCoefficient(x, use[u][r]);
            }
        }
        added.get(u).add(m);
    }

    /** The unit fits into the empty municipality on every row (the engine's pair matrix excludes the rest). */
    private static boolean fitsEmpty(int[] use, double[] cap, int base) {
        for (int r = 0; r < use.length; r++) {
            if (use[r] > cap[base + r]) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a household takes of a unit's rows: persons, persons of unaccompanied minors, and one dwelling with room
     * for s persons for each large class s it fills (the LP and the relax-and-fix programs count rows alike).
     */
    static void addRowUse(int[] use, Household hh) {
        use[0] += hh.persons();
        if (hh.unaccompaniedMinor()) {
            use[1] += hh.persons();
        }
        for (int s = Municipality.LARGE_HOUSEHOLD; s <= Math.min(hh.persons(), Municipality.MAX_DWELLING_CLASS); s++) {
            use[2 + s - Municipality.LARGE_HOUSEHOLD]++;
        }
    }
}
