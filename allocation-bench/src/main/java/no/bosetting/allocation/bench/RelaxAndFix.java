package no.bosetting.allocation.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.FeasibilityChecker;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Policy;

/**
 * The benchmark's {@code lpfix} method (diagnosis only, issue 15 seventh pass; see the engine README): which
 * households relax-and-fix may fix and what the exact remainder then reaches. The program and the fixing rules are
 * in {@link LpFix}; this class runs the variants and prints one JSON line each.
 */
final class RelaxAndFix {

    private RelaxAndFix() {
    }

    /**
     * Relax-and-fix, one JSON line per variant. Variants: {@code lp-integral} fixes every unit the LP sets
     * integrally, {@code lp-assigned} only those it assigns; {@code lp-support} also frees the units in
     * municipalities where a fractional unit has a share ({@code -out}: and the units the LP leaves out);
     * {@code lp-expandD} / {@code engine-expandD} free the fractional units (LP) or the units the engine places
     * against its prices, then D times every unit in a municipality they nearly prefer (reduced value within θ,
     * {@code --lpfix-thetas}); {@code prices} / {@code prices-agree} fix the units the engine's prices settle by
     * more than δ ({@code --lpfix-deltas}), to the price-best choice or only where the engine's assignment agrees.
     * The rest is solved exactly with CBC ({@code --lpfix-time-limit} s each, default 60). With
     * {@code --reference X} (an upper bound on the optimum, e.g. the proven optimum) also the share of it.
     */
    static void run(Instance inst, Policy policy, AllocationResult engine, double[][] prices,
            Map<String, String> a) {
        double ref = Double.parseDouble(a.getOrDefault("reference", "NaN"));
        double limit = Double.parseDouble(a.getOrDefault("lpfix-time-limit", "60"));
        long t = System.nanoTime();
        LpFix fix = new LpFix(inst, policy);
        double built = (System.nanoTime() - t) / 1e9;
        LpFix.Lp lp = fix.lp();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instance", inst.name());
        d.put("method", "lpfix-lp");
        d.put("units", fix.units());
        d.put("lpValue", lp.value());
        d.put("fractionalUnits", lp.fractionalUnits());
        d.put("fractionalHouseholds", lp.fractionalHouseholds());
        d.put("integralAssigned", lp.integralIn());
        d.put("integralOut", lp.integralOut());
        d.put("bindingRows", lp.bindingRows());
        d.put("modelSeconds", built);
        d.put("lpSeconds", lp.seconds());
        d.put("engineObjective", engine.objective());
        d.put("enginePercent", 100.0 * engine.objective() / ref);
        d.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(BenchMain.json(d));
        lpFixLine(inst, policy, "lp-integral", Double.NaN, fix.solveRest(lp.integralTo(), limit), ref);
        int[] assignedOnly = lp.integralTo().clone();
        for (int u = 0; u < assignedOnly.length; u++) {
            if (assignedOnly[u] == LpFix.OUT) {
                assignedOnly[u] = LpFix.FREE;
            }
        }
        lpFixLine(inst, policy, "lp-assigned", Double.NaN, fix.solveRest(assignedOnly, limit), ref);
        lpFixLine(inst, policy, "lp-support", Double.NaN, fix.solveRest(fix.support(lp, false), limit), ref);
        lpFixLine(inst, policy, "lp-support-out", Double.NaN, fix.solveRest(fix.support(lp, true), limit), ref);
        // Relax-and-fix with a neighbourhood: the fractional units (LP) or the units the engine places against its
        // prices (not at a price-best choice) are freed, then every unit in a municipality they nearly prefer.
        boolean[] fractional = new boolean[fix.units()];
        for (int u = 0; u < fractional.length; u++) {
            fractional[u] = lp.integralTo()[u] == LpFix.FREE;
        }
        int[] lpBase = lp.integralTo().clone();
        int[] engineBase = fix.unitsOf(engine.assignment());
        for (int u = 0; u < lpBase.length; u++) {
            if (lpBase[u] == LpFix.FREE) {
                lpBase[u] = engineBase[u];
            }
        }
        for (String th : a.getOrDefault("lpfix-thetas", "0.01,0.1,0.5").split(",")) {
            double theta = Double.parseDouble(th);
            for (int depth = 1; depth <= 2; depth++) {
                lpFixLine(inst, policy, "lp-expand" + depth, theta,
                        fix.solveRest(fix.expand(lpBase, fractional, lp.duals(), theta, depth), limit), ref);
            }
        }
        if (prices == null) {
            return;
        }
        boolean[] disagree = new boolean[fix.units()];
        int[] best = fix.fixByPrices(prices, -1, null);
        for (int u = 0; u < disagree.length; u++) {
            disagree[u] = best[u] != engineBase[u];
        }
        for (String th : a.getOrDefault("lpfix-thetas", "0.01,0.1,0.5").split(",")) {
            double theta = Double.parseDouble(th);
            for (int depth = 1; depth <= 2; depth++) {
                lpFixLine(inst, policy, "engine-expand" + depth, theta,
                        fix.solveRest(fix.expand(engineBase, disagree, prices, theta, depth), limit), ref);
            }
        }
        for (String s : a.getOrDefault("lpfix-deltas", "0.25,0.5,1,2,4").split(",")) {
            double delta = Double.parseDouble(s);
            lpFixLine(inst, policy, "prices", delta, fix.solveRest(fix.fixByPrices(prices, delta, null), limit),
                    ref);
            lpFixLine(inst, policy, "prices-agree", delta,
                    fix.solveRest(fix.fixByPrices(prices, delta, engine.assignment()), limit), ref);
        }
    }

    private static void lpFixLine(Instance inst, Policy policy, String variant, double delta, LpFix.Rest rest,
            double ref) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instance", inst.name());
        d.put("method", "lpfix");
        d.put("variant", variant);
        d.put("delta", delta);
        d.put("freeUnits", rest.freeUnits());
        d.put("freeHouseholds", rest.freeHouseholds());
        d.put("status", rest.status());
        d.put("objective", rest.objective());
        double checked = BenchMain.objective(inst, policy, rest.assignment());
        d.put("checkedObjective", checked);
        d.put("feasible", FeasibilityChecker.check(inst, rest.assignment()).feasible());
        d.put("percentOfReference", 100.0 * checked / ref);
        d.put("cbcSeconds", rest.seconds());
        d.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(BenchMain.json(d));
    }

}
