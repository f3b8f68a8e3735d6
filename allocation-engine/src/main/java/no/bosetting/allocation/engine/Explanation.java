package no.bosetting.allocation.engine;

import java.util.List;

/**
 * Why a household was proposed to a municipality.
 *
 * <p>The sentences ({@code bindingConstraints}, {@code runnerUp}) are English; the same content is available as
 * data for an application to word itself: {@link ScoreTerm#name()} is a stable term code (the constants in
 * {@link Scorer}, plus {@code potential} in year mode; {@code predictedOutcome} only when that term acts), {@code bindings}
 * carries rule codes and numbers, and
 * {@code runnerUpDetail} the runner-up municipality and reason code.
 *
 * @param municipality       the proposed municipality number
 * @param score              total score (sum of contributions)
 * @param terms              every soft term with weight, value and contribution, largest contribution first
 * @param bindingConstraints capacity rows of the chosen municipality that are tight or carry a dual price
 * @param runnerUp           the best other municipality and why it was not chosen, or {@code null}
 * @param bindings           the binding constraints as data, in the same order as the sentences
 * @param runnerUpDetail     the runner-up as data, or {@code null} when there is none
 */
public record Explanation(String municipality, double score, List<ScoreTerm> terms, List<String> bindingConstraints,
        String runnerUp, List<BindingConstraint> bindings, RunnerUp runnerUpDetail) {

    public Explanation {
        terms = List.copyOf(terms);
        bindingConstraints = List.copyOf(bindingConstraints);
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
    }

    /** The explanation without structured data (kept for callers built against earlier versions). */
    public Explanation(String municipality, double score, List<ScoreTerm> terms, List<String> bindingConstraints,
            String runnerUp) {
        this(municipality, score, terms, bindingConstraints, runnerUp, List.of(), null);
    }
}
