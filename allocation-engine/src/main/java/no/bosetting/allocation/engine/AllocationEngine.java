package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proposes at most one municipality per household, maximising the policy's score subject to every hard
 * constraint, and certifies the result with an upper bound.
 *
 * <p>Algorithm (see README): scores are computed only for pairs that pass the pair-level hard rules; together
 * groups become one unit; a price auction over the capacity rows (persons, minors places, large dwellings)
 * with ε-scaling yields a feasible assignment and dual prices; local search (insert, move, ejection) improves
 * the assignment; projected subgradient steps on the minors and dwelling prices, each followed by an exact
 * re-solve of the persons prices (person auction), tighten the Lagrangian bound. The bound
 * Σ_u max(0, max_m (c_um − π_m·a_u)) + Σ π·cap is valid for any non-negative prices π.
 */
public final class AllocationEngine {

    private static final long EXPLANATION_RESERVE_NANOS = 150_000_000L;

    public AllocationResult solve(Instance instance, Policy policy, Options options) {
        return run(instance, policy, options).result();
    }

    /**
     * A run's result with the prices of its reported bound: persons and minors by municipality, dwellings by
     * municipality × 5 (classes 5..9+). The prices are not part of the result; the benchmark's diagnostics read them
     * here, so the engine keeps no state between runs.
     */
    record Run(AllocationResult result, double[][] prices) {
    }

    Run run(Instance instance, Policy policy, Options options) {
        long start = System.nanoTime();
        Scorer scorer = new Scorer(policy, instance);
        UnitModel model = new UnitModel(instance, scorer, options);
        // A tenth of the budget is kept for explanations and reasons, which scan every pair once more; at least
        // 0.15 s (at most a fifth), because in a fresh JVM they take about 0.1 s even for 1,000 households.
        long limit = options.timeLimit().toNanos();
        long reserve = Math.max(limit / 10, Math.min(EXPLANATION_RESERVE_NANOS, limit / 5));
        long deadline = start + limit - reserve;
        long built = System.nanoTime();
        Search search = new Search(model, options.seed(), deadline);
        // The price-independent part of each explanation is built while the bound is still being refined.
        Prepared[] prepared = new Prepared[instance.households().size()];
        search.run(() -> {
            for (int h = 0; h < prepared.length; h++) {
                int m = search.assignedMunicipality(model.unitOfHousehold[h]);
                if (m >= 0) {
                    prepared[h] = prepare(h, m, scorer, model, search, instance.municipalities());
                }
            }
        });
        long searched = System.nanoTime();
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        AllocationResult result = buildResult(instance, policy, scorer, model, search, start, prepared);
        if (Boolean.getBoolean("bosetting.engine.trace")) {
            System.err.printf(Locale.ROOT, "[engine] model %.3fs, search %.3fs, explanations %.3fs (cpu %.3fs)%n",
                    (built - start) / 1e9, (searched - built) / 1e9, (System.nanoTime() - searched) / 1e9,
                    (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        return new Run(result, search.bestPrices());
    }

    private static AllocationResult buildResult(Instance instance, Policy policy, Scorer scorer, UnitModel model,
            Search search, long start, Prepared[] prepared) {
        List<Household> hs = instance.households();
        List<Municipality> ms = instance.municipalities();
        int[] unitOf = model.unitOfHousehold;
        Map<String, String> assignment = new LinkedHashMap<>();
        Map<String, Explanation> explanations = new LinkedHashMap<>();
        Map<String, UnassignedReason> unassigned = new LinkedHashMap<>();
        double[] prices = search.bestPricesPersons();
        // The heavy, price-independent part was prepared while the bound ran (see solve); what is left is cheap
        // and runs on this thread, so it never waits for a pool thread on a loaded machine.
        Object[] outcome = new Object[hs.size()];
        java.util.stream.IntStream.range(0, hs.size()).forEach(h -> {
            int u = unitOf[h];
            int m = search.assignedMunicipality(u);
            outcome[h] = m >= 0 ? explain(h, m, prepared[h], model, search, prices, ms)
                    : reason(h, u, scorer, model, search, prices, ms);
        });
        for (int h = 0; h < hs.size(); h++) {
            Household hh = hs.get(h);
            if (outcome[h] instanceof Explanation e) {
                assignment.put(hh.id(), e.municipality());
                explanations.put(hh.id(), e);
            } else {
                unassigned.put(hh.id(), (UnassignedReason) outcome[h]);
            }
        }
        Map<String, Double> dual = new LinkedHashMap<>();
        for (int m = 0; m < ms.size(); m++) {
            dual.put(ms.get(m).number(), prices[m]);
        }
        double objective = search.objective();
        // Reported as computed, never raised to the objective, so tests can catch an invalid bound.
        double bound = search.bestBound();
        double gap = bound > 0 ? 100.0 * (bound - objective) / bound : 0.0;
        double seconds = (System.nanoTime() - start) / 1e9;
        return new AllocationResult(instance.name(), policy.name(), policy.version(), assignment, explanations,
                unassigned, objective, bound, Math.max(0.0, gap), dual, seconds);
    }

    /**
     * The part of an explanation that does not depend on the dual prices: the terms (largest contribution
     * first), the adjusted score and the best other municipality by score.
     */
    private record Prepared(List<ScoreTerm> terms, double total, int runnerUp, double runnerUpScore) {
    }

    private static Prepared prepare(int h, int m, Scorer scorer, UnitModel model, Search search,
            List<Municipality> ms) {
        List<ScoreTerm> terms = new ArrayList<>(scorer.terms(h, m));
        Household hh = model.households.get(h);
        double potential = model.potential[m];
        if (potential > 0 || model.potentialShift(h) > 0) {
            terms.add(new ScoreTerm("potential", 1.0, model.potentialShift(h) - potential * hh.persons(),
                    model.potentialShift(h) - potential * hh.persons()));
        }
        terms.sort(Comparator.comparingDouble((ScoreTerm t) -> -Math.abs(t.contribution())));
        double total = scorer.score(h, m) + model.potentialShift(h) - potential * hh.persons();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int u = model.unitOfHousehold[h];
        boolean alone = model.members[u].length == 1 && !search.isPinned(u);
        for (int j = 0; j < ms.size(); j++) {
            if (j == m) {
                continue;
            }
            // A single household's row of the value matrix already holds exactly its adjusted scores.
            double s;
            if (alone) {
                s = model.value[u * ms.size() + j];
            } else {
                s = scorer.eligible(h, j) ? scorer.score(h, j) - model.potential[j] * hh.persons()
                        + model.potentialShift(h) : Double.NEGATIVE_INFINITY;
            }
            if (s > bestScore) {
                bestScore = s;
                best = j;
            }
        }
        return new Prepared(List.copyOf(terms), total, best, bestScore);
    }

    private static Explanation explain(int h, int m, Prepared prepared, UnitModel model, Search search,
            double[] prices, List<Municipality> ms) {
        Household hh = model.households.get(h);
        List<ScoreTerm> terms = prepared.terms();
        double total = prepared.total();
        Municipality mm = ms.get(m);
        List<String> binding = new ArrayList<>();
        List<BindingConstraint> bindings = new ArrayList<>();
        int freePersons = search.residualPersons(m);
        if (prices[m] > 1e-9 || freePersons < model.minUnitSize) {
            binding.add("capacity of " + mm.name() + " (" + mm.number() + ") binding: " + freePersons + " of "
                    + model.capPersons[m] + " places left, dual price " + fmt(prices[m], 3) + " per person");
            bindings.add(new BindingConstraint(BindingConstraint.Code.CAPACITY, mm.number(),
                    model.capPersons[m] - freePersons, model.capPersons[m], prices[m], null));
        }
        if (hh.unaccompaniedMinor() && search.residualMinors(m) < 1) {
            binding.add("minors places of " + mm.name() + " (" + mm.number() + ") binding: all "
                    + model.capMinors[m] + " used");
            bindings.add(new BindingConstraint(BindingConstraint.Code.MINOR_PLACES, mm.number(),
                    model.capMinors[m] - search.residualMinors(m), model.capMinors[m], 0.0, null));
        }
        if (hh.persons() >= Municipality.LARGE_HOUSEHOLD) {
            int k = Math.min(hh.persons(), Municipality.MAX_DWELLING_CLASS) - Municipality.LARGE_HOUSEHOLD;
            if (search.residualLarge(m, k) < 1) {
                binding.add("dwellings for " + hh.persons() + "+ persons in " + mm.name() + " (" + mm.number()
                        + ") binding: all " + model.capLarge[m][k] + " used");
                bindings.add(new BindingConstraint(BindingConstraint.Code.LARGE_DWELLINGS, mm.number(),
                        model.capLarge[m][k] - search.residualLarge(m, k), model.capLarge[m][k], 0.0,
                        Integer.toString(hh.persons())));
            }
        }
        if (hh.togetherGroup() != null) {
            binding.add("placed together with group " + hh.togetherGroup());
            bindings.add(new BindingConstraint(BindingConstraint.Code.TOGETHER_GROUP, mm.number(), 0, 0, 0.0,
                    hh.togetherGroup()));
        }
        if (hh.closeFamilyMunicipality() != null) {
            binding.add("close family in " + mm.name() + " (" + mm.number() + "): must be placed there");
            bindings.add(new BindingConstraint(BindingConstraint.Code.CLOSE_FAMILY, mm.number(), 0, 0, 0.0, null));
        }
        if (search.isPinned(model.unitOfHousehold[h])) {
            binding.add("pinned by caseworker");
            bindings.add(new BindingConstraint(BindingConstraint.Code.PINNED, mm.number(), 0, 0, 0.0, null));
        }
        String runnerUp = null;
        RunnerUp runnerUpDetail = null;
        int best = prepared.runnerUp();
        double bestScore = prepared.runnerUpScore();
        if (best >= 0) {
            Municipality b = ms.get(best);
            double reduced = bestScore - prices[best] * hh.persons();
            double chosenReduced = total - prices[m] * hh.persons();
            String why;
            RunnerUp.Reason reason;
            if (bestScore > total) {
                why = "higher score but its capacity is worth more to others (dual price " + fmt(prices[best], 3)
                        + " per person, net " + fmt(reduced, 2) + " vs " + fmt(chosenReduced, 2) + " here)";
                reason = RunnerUp.Reason.CAPACITY_WORTH_MORE_TO_OTHERS;
            } else {
                why = "lower score";
                reason = RunnerUp.Reason.LOWER_SCORE;
            }
            runnerUp = b.name() + " (" + b.number() + "): score " + fmt(bestScore, 2) + ", " + why;
            runnerUpDetail = new RunnerUp(b.number(), bestScore, reason, prices[best], reduced, chosenReduced);
        }
        return new Explanation(mm.number(), total, terms, binding, runnerUp, bindings, runnerUpDetail);
    }

    private static UnassignedReason reason(int h, int u, Scorer scorer, UnitModel model, Search search,
            double[] prices, List<Municipality> ms) {
        Household hh = model.households.get(h);
        UnassignedReason.Code[] order = UnassignedReason.Code.values();
        int[] count = new int[order.length];
        int eligible = 0;
        for (int m = 0; m < ms.size(); m++) {
            UnassignedReason.Code c = scorer.ineligibility(h, m);
            if (c == null) {
                eligible++;
            } else {
                count[c.ordinal()]++;
            }
        }
        if (eligible == 0) {
            UnassignedReason.Code code = UnassignedReason.Code.CAPACITY_EXHAUSTED;
            if (hh.closeFamilyMunicipality() != null) {
                code = UnassignedReason.Code.CLOSE_FAMILY_MUNICIPALITY_UNSUITABLE;
                int cm = scorer.municipalityIndex(hh.closeFamilyMunicipality());
                String detail = cm < 0 ? "is not part of this round"
                        : "breaks a hard rule: " + scorer.ineligibility(h, cm);
                return new UnassignedReason(code, "close family lives in " + hh.closeFamilyMunicipality()
                        + ", which " + detail);
            }
            // Report the rule that excluded the most municipalities, which is the one a caseworker must relax.
            int bestCount = -1;
            for (UnassignedReason.Code c : order) {
                if (count[c.ordinal()] > bestCount) {
                    bestCount = count[c.ordinal()];
                    code = c;
                }
            }
            return new UnassignedReason(code, describe(code, hh, ms.size(), bestCount));
        }
        if (!model.unitHasEligible(u)) {
            return new UnassignedReason(UnassignedReason.Code.GROUP_HAS_NO_COMMON_MUNICIPALITY,
                    "the households of group " + hh.togetherGroup()
                            + " have no municipality that suits and fits all of them");
        }
        if (model.bestUnitValue(u) <= 0) {
            return new UnassignedReason(UnassignedReason.Code.NOT_WORTHWHILE,
                    "every suitable municipality gives a non-positive score under this policy");
        }
        int best = model.bestReducedMunicipality(u, prices);
        String where = best < 0 ? "" : "; best option " + ms.get(best).name() + " (" + ms.get(best).number()
                + ") has dual price " + fmt(prices[best], 3) + " per person";
        return new UnassignedReason(UnassignedReason.Code.CAPACITY_EXHAUSTED, eligible
                + " municipalities suit the household, but their remaining places went to households that gain more"
                + where);
    }

    /**
     * Fixed-decimal formatting without {@link String#format}, which is too slow for one explanation per
     * household of a national round.
     */
    static String fmt(double x, int decimals) {
        return java.math.BigDecimal.valueOf(x).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String describe(UnassignedReason.Code code, Household h, int municipalities, int count) {
        return switch (code) {
            case ALL_CLOSED -> count + " of " + municipalities + " municipalities are closed to new requests";
            case NO_MUNICIPALITY_WITH_REQUIRED_SERVICES -> "no suitable municipality offers all of "
                    + h.requiredServices();
            case ALL_REJECTED -> "every municipality with the required services has rejected the household";
            case NO_MINOR_PLACES -> "no suitable municipality has places left for unaccompanied minors";
            case NO_LARGE_DWELLING -> "no suitable municipality has a dwelling for " + h.persons() + " persons";
            case CAPACITY_EXHAUSTED -> "no suitable municipality has " + h.persons() + " places left";
            default -> code.name();
        };
    }
}
