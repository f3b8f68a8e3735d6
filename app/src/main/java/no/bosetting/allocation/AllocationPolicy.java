package no.bosetting.allocation;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.allocation.engine.Policy;

/**
 * A stored version of the engine's weights, and whether the engine may propose up to a range decision's maximum
 * ({@code useRangeMaximum}; otherwise its minimum). Nationality, ethnicity, religion and sex are never weights. */
public record AllocationPolicy(long id, String name, int version, Map<String, Double> weights, String reason,
                               OffsetDateTime createdAt, String createdBy, boolean useRangeMaximum, boolean closeFamilyBinds,
                               boolean jobBinds) {

    /**
     * A policy that keeps range decisions at their minimum and binds close family and a job offer of 15 hours or more to
     * their municipality (the default; report 000 lines 3757-3762: IMDi settles spouses, parents and children in the
     * same municipality).
     */
    public AllocationPolicy(long id, String name, int version, Map<String, Double> weights, String reason,
                            OffsetDateTime createdAt, String createdBy) {
        this(id, name, version, weights, reason, createdAt, createdBy, false, true, true);
    }

    /** The outcome term's weight; optional wherever weights are given (missing = 0, off). */
    public static final String PREDICTED_OUTCOME = "predictedOutcome";

    /**
     * The weights in the order the engine's Policy takes them. The last, the predicted outcome (the outcome model's
     * chance of work or education, issue 17 item 5 / issue 15 item 4), is 0 — off — unless the policy switches it on.
     */
    public static final String[] TERMS = {"priority", "waiting", "labourMarket", "education", "dwellingFit",
            "sharedHousing", "widerFamily", "jobOrStudy", "approvedDwelling", "balance", PREDICTED_OUTCOME};


    public Policy toEngine() {
        return new Policy(name, version, w("priority"), w("waiting"), w("labourMarket"), w("education"), w("dwellingFit"),
                w("sharedHousing"), w("widerFamily"), w("jobOrStudy"), w("approvedDwelling"), w("balance"), w(PREDICTED_OUTCOME));
    }

    /** Whether the outcome model's predictions enter the round (weight above 0). */
    public boolean usesPredictedOutcome() {
        return w(PREDICTED_OUTCOME) > 0;
    }

    private double w(String term) {
        return weights.getOrDefault(term, 0.0);
    }

    public static Map<String, Double> ordered(Map<String, Double> weights) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String t : TERMS) {
            m.put(t, weights.getOrDefault(t, 0.0));
        }
        return m;
    }
}
