package no.bosetting.allocation.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.bosetting.allocation.engine.AllocationEngine;
import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.EnginePrices;
import no.bosetting.allocation.engine.FeasibilityChecker;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.allocation.engine.Scorer;
import no.bosetting.allocation.engine.YearPlanner;

/**
 * Benchmark CLI: one JSON object per line per method. See allocation-engine/README.md, section Benchmarks.
 */
public final class BenchMain {

    private static final double PACING_TOLERANCE = 0.10;
    private static final int MIN_PLACES_FOR_BAND = 20;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        int n = Integer.parseInt(a.getOrDefault("households", "1000"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        String mode = a.getOrDefault("mode", "batch");
        double limit = Double.parseDouble(a.getOrDefault("time-limit", "10"));
        int candidates = Integer.parseInt(a.getOrDefault("cpsat-candidates", "20"));
        List<String> methods = List.of(a.getOrDefault("methods",
                mode.equals("year") ? "engine,engine-myopic,greedy,hindsight" : "engine,greedy,cpsat").split(","));
        Policy policy = Policy.defaults();
        Options options = Options.defaults().withSeed(seed).withTimeLimit(Duration.ofMillis((long) (limit * 1000)));
        if (mode.equals("batch")) {
            batch(n, seed, methods, policy, options, limit, candidates, a);
        } else if (mode.equals("year")) {
            year(n, seed, methods, policy, options, Integer.parseInt(a.getOrDefault("reforecast-weeks", "13")));
        } else {
            throw new IllegalArgumentException("--mode must be batch or year");
        }
    }

    private static void batch(int n, long seed, List<String> methods, Policy policy, Options options, double limit,
            int candidates, Map<String, String> a) throws Exception {
        Instance inst = InstanceGenerator.generate(n, seed);
        if (a.containsKey("export-mps")) {
            MpsWriter.write(inst, policy, Map.of(), Path.of(a.get("export-mps")));
        }
        // --warmup K: solve K other instances of the same size first, untimed, as a long-running service
        // (the application) has done before its weekly batch; without it the run includes JIT compilation.
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "0"));
        for (int i = 1; i <= warmup; i++) {
            new AllocationEngine().solve(InstanceGenerator.generate(n, seed + 7919L * i), policy, options);
        }
        // The engine's certificate bounds the optimum of the instance, so every method is measured against it.
        HeapMeter.reset();
        EnginePrices.Solved engineRun = EnginePrices.solve(new AllocationEngine(), inst, policy, options);
        AllocationResult engine = engineRun.result();
        double engineHeap = HeapMeter.peakMiB();
        double engineCpu = HeapMeter.cpuSeconds();
        double bound = engine.upperBound();
        if (a.containsKey("export-solution")) {
            MpsWriter.writeSolution(engine.assignment(), Path.of(a.get("export-solution")));
        }
        // Per method: objective and seconds, for the closing comparison against the exact method's optimum.
        Map<String, double[]> summary = new LinkedHashMap<>();
        ExactMip.Outcome exact = null;
        for (String method : methods) {
            switch (method) {
                case "engine" -> {
                    print(inst, "batch", "engine", engine.assignment(), engine.objective(), bound,
                            engine.seconds(), engineHeap, policy,
                            Map.of("cpuSeconds", engineCpu, "warmupRuns", warmup));
                    summary.put(warmup > 0 ? "engine (warm)" : "engine (cold)",
                            new double[] {engine.objective(), engine.seconds(), engine.upperBound()});
                }
                case "engine-warm" -> {
                    // The same instance again in the same JVM after --warm-runs (default 3) solves of other
                    // instances of its size: the application's long-running service, JIT-compiled.
                    int warmRuns = Integer.parseInt(a.getOrDefault("warm-runs", "3"));
                    for (int i = 1; i <= warmRuns; i++) {
                        new AllocationEngine().solve(InstanceGenerator.generate(n, seed + 104729L * i), policy,
                                options);
                    }
                    HeapMeter.reset();
                    AllocationResult w = new AllocationEngine().solve(inst, policy, options);
                    print(inst, "batch", "engine-warm", w.assignment(), w.objective(), w.upperBound(), w.seconds(),
                            HeapMeter.peakMiB(), policy, Map.of("cpuSeconds", HeapMeter.cpuSeconds(),
                                    "warmupRuns", warmup + warmRuns));
                    summary.put("engine (warm)", new double[] {w.objective(), w.seconds(), w.upperBound()});
                }
                case "exact" -> {
                    HeapMeter.reset();
                    long t = System.nanoTime();
                    exact = ExactMip.solve(inst, policy,
                            Double.parseDouble(a.getOrDefault("exact-time-limit", "120")),
                            Double.parseDouble(a.getOrDefault("exact-gap", "1e-4")), engine.assignment(),
                            a.getOrDefault("exact-solver", "CBC"));
                    double s = (System.nanoTime() - t) / 1e9;
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("cpuSeconds", HeapMeter.cpuSeconds());
                    extra.put("solver", exact.solver());
                    extra.put("status", exact.status());
                    extra.put("provenOptimal", exact.proven());
                    extra.put("mipBestBound", exact.bestBound());
                    print(inst, "batch", "exact", exact.assignment(), objective(inst, policy, exact.assignment()),
                            exact.bestBound(), s, HeapMeter.peakMiB(), policy, extra);
                    summary.put("exact", new double[] {objective(inst, policy, exact.assignment()), s,
                            exact.bestBound()});
                }
                case "greedy" -> {
                    HeapMeter.reset();
                    long t = System.nanoTime();
                    Map<String, String> g = GreedyBaseline.solve(inst, policy);
                    double s = (System.nanoTime() - t) / 1e9;
                    print(inst, "batch", "greedy", g, objective(inst, policy, g), bound, s, HeapMeter.peakMiB(),
                            policy, Map.of("cpuSeconds", HeapMeter.cpuSeconds()));
                }
                case "cpsat" -> {
                    HeapMeter.reset();
                    long t = System.nanoTime();
                    CpSatBaseline.Outcome o = CpSatBaseline.solve(inst, policy, limit, candidates, seed);
                    double s = (System.nanoTime() - t) / 1e9;
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("cpuSeconds", HeapMeter.cpuSeconds());
                    extra.put("status", o.status());
                    extra.put("candidatesPerHousehold", candidates);
                    print(inst, "batch", "cpsat", o.assignment(), objective(inst, policy, o.assignment()), bound, s,
                            HeapMeter.peakMiB(), policy, extra);
                }
                case "lp" -> {
                    // Diagnosis only: brackets the LP optimum (see LpDiagnostic); no assignment.
                    int lpCandidates = Integer.parseInt(a.getOrDefault("lp-candidates", "10"));
                    LpDiagnostic.Outcome o = LpDiagnostic.solve(inst, policy,
                            Double.parseDouble(a.getOrDefault("lp-time-limit", "600")), lpCandidates,
                            engine.dualPrices());
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("instance", inst.name());
                    d.put("method", "lp");
                    d.put("candidatesPerHousehold", lpCandidates);
                    d.put("prunedLpOptimum", o.prunedLp());
                    d.put("lagrangianAtLpDuals", o.lagrangianAtLpDuals());
                    d.put("engineObjective", engine.objective());
                    d.put("engineUpperBound", bound);
                    d.put("status", o.status());
                    d.put("seconds", o.seconds());
                    d.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
                    System.out.println(json(d));
                }
                case "lpfix" -> RelaxAndFix.run(inst, policy, engine, engineRun.prices(), a);
                default -> throw new IllegalArgumentException("unknown method " + method);
            }
        }
        comparison(inst, summary, exact);
    }

    /**
     * One closing line per method: objective as a percentage of the exact method's proven optimum, or, when none
     * is proven (or the exact method did not run), of the best upper bound known (the MIP's best bound or the
     * engine's certified bound, whichever is smaller), with the reference named.
     */
    private static void comparison(Instance inst, Map<String, double[]> summary, ExactMip.Outcome exact) {
        double ref = Double.POSITIVE_INFINITY;
        String refName = "best certified bound (engine)";
        for (double[] v : summary.values()) {
            ref = Math.min(ref, v[2]);
        }
        if (exact != null && exact.proven()) {
            // Divide by the bound, not the incumbent: the optimum is proven only to within the MIP gap.
            ref = exact.bestBound();
            refName = "optimum proven within the MIP gap, its bound (" + exact.solver() + ")";
        } else if (exact != null && !Double.isNaN(exact.bestBound()) && exact.bestBound() <= ref) {
            ref = exact.bestBound();
            refName = "best bound, optimum not proven (" + exact.solver() + ")";
        }
        for (Map.Entry<String, double[]> e : summary.entrySet()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("instance", inst.name());
            o.put("comparison", e.getKey());
            o.put("objective", e.getValue()[0]);
            o.put("reference", ref);
            o.put("referenceKind", refName);
            o.put("percentOfReference", 100.0 * e.getValue()[0] / ref);
            o.put("seconds", e.getValue()[1]);
            o.put("certifiedBound", e.getValue()[2]);
            System.out.println(json(o));
        }
    }

    private static void year(int n, long seed, List<String> methods, Policy policy, Options options,
            int reforecastWeeks) {
        InstanceGenerator.YearScenario sc = InstanceGenerator.generateYear(n, seed);
        Instance annual = sc.annual();
        HeapMeter.reset();
        AllocationResult hindsight = new AllocationEngine().solve(annual, policy, options);
        double hindsightHeap = HeapMeter.peakMiB();
        double hindsightCpu = HeapMeter.cpuSeconds();
        double bound = hindsight.upperBound();
        Map<String, Object> hExtra = new LinkedHashMap<>();
        hExtra.put("cpuSeconds", hindsightCpu);
        hExtra.put("hindsightPercent", 100.0);
        YearPlanner planner = new YearPlanner();
        for (String method : methods) {
            switch (method) {
                case "hindsight" -> print(annual, "year", "hindsight", hindsight.assignment(), hindsight.objective(),
                        bound, hindsight.seconds(), hindsightHeap, policy, hExtra);
                case "engine", "engine-static", "engine-myopic", "greedy" -> {
                    HeapMeter.reset();
                    long t = System.nanoTime();
                    YearPlanner.WeeklySolver solver;
                    double forecastSeconds = 0;
                    if (method.equals("engine")) {
                        // Potentials re-forecast every few weeks (default quarterly): the dual prices of the
                        // forecast arrivals still to come against the places still free. The forecasts share
                        // one time limit between them, the weekly solves another (limit / 52 each).
                        InstanceGenerator.YearScenario fc = InstanceGenerator.generateYear(n, seed + 7919);
                        int forecasts = (YearPlanner.WEEKS + reforecastWeeks - 1) / reforecastWeeks;
                        solver = YearPlanner.reforecasting(policy, options, fc.annual().households(),
                                fc.arrivalWeek(), reforecastWeeks, options.timeLimit().dividedBy(forecasts));
                    } else if (method.equals("engine-static")) {
                        // Potentials: dual prices of a forecast year (another sample of arrivals) against the
                        // known annual places, as in Ahani et al. (2024).
                        List<Household> forecastHouseholds = InstanceGenerator.generateYear(n, seed + 7919)
                                .annual().households();
                        Instance forecast = new Instance(annual.name() + "-forecast", forecastHouseholds,
                                annual.municipalities());
                        AllocationResult f = new AllocationEngine().solve(forecast, policy, options);
                        forecastSeconds = f.seconds();
                        solver = YearPlanner.engine(policy, options, f.dualPrices());
                    } else if (method.equals("engine-myopic")) {
                        solver = YearPlanner.engine(policy, options, Map.of());
                    } else {
                        solver = week -> GreedyBaseline.solve(week, policy);
                    }
                    YearPlanner.YearResult r = planner.run(annual, sc.arrivalWeek(), policy, solver,
                            PACING_TOLERANCE, MIN_PLACES_FOR_BAND);
                    double s = (System.nanoTime() - t) / 1e9;
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("cpuSeconds", HeapMeter.cpuSeconds());
                    extra.put("hindsightPercent", 100.0 * r.objective() / hindsight.objective());
                    extra.put("forecastSeconds", forecastSeconds);
                    extra.put("pacingTolerancePercent", PACING_TOLERANCE * 100);
                    extra.put("quarterNationalFill", r.quarterNationalFill());
                    extra.put("quarterMaxFillDeviation", r.quarterMaxFillDeviation());
                    extra.put("fillBand", YearPlanner.FILL_BAND);
                    extra.put("quarterShareWithinBand", r.quarterShareWithinBand());
                    print(annual, "year", method, r.assignment(), r.objective(), bound, s, HeapMeter.peakMiB(),
                            policy, extra);
                }
                default -> throw new IllegalArgumentException("unknown year method " + method);
            }
        }
    }

    static double objective(Instance inst, Policy policy, Map<String, String> assignment) {
        Scorer scorer = new Scorer(policy, inst);
        double sum = 0;
        for (int h = 0; h < inst.households().size(); h++) {
            String m = assignment.get(inst.households().get(h).id());
            if (m != null) {
                sum += scorer.score(h, scorer.municipalityIndex(m));
            }
        }
        return sum;
    }

    private static void print(Instance inst, String mode, String method, Map<String, String> assignment,
            double objective, double bound, double seconds, double heap, Policy policy, Map<String, Object> extra) {
        FeasibilityChecker.Report report = FeasibilityChecker.check(inst, assignment);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("instance", inst.name());
        o.put("mode", mode);
        o.put("method", method);
        o.put("households", inst.households().size());
        o.put("municipalities", inst.municipalities().size());
        o.put("persons", inst.persons());
        o.put("capacity", inst.municipalities().stream().mapToInt(Municipality::remainingPlaces).sum());
        o.put("objective", objective);
        o.put("upperBound", bound);
        o.put("gapPercent", bound > 0 ? 100.0 * (bound - objective) / bound : 0.0);
        o.put("seconds", seconds);
        o.put("peakHeapMiB", heap);
        o.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        o.put("feasible", report.feasible());
        o.put("violations", report.violations().size());
        o.put("unassigned", inst.households().size() - assignment.size());
        o.put("policy", policy.name() + "@" + policy.version());
        // The benchmark machine is shared; the load average tells a reader how far wall times are inflated.
        o.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        o.putAll(extra);
        System.out.println(json(o));
        for (String v : report.violations().subList(0, Math.min(5, report.violations().size()))) {
            System.err.println("violation (" + method + "): " + v);
        }
    }

    static String json(Map<String, Object> o) {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : o.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append('"').append(e.getKey()).append("\":").append(value(e.getValue()));
        }
        return b.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        if (v instanceof double[] arr) {
            List<String> parts = new ArrayList<>();
            for (double d : arr) {
                parts.add(String.format(Locale.ROOT, "%.4f", d));
            }
            return "[" + String.join(",", parts) + "]";
        }
        return String.valueOf(v);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (!k.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --households N --seed S [--mode batch|year] "
                        + "[--methods engine,greedy,cpsat] [--time-limit SECONDS] [--warmup K] [--export-mps FILE] "
                        + "[--export-solution FILE] [--cpsat-candidates K] [--reforecast-weeks W] "
                        + "[--lp-candidates K] [--lp-time-limit SECONDS] [--warm-runs K] "
                        + "[--exact-time-limit SECONDS] [--exact-gap REL] [--exact-solver SCIP|CBC] "
                        + "[--reference X] [--lpfix-deltas D,..] [--lpfix-thetas T,..] [--lpfix-time-limit SECONDS]");
            }
            out.put(k.substring(2), args[++i]);
        }
        return out;
    }
}
