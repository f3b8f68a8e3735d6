package no.bosetting.allocation.bench;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
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
 * Diagnosis only (method {@code lpfix}, issue 15 seventh pass): does relax-and-fix reach the optimum? The same
 * integer program as {@link ExactMip} (units = together-groups, persons, minors and nested dwelling rows), with
 * only the pairs of positive value (a pair of value ≤ 0 never helps: staying out is worth 0 and uses nothing).
 * Some units are fixed — to a municipality or to staying out — and CBC solves the program of the others exactly
 * against the places the fixed ones leave. Who is fixed: the units that the LP relaxation (GLOP, a vertex) sets
 * integrally, or the units whose best reduced value at the engine's Lagrangian prices beats their second by more
 * than δ (to that best choice, or only where it agrees with the engine's own assignment).
 */
final class LpFix {

    private static final int R = Municipality.MAX_DWELLING_CLASS - Municipality.LARGE_HOUSEHOLD + 1;
    private static final int ROWS = 2 + R;
    static final int FREE = -2;
    static final int OUT = -1;

    record Lp(double value, int[] integralTo, int fractionalUnits, int fractionalHouseholds, int integralIn,
            int integralOut, int bindingRows, double seconds, double[][] duals, boolean[][] support) {
    }

    record Rest(double objective, int freeUnits, int freeHouseholds, double seconds, String status,
            Map<String, String> assignment) {
    }

    private final Instance instance;
    private final List<Household> hs;
    private final List<Municipality> ms;
    private final List<List<Integer>> units = new ArrayList<>();
    private final int n;
    private final int mCount;
    private final double[][] value;
    private final int[][] use;
    private final double[] cap;

    LpFix(Instance instance, Policy policy) {
        Loader.loadNativeLibraries();
        this.instance = instance;
        Scorer scorer = new Scorer(policy, instance);
        hs = instance.households();
        ms = instance.municipalities();
        mCount = ms.size();
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int h = 0; h < hs.size(); h++) {
            String g = hs.get(h).togetherGroup();
            byKey.computeIfAbsent(g == null ? "#" + h : "G" + g, k -> new ArrayList<>()).add(h);
        }
        units.addAll(byKey.values());
        n = units.size();
        cap = new double[mCount * ROWS];
        for (int m = 0; m < mCount; m++) {
            Municipality mm = ms.get(m);
            cap[m * ROWS] = mm.remainingPlaces();
            cap[m * ROWS + 1] = mm.remainingMinorPlaces();
            for (int s = Municipality.LARGE_HOUSEHOLD; s <= Municipality.MAX_DWELLING_CLASS; s++) {
                cap[m * ROWS + 2 + s - Municipality.LARGE_HOUSEHOLD] = mm.dwellingsWithRoomFor(s);
            }
        }
        value = new double[n][mCount];
        use = new int[n][ROWS];
        for (int u = 0; u < n; u++) {
            for (int h : units.get(u)) {
                LpDiagnostic.addRowUse(use[u], hs.get(h));
            }
            for (int m = 0; m < mCount; m++) {
                double v = 0;
                boolean ok = true;
                for (int h : units.get(u)) {
                    if (!scorer.eligible(h, m)) {
                        ok = false;
                        break;
                    }
                    v += scorer.score(h, m);
                }
                boolean fits = true;
                for (int r = 0; r < ROWS; r++) {
                    fits &= use[u][r] <= cap[m * ROWS + r];
                }
                value[u][m] = ok && fits && v > 0 ? v : Double.NEGATIVE_INFINITY;
            }
        }
    }

    int units() {
        return n;
    }

    /** The LP relaxation of the whole program (GLOP); which units it sets integrally, to what. */
    Lp lp() {
        long t0 = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("GLOP");
        MPConstraint[] rows = rows(solver, cap);
        MPObjective objective = solver.objective();
        objective.setMaximization();
        MPVariable[][] x = new MPVariable[n][];
        for (int u = 0; u < n; u++) {
            x[u] = columns(solver, objective, rows, u, false);
        }
        MPSolver.ResultStatus status = solver.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("LP not solved: " + status);
        }
        int[] integralTo = new int[n];
        int fractional = 0;
        int fractionalH = 0;
        int in = 0;
        int out = 0;
        for (int u = 0; u < n; u++) {
            double sum = 0;
            int at = OUT;
            boolean frac = false;
            for (int m = 0; m < mCount; m++) {
                if (x[u][m] == null) {
                    continue;
                }
                double v = x[u][m].solutionValue();
                sum += v;
                if (v > 1 - 1e-6) {
                    at = m;
                } else if (v > 1e-6) {
                    frac = true;
                }
            }
            if (frac || (at == OUT && sum > 1e-6)) {
                integralTo[u] = FREE;
                fractional++;
                fractionalH += units.get(u).size();
            } else {
                integralTo[u] = at;
                if (at == OUT) {
                    out++;
                } else {
                    in++;
                }
            }
        }
        int binding = 0;
        for (MPConstraint c : rows) {
            if (Math.abs(c.dualValue()) > 1e-9) {
                binding++;
            }
        }
        double[][] duals = {new double[mCount], new double[mCount], new double[mCount * R]};
        for (int m = 0; m < mCount; m++) {
            duals[0][m] = Math.abs(rows[m * ROWS].dualValue());
            duals[1][m] = Math.abs(rows[m * ROWS + 1].dualValue());
            for (int k = 0; k < R; k++) {
                duals[2][m * R + k] = Math.abs(rows[m * ROWS + 2 + k].dualValue());
            }
        }
        boolean[][] support = new boolean[n][mCount];
        for (int u = 0; u < n; u++) {
            for (int m = 0; m < mCount; m++) {
                support[u][m] = x[u][m] != null && x[u][m].solutionValue() > 1e-6;
            }
        }
        double lpValue = objective.value();
        solver.delete();
        return new Lp(lpValue, integralTo, fractional, fractionalH, in, out, binding, (System.nanoTime() - t0) / 1e9,
                duals, support);
    }

    /**
     * Fixes each unit to its best choice at the prices (a municipality, or {@link #OUT}) when that beats its
     * second best by more than {@code delta} in reduced value; with {@code agreeWith} only where the best choice is
     * also that assignment's. Fixed units that no longer fit (largest margin first) are left free.
     */
    int[] fixByPrices(double[][] prices, double delta, Map<String, String> agreeWith) {
        int[] fixedTo = new int[n];
        double[] margin = new double[n];
        Integer[] byMargin = new Integer[n];
        for (int u = 0; u < n; u++) {
            double best = 0;
            double second = Double.NEGATIVE_INFINITY;
            int bestM = OUT;
            for (int m = 0; m < mCount; m++) {
                if (value[u][m] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double r = value[u][m] - prices[0][m] * use[u][0] - prices[1][m] * use[u][1];
                for (int k = 0; k < R; k++) {
                    r -= prices[2][m * R + k] * use[u][2 + k];
                }
                if (r > best) {
                    second = best;
                    best = r;
                    bestM = m;
                } else if (r > second) {
                    second = r;
                }
            }
            margin[u] = best - second;
            fixedTo[u] = margin[u] > delta ? bestM : FREE;
            if (agreeWith != null && fixedTo[u] != FREE) {
                String number = agreeWith.get(hs.get(units.get(u).get(0)).id());
                int engineM = number == null ? OUT : index(number);
                if (engineM != fixedTo[u]) {
                    fixedTo[u] = FREE;
                }
            }
            byMargin[u] = u;
        }
        Arrays.sort(byMargin, (a, b) -> Double.compare(margin[b], margin[a]));
        double[] left = cap.clone();
        for (int u : byMargin) {
            int m = fixedTo[u];
            if (m < 0) {
                continue;
            }
            boolean fits = true;
            for (int r = 0; r < ROWS; r++) {
                fits &= use[u][r] <= left[m * ROWS + r] + 1e-9;
            }
            if (fits) {
                for (int r = 0; r < ROWS; r++) {
                    left[m * ROWS + r] -= use[u][r];
                }
            } else {
                fixedTo[u] = FREE;
            }
        }
        return fixedTo;
    }

    /** Reduced value of unit u in municipality m at the prices. */
    double reduced(double[][] prices, int u, int m) {
        double r = value[u][m] - prices[0][m] * use[u][0] - prices[1][m] * use[u][1];
        for (int k = 0; k < R; k++) {
            r -= prices[2][m * R + k] * use[u][2 + k];
        }
        return r;
    }

    /**
     * Frees the {@code seed} units, then {@code depth} times: every municipality that a free unit nearly prefers
     * (reduced value within {@code theta} of its best, or its current one) is opened, and every unit that
     * {@code base} puts there is freed. The others are fixed to {@code base} (a municipality or {@link #OUT}).
     */
    int[] expand(int[] base, boolean[] seed, double[][] prices, double theta, int depth) {
        boolean[] free = seed.clone();
        for (int d = 0; d < depth; d++) {
            boolean[] open = new boolean[mCount];
            for (int u = 0; u < n; u++) {
                if (!free[u]) {
                    continue;
                }
                double best = 0;
                for (int m = 0; m < mCount; m++) {
                    if (value[u][m] != Double.NEGATIVE_INFINITY) {
                        best = Math.max(best, reduced(prices, u, m));
                    }
                }
                for (int m = 0; m < mCount; m++) {
                    if (value[u][m] != Double.NEGATIVE_INFINITY && reduced(prices, u, m) >= best - theta) {
                        open[m] = true;
                    }
                }
                if (base[u] >= 0) {
                    open[base[u]] = true;
                }
            }
            for (int u = 0; u < n; u++) {
                if (base[u] >= 0 && open[base[u]]) {
                    free[u] = true;
                }
            }
        }
        int[] fixedTo = new int[n];
        for (int u = 0; u < n; u++) {
            fixedTo[u] = free[u] ? FREE : base[u];
        }
        return fixedTo;
    }

    /**
     * Frees the LP's fractional units and every unit the LP puts integrally into a municipality where a fractional
     * unit has a share (its support); with {@code outToo} also the units the LP leaves out. The rest as the LP.
     */
    int[] support(Lp lp, boolean outToo) {
        boolean[] open = new boolean[mCount];
        for (int u = 0; u < n; u++) {
            if (lp.integralTo()[u] == FREE) {
                for (int m = 0; m < mCount; m++) {
                    open[m] |= lp.support()[u][m];
                }
            }
        }
        int[] fixedTo = lp.integralTo().clone();
        for (int u = 0; u < n; u++) {
            int m = fixedTo[u];
            if ((m >= 0 && open[m]) || (m == OUT && outToo)) {
                fixedTo[u] = FREE;
            }
        }
        return fixedTo;
    }

    /** The unit's municipality in an assignment by household id, or {@link #OUT}. */
    int[] unitsOf(Map<String, String> assignment) {
        int[] to = new int[n];
        for (int u = 0; u < n; u++) {
            String number = assignment.get(hs.get(units.get(u).get(0)).id());
            to[u] = number == null ? OUT : index(number);
        }
        return to;
    }

    /** CBC on the {@link #FREE} units against the places the fixed ones leave; the total objective. */
    Rest solveRest(int[] fixedTo, double seconds) {
        long t0 = System.nanoTime();
        double[] left = cap.clone();
        double fixedValue = 0;
        Map<String, String> assignment = new LinkedHashMap<>();
        int freeUnits = 0;
        int freeH = 0;
        for (int u = 0; u < n; u++) {
            int m = fixedTo[u];
            if (m == FREE) {
                freeUnits++;
                freeH += units.get(u).size();
            } else if (m >= 0) {
                fixedValue += value[u][m];
                for (int r = 0; r < ROWS; r++) {
                    left[m * ROWS + r] -= use[u][r];
                }
                put(assignment, u, m);
            }
        }
        for (double l : left) {
            if (l < -1e-9) {
                return new Rest(Double.NaN, freeUnits, freeH, 0, "FIXED_INFEASIBLE", assignment);
            }
        }
        MPSolver solver = MPSolver.createSolver("CBC");
        solver.setNumThreads(1);
        MPConstraint[] rows = rows(solver, left);
        MPObjective objective = solver.objective();
        objective.setMaximization();
        MPVariable[][] x = new MPVariable[n][];
        for (int u = 0; u < n; u++) {
            if (fixedTo[u] == FREE) {
                x[u] = columns(solver, objective, rows, u, true);
            }
        }
        solver.setTimeLimit((long) (seconds * 1000));
        MPSolverParameters params = new MPSolverParameters();
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-6);
        MPSolver.ResultStatus status = freeUnits == 0 ? MPSolver.ResultStatus.OPTIMAL : solver.solve(params);
        double rest = 0;
        if (freeUnits > 0 && (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE)) {
            for (int u = 0; u < n; u++) {
                if (x[u] == null) {
                    continue;
                }
                for (int m = 0; m < mCount; m++) {
                    if (x[u][m] != null && x[u][m].solutionValue() > 0.5) {
                        rest += value[u][m];
                        put(assignment, u, m);
                    }
                }
            }
        } else if (freeUnits > 0) {
            rest = Double.NaN;
        }
        solver.delete();
        return new Rest(fixedValue + rest, freeUnits, freeH, (System.nanoTime() - t0) / 1e9, status.name(),
                assignment);
    }

    private void put(Map<String, String> assignment, int u, int m) {
        for (int h : units.get(u)) {
            assignment.put(hs.get(h).id(), ms.get(m).number());
        }
    }

    private int index(String number) {
        for (int m = 0; m < mCount; m++) {
            if (ms.get(m).number().equals(number)) {
                return m;
            }
        }
        return OUT;
    }

    private MPConstraint[] rows(MPSolver solver, double[] capacity) {
        MPConstraint[] rows = new MPConstraint[mCount * ROWS];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = solver.makeConstraint(-MPSolver.infinity(), Math.max(0, capacity[r]));
        }
        return rows;
    }

    private MPVariable[] columns(MPSolver solver, MPObjective objective, MPConstraint[] rows, int u,
            boolean integer) {
        MPVariable[] xs = new MPVariable[mCount];
        MPConstraint one = solver.makeConstraint(-MPSolver.infinity(), 1.0);
        for (int m = 0; m < mCount; m++) {
            if (value[u][m] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            MPVariable x = integer ? solver.makeIntVar(0, 1, "") : solver.makeNumVar(0, 1, "");
            xs[m] = x;
            one.setCoefficient(x, 1);
            objective.setCoefficient(x, value[u][m]);
            for (int r = 0; r < ROWS; r++) {
                if (use[u][r] != 0) {
                    rows[m * ROWS + r].setCoefficient(x, use[u][r]);
                }
            }
        }
        return xs;
    }
}
