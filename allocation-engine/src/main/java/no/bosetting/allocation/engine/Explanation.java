package no.bosetting.allocation.engine;

import java.util.List;

/**
 * Why a household was proposed to a municipality.
 *
 * @param municipality       the proposed municipality number
 * @param score              total score (sum of contributions)
 * @param terms              every soft term with weight, value and contribution, largest contribution first
 * @param bindingConstraints capacity rows of the chosen municipality that are tight or carry a dual price
 * @param runnerUp           the best other municipality and why it was not chosen, or {@code null}
 */
public record Explanation(String municipality, double score, List<ScoreTerm> terms, List<String> bindingConstraints,
        String runnerUp) {

    public Explanation {
        terms = List.copyOf(terms);
        bindingConstraints = List.copyOf(bindingConstraints);
    }
}
