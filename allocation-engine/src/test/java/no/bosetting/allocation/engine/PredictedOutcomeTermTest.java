package no.bosetting.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The optional predicted-outcome term (issue 15 item 4): off by default — weight 0 or no predictions give exactly the
 * results the engine gave before the term existed — and, when on, it moves a household to the municipality with the
 * better prediction when everything else is equal, and the explanation names it.
 */
class PredictedOutcomeTermTest {

    private final AllocationEngine engine = new AllocationEngine();

    /** Random predictions for every pair of the instance. */
    private static PredictedOutcomes random(Instance instance, long seed) {
        Random r = new Random(seed);
        Map<String, Map<String, Double>> p = new HashMap<>();
        for (Household h : instance.households()) {
            Map<String, Double> row = new HashMap<>();
            for (Municipality m : instance.municipalities()) {
                row.put(m.number(), r.nextDouble());
            }
            p.put(h.id(), row);
        }
        return PredictedOutcomes.of(p);
    }

    @Test
    void offGivesIdenticalObjectivesAssignmentsAndExplanations() {
        for (long seed = 1; seed <= 12; seed++) {
            Instance plain = RandomInstances.create(seed, 60, 8);
            Instance withPredictions = new Instance(plain.name(), plain.households(), plain.municipalities(), random(plain, seed));
            Options options = Options.defaults().withSeed(seed).withTimeLimit(Duration.ofSeconds(30));
            AllocationResult before = engine.solve(plain, Policy.defaults(), options);
            // Weight 0 with predictions present, and weight > 0 with no predictions: both off.
            AllocationResult zeroWeight = engine.solve(withPredictions, Policy.defaults().withPredictedOutcome(0.0), options);
            AllocationResult noInput = engine.solve(plain, Policy.defaults().withPredictedOutcome(5.0), options);
            for (AllocationResult after : List.of(zeroWeight, noInput)) {
                assertThat(after.objective()).as("seed %d", seed).isEqualTo(before.objective());
                assertThat(after.assignment()).as("seed %d", seed).isEqualTo(before.assignment());
                after.explanations().forEach((h, e) -> assertThat(e.terms()).extracting(ScoreTerm::name)
                        .doesNotContain(Scorer.PREDICTED_OUTCOME));
                assertThat(FeasibilityChecker.check(plain, after.assignment()).feasible()).isTrue();
            }
        }
    }

    @Test
    void onItMovesAHouseholdToTheBetterPredictionWhenOtherwiseEqualAndTheExplanationNamesIt() {
        Municipality a = Municipality.simple("0001", 5, 0, Set.of()).withIndicators(0.5, 0.5);
        Municipality b = Municipality.simple("0002", 5, 0, Set.of()).withIndicators(0.5, 0.5);
        Household h = Household.simple("h", 1, false, false, 30);
        PredictedOutcomes p = PredictedOutcomes.of(Map.of("h", Map.of("0001", 0.2, "0002", 0.7)));
        PredictedOutcomes reversed = PredictedOutcomes.of(Map.of("h", Map.of("0001", 0.7, "0002", 0.2)));
        Policy on = Policy.defaults().withPredictedOutcome(4.0);

        AllocationResult toB = engine.solve(new Instance("t", List.of(h), List.of(a, b), p), on, Options.defaults());
        AllocationResult toA = engine.solve(new Instance("t", List.of(h), List.of(a, b), reversed), on, Options.defaults());
        assertThat(toB.assignment()).containsEntry("h", "0002");
        assertThat(toA.assignment()).containsEntry("h", "0001");
        ScoreTerm term = toB.explanations().get("h").terms().stream()
                .filter(t -> t.name().equals(Scorer.PREDICTED_OUTCOME)).findFirst().orElseThrow();
        assertThat(term.weight()).isEqualTo(4.0);
        assertThat(term.value()).isEqualTo(0.7);
        assertThat(term.contribution()).isEqualTo(4.0 * 0.7);
    }

    @Test
    void aPredictionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> PredictedOutcomes.of(Map.of("h", Map.of("0001", 1.2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PredictedOutcomes.of(Map.of("h", Map.of("0001", Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.defaults().withPredictedOutcome(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
