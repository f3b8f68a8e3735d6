package no.bosetting.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BoundAndOptimalityTest {

    private static final double EPS = 1e-6;
    private final AllocationEngine engine = new AllocationEngine();

    /** Exhaustive optimum over all assignments (each household: nowhere or any municipality). */
    static double bruteForce(Instance instance, Policy policy) {
        Scorer scorer = new Scorer(policy, instance);
        int h = instance.households().size();
        int m = instance.municipalities().size();
        int[] choice = new int[h];
        double best = 0;
        while (true) {
            Map<String, String> a = new HashMap<>();
            double value = 0;
            for (int i = 0; i < h; i++) {
                if (choice[i] > 0) {
                    a.put(instance.households().get(i).id(), instance.municipalities().get(choice[i] - 1).number());
                    value += scorer.score(i, choice[i] - 1);
                }
            }
            if (value > best && FeasibilityChecker.check(instance, a).feasible()) {
                best = value;
            }
            int i = 0;
            while (i < h && ++choice[i] > m) {
                choice[i] = 0;
                i++;
            }
            if (i == h) {
                return best;
            }
        }
    }

    @Test
    void handMadeInstanceWithKnownOptimum() {
        // Two places in the attractive municipality; the optimum puts the two skilled singles there and the
        // family of three (which would not fit next to anyone) in the other one.
        Municipality good = Municipality.simple("0001", 2, 0, Set.of()).withIndicators(1.0, 1.0);
        Municipality plain = Municipality.simple("0002", 5, 0, Set.of()).withIndicators(0.0, 0.0);
        Household s1 = Household.simple("s1", 1, false, false, 30).withSkills(true, true);
        Household s2 = Household.simple("s2", 1, false, false, 30).withSkills(true, false);
        Household f = Household.simple("f", 3, false, true, 30).withSkills(true, true);
        Instance instance = new Instance("known", List.of(s1, s2, f), List.of(good, plain));
        AllocationResult r = engine.solve(instance, Policy.defaults(), Options.defaults());
        assertThat(r.assignment()).containsEntry("s1", "0001").containsEntry("s2", "0001").containsEntry("f", "0002");
        double optimum = bruteForce(instance, Policy.defaults());
        assertThat(r.objective()).isCloseTo(optimum, Offset.offset(EPS));
        assertThat(r.upperBound()).isGreaterThanOrEqualTo(optimum - EPS);
        assertThat(r.gapPercent()).isLessThan(1.0);
    }

    @Test
    void boundIsValidAndEngineNearOptimalOnTinyRandomInstances() {
        int optimal = 0;
        int runs = 40;
        for (long seed = 1; seed <= runs; seed++) {
            Instance instance = RandomInstances.create(seed, 6, 3);
            double optimum = bruteForce(instance, Policy.defaults());
            AllocationResult r = engine.solve(instance, Policy.defaults(), Options.defaults().withSeed(seed));
            assertThat(r.upperBound()).as("bound, seed %d", seed).isGreaterThanOrEqualTo(optimum - EPS);
            assertThat(r.objective()).as("objective, seed %d", seed).isLessThanOrEqualTo(optimum + EPS);
            if (r.objective() >= optimum - EPS) {
                optimal++;
            }
        }
        assertThat(optimal).as("runs that reached the exact optimum").isGreaterThanOrEqualTo(runs * 3 / 4);
    }

    /**
     * Tiny instances where the minors places and the large-dwelling rows are the scarce resources, so the bound
     * comes from the prices of those rows (the side auction and subgradient) and not only from the persons rows.
     */
    @Test
    void boundIsValidWhenMinorsAndDwellingRowsBind() {
        for (long seed = 1; seed <= 30; seed++) {
            java.util.Random r = new java.util.Random(seed);
            List<Municipality> ms = new java.util.ArrayList<>();
            for (int m = 0; m < 3; m++) {
                int[] dwellings = new int[10];
                for (int k = 5; k <= 9; k++) {
                    dwellings[k] = r.nextDouble() < 0.35 ? 1 : 0;
                }
                ms.add(Municipality.simple("00" + (10 + m), 8 + r.nextInt(8), r.nextInt(3), Set.of())
                        .withDwellings(dwellings).withIndicators(r.nextDouble(), r.nextDouble()));
            }
            List<Household> hs = new java.util.ArrayList<>();
            for (int h = 0; h < 7; h++) {
                boolean minor = h < 3;
                int persons = minor ? 1 : h < 6 ? 5 + r.nextInt(4) : 1;
                hs.add(Household.simple("h" + h, persons, minor, !minor && persons > 1, r.nextInt(300))
                        .withSkills(r.nextBoolean(), r.nextBoolean()));
            }
            Instance instance = new Instance("side-" + seed, hs, ms);
            double optimum = bruteForce(instance, Policy.defaults());
            AllocationResult res = engine.solve(instance, Policy.defaults(), Options.defaults().withSeed(seed));
            assertThat(res.upperBound()).as("bound, seed %d", seed).isGreaterThanOrEqualTo(optimum - EPS);
            assertThat(res.objective()).as("objective, seed %d", seed).isLessThanOrEqualTo(optimum + EPS);
            assertThat(res.objective()).as("objective vs bound, seed %d", seed)
                    .isLessThanOrEqualTo(res.upperBound() + EPS);
        }
    }
    /**
     * A round where large dwellings and minors places are scarce and many households want the same few
     * municipalities, as in the national instances: one LP vertex then puts all of them in one municipality or
     * none, which is what kept a step-size method on those rows' prices far from the optimum: with it alone the
     * certified gap on this round was 3.9 %; pricing those rows exactly for the current persons prices (the side
     * auction) brings it to 1.5 %, the rest being mostly the packing of few, large households. The round is
     * solved far inside its time limit, so the result does not depend on machine speed.
     */
    @Test
    void scarceDwellingsAndMinorsPlacesArePricedWellEnoughToCertifyTheProposal() {
        java.util.Random r = new java.util.Random(7);
        List<Municipality> ms = new java.util.ArrayList<>();
        for (int m = 0; m < 40; m++) {
            int[] dwellings = new int[10];
            for (int k = 5; k <= 9; k++) {
                dwellings[k] = r.nextDouble() < 0.3 ? 1 + r.nextInt(2) : 0;
            }
            ms.add(Municipality.simple(String.format("%04d", 100 + m), 20 + r.nextInt(40), r.nextInt(4), Set.of())
                    .withDwellings(dwellings).withIndicators(0.4 + 0.2 * r.nextDouble(), 0.4 + 0.2 * r.nextDouble()));
        }
        List<Household> hs = new java.util.ArrayList<>();
        for (int h = 0; h < 700; h++) {
            double kind = r.nextDouble();
            boolean minor = kind < 0.12;
            int persons = minor ? 1 : kind < 0.45 ? 5 + r.nextInt(5) : 1 + r.nextInt(4);
            hs.add(Household.simple("h" + h, persons, minor, !minor && persons > 1, r.nextInt(400))
                    .withSkills(r.nextBoolean(), r.nextBoolean()));
        }
        Instance instance = new Instance("scarce-side-rows", hs, ms);
        AllocationResult res = engine.solve(instance, Policy.defaults(),
                Options.defaults().withTimeLimit(java.time.Duration.ofSeconds(60)));
        assertThat(FeasibilityChecker.check(instance, res.assignment(), java.util.Map.of()).violations()).isEmpty();
        assertThat(res.objective()).isLessThanOrEqualTo(res.upperBound() + EPS);
        assertThat(res.gapPercent()).as("certified gap, %%").isLessThan(2.0);
    }
}
