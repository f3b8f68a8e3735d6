package no.bosetting.introduction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the administrator is shown about the trained outcome model: what it learnt from (the period of completions,
 * the number of persons, how they were split), how good it is on persons it did not learn from (accuracy, Brier score
 * against the base rate's, reliability by decile), when and by whom it was trained, and every coefficient.
 *
 * @param baseRate     share in work or education among the training persons
 * @param accuracy     share of held-out persons predicted right at 0.5
 * @param baseAccuracy the same for always guessing the training majority
 * @param brier        mean squared error of the predicted chance on the held-out persons (lower is better)
 * @param baseBrier    the same when everyone is given the training base rate
 * @param reliability  held-out persons in ten equal groups by predicted chance: mean predicted against observed share
 * @param coefficients per feature, on the standardised scale (comparable: sign and size say how it pulls)
 */
public record ModelCard(OffsetDateTime trainedAt, String trainedBy, LocalDate periodFrom, LocalDate periodTo, int size, int trainSize,
                        int testSize, long seed, double baseRate, double accuracy, double baseAccuracy, double brier, double baseBrier,
                        List<Decile> reliability, List<Coefficient> coefficients, double intercept) {

    public record Decile(int decile, int persons, double meanPredicted, double observed) {
    }

    public record Coefficient(String feature, double weight) {
    }

    /** Whether the model predicts better than the base rate on held-out persons. */
    public boolean beatsBaseRate() {
        return brier < baseBrier;
    }
}
