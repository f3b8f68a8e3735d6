package no.bosetting.allocation.bench;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

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
 * OR-Tools CP-SAT on the same model. The dense model (every household × 357 municipalities) is too large
 * for CP-SAT to even load within the budget, so, like the reference measurement, each unit keeps only its
 * best-scoring eligible municipalities; scores are scaled to integers (CP-SAT needs integer coefficients).
 */
final class CpSatBaseline {

    static final long SCALE = 1000;

    record Outcome(Map<String, String> assignment, String status) {
    }

    private CpSatBaseline() {
    }

    static Outcome solve(Instance instance, Policy policy, double seconds, int candidates, long seed) {
        Loader.loadNativeLibraries();
        Scorer scorer = new Scorer(policy, instance);
        List<Household> hs = instance.households();
        List<Municipality> ms = instance.municipalities();
        int mCount = ms.size();
        Map<String, List<Integer>> unitsByKey = new LinkedHashMap<>();
        for (int h = 0; h < hs.size(); h++) {
            String g = hs.get(h).togetherGroup();
            unitsByKey.computeIfAbsent(g == null ? "#" + h : "G" + g, k -> new ArrayList<>()).add(h);
        }
        CpModel model = new CpModel();
        LinearExprBuilder[] persons = new LinearExprBuilder[mCount];
        LinearExprBuilder[] minors = new LinearExprBuilder[mCount];
        LinearExprBuilder[][] large = new LinearExprBuilder[mCount][];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        List<List<Integer>> units = new ArrayList<>(unitsByKey.values());
        List<Literal[]> vars = new ArrayList<>();
        List<int[]> varMunicipality = new ArrayList<>();
        for (List<Integer> unit : units) {
            double[] value = new double[mCount];
            Integer[] idx = new Integer[mCount];
            int n = 0;
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
                if (ok) {
                    value[m] = v;
                    idx[n++] = m;
                }
            }
            Integer[] eligible = Arrays.copyOf(idx, n);
            Arrays.sort(eligible, (a, b) -> a.equals(b) ? 0 : value[b] != value[a]
                    ? Double.compare(value[b], value[a]) : Integer.compare(a, b));
            int k = Math.min(candidates, eligible.length);
            Literal[] xs = new Literal[k];
            int[] mm = new int[k];
            LinearExprBuilder one = LinearExpr.newBuilder();
            for (int i = 0; i < k; i++) {
                int m = eligible[i];
                xs[i] = model.newBoolVar("x");
                mm[i] = m;
                one.add(xs[i]);
                objective.addTerm(xs[i], Math.round(value[m] * SCALE));
                for (int h : unit) {
                    Household hh = hs.get(h);
                    builder(persons, m).addTerm(xs[i], hh.persons());
                    if (hh.unaccompaniedMinor()) {
                        builder(minors, m).addTerm(xs[i], hh.persons());
                    }
                    if (hh.persons() >= Municipality.LARGE_HOUSEHOLD) {
                        if (large[m] == null) {
                            large[m] = new LinearExprBuilder[Municipality.MAX_DWELLING_CLASS + 1];
                        }
                        int top = Math.min(hh.persons(), Municipality.MAX_DWELLING_CLASS);
                        for (int s = Municipality.LARGE_HOUSEHOLD; s <= top; s++) {
                            builder(large[m], s).addTerm(xs[i], 1);
                        }
                    }
                }
            }
            if (k > 0) {
                model.addLessOrEqual(one, 1);
            }
            vars.add(xs);
            varMunicipality.add(mm);
        }
        for (int m = 0; m < mCount; m++) {
            Municipality mm = ms.get(m);
            if (persons[m] != null) {
                model.addLessOrEqual(persons[m], mm.remainingPlaces());
            }
            if (minors[m] != null) {
                model.addLessOrEqual(minors[m], mm.remainingMinorPlaces());
            }
            if (large[m] != null) {
                for (int s = Municipality.LARGE_HOUSEHOLD; s <= Municipality.MAX_DWELLING_CLASS; s++) {
                    if (large[m][s] != null) {
                        model.addLessOrEqual(large[m][s], mm.dwellingsWithRoomFor(s));
                    }
                }
            }
        }
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(2).setRandomSeed((int) seed);
        CpSolverStatus status = solver.solve(model);
        Map<String, String> assignment = new LinkedHashMap<>();
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            for (int u = 0; u < units.size(); u++) {
                Literal[] xs = vars.get(u);
                for (int i = 0; i < xs.length; i++) {
                    if (solver.booleanValue(xs[i])) {
                        for (int h : units.get(u)) {
                            assignment.put(hs.get(h).id(), ms.get(varMunicipality.get(u)[i]).number());
                        }
                    }
                }
            }
        }
        return new Outcome(assignment, status.name());
    }

    private static LinearExprBuilder builder(LinearExprBuilder[] array, int i) {
        if (array[i] == null) {
            array[i] = LinearExpr.newBuilder();
        }
        return array[i];
    }
}
