package no.bosetting.allocation.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Named, versioned weights of the soft objective terms. An administrator changes a policy by issuing a new
 * version; each proposal records the version it was computed with so it can be explained later.
 */
public record Policy(
        String name,
        int version,
        double priority,
        double waiting,
        double labourMarket,
        double education,
        double dwellingFit,
        double sharedHousing,
        double widerFamily,
        double jobOrStudy,
        double approvedDwelling,
        double balance,
        double predictedOutcome) {

    /** A policy without the predicted-outcome term (weight 0: the engine behaves exactly as before the term existed). */
    public Policy(String name, int version, double priority, double waiting, double labourMarket, double education,
            double dwellingFit, double sharedHousing, double widerFamily, double jobOrStudy, double approvedDwelling,
            double balance) {
        this(name, version, priority, waiting, labourMarket, education, dwellingFit, sharedHousing, widerFamily,
                jobOrStudy, approvedDwelling, balance, 0.0);
    }

    /** This policy with the predicted-outcome term at {@code weight} (0 = off). */
    public Policy withPredictedOutcome(double weight) {
        return new Policy(name, version, priority, waiting, labourMarket, education, dwellingFit, sharedHousing,
                widerFamily, jobOrStudy, approvedDwelling, balance, weight);
    }

    public Policy {
        Objects.requireNonNull(name, "name");
        for (Map.Entry<String, Double> e : weightsOf(priority, waiting, labourMarket, education, dwellingFit,
                sharedHousing, widerFamily, jobOrStudy, approvedDwelling, balance).entrySet()) {
            check(e.getKey(), e.getValue());
        }
        check(Scorer.PREDICTED_OUTCOME, predictedOutcome);
    }

    private static void check(String term, double weight) {
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight " + term + " must be finite and >= 0");
        }
    }

    /**
     * Default weights: priority dominates so that under scarcity minors, families and long waiters are placed
     * first; ties and the approved dwelling outweigh generic fit because they are concrete opportunities.
     */
    public static Policy defaults() {
        return new Policy("default", 1, 10.0, 4.0, 3.0, 2.0, 1.5, 1.0, 3.0, 5.0, 8.0, 2.0);
    }

    /** Weight per term name, in the order used by explanations; the predicted-outcome term only when it is on. */
    public Map<String, Double> weights() {
        Map<String, Double> m = weightsOf(priority, waiting, labourMarket, education, dwellingFit, sharedHousing,
                widerFamily, jobOrStudy, approvedDwelling, balance);
        if (predictedOutcome > 0) {
            m.put(Scorer.PREDICTED_OUTCOME, predictedOutcome);
        }
        return m;
    }

    private static Map<String, Double> weightsOf(double priority, double waiting, double labourMarket,
            double education, double dwellingFit, double sharedHousing, double widerFamily, double jobOrStudy,
            double approvedDwelling, double balance) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Scorer.PRIORITY, priority);
        m.put(Scorer.WAITING, waiting);
        m.put(Scorer.LABOUR_MARKET, labourMarket);
        m.put(Scorer.EDUCATION, education);
        m.put(Scorer.DWELLING_FIT, dwellingFit);
        m.put(Scorer.SHARED_HOUSING, sharedHousing);
        m.put(Scorer.WIDER_FAMILY, widerFamily);
        m.put(Scorer.JOB_OR_STUDY, jobOrStudy);
        m.put(Scorer.APPROVED_DWELLING, approvedDwelling);
        m.put(Scorer.BALANCE, balance);
        return m;
    }
}
