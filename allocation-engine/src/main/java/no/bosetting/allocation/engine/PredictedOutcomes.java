package no.bosetting.allocation.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An optional per-pair input: for a household and a municipality, a model's predicted outcome in [0, 1] (for
 * example the chance of work or education a year after the introduction programme if the household is settled
 * there). The engine only reads it through {@link Scorer#score(int, int)} under {@link Policy#predictedOutcome()};
 * a pair without a prediction counts 0. Like every other input it is about the household's settlement-relevant
 * profile and the municipality: a model feeding it must never use nationality, religion or sex.
 */
public final class PredictedOutcomes {

    private static final PredictedOutcomes NONE = new PredictedOutcomes(Map.of());

    private final Map<String, Map<String, Double>> byHousehold;

    private PredictedOutcomes(Map<String, Map<String, Double>> byHousehold) {
        this.byHousehold = byHousehold;
    }

    /** No predictions: the term is off whatever its weight. */
    public static PredictedOutcomes none() {
        return NONE;
    }

    /**
     * Predictions per household id, then per municipality number; every value finite and in [0, 1].
     *
     * @throws IllegalArgumentException for a value outside [0, 1]
     */
    public static PredictedOutcomes of(Map<String, Map<String, Double>> byHousehold) {
        Map<String, Map<String, Double>> copy = new HashMap<>();
        for (Map.Entry<String, Map<String, Double>> h : byHousehold.entrySet()) {
            Objects.requireNonNull(h.getKey(), "household id");
            Map<String, Double> row = new HashMap<>();
            for (Map.Entry<String, Double> m : h.getValue().entrySet()) {
                Double p = m.getValue();
                if (p == null || !Double.isFinite(p) || p < 0.0 || p > 1.0) {
                    throw new IllegalArgumentException("predicted outcome for household " + h.getKey() + " in "
                            + m.getKey() + " must be in [0, 1], was " + p);
                }
                row.put(Objects.requireNonNull(m.getKey(), "municipality"), p);
            }
            copy.put(h.getKey(), Map.copyOf(row));
        }
        return copy.isEmpty() ? NONE : new PredictedOutcomes(Map.copyOf(copy));
    }

    public boolean isEmpty() {
        return byHousehold.isEmpty();
    }

    /** The prediction for the pair, or {@code null} when there is none. */
    public Double of(String householdId, String municipalityNumber) {
        Map<String, Double> row = byHousehold.get(householdId);
        return row == null ? null : row.get(municipalityNumber);
    }

    /** The predictions of one household by municipality number (empty when none). */
    public Map<String, Double> forHousehold(String householdId) {
        return byHousehold.getOrDefault(householdId, Map.of());
    }
}
