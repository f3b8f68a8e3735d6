package no.bosetting.shared;

import java.util.List;
import java.util.Locale;

/**
 * Words an explanation stored with an allocation proposal in the reader's language. Implemented by the
 * allocation module, which owns the stored format; modules that show stored explanations (proposals) use
 * it without depending on allocation.
 */
public interface StoredExplanations {

    /**
     * The stored explanation worded in {@code locale}: structured explanations are worded from their data,
     * older plain-text explanations are returned as they were stored. {@code null} when nothing is stored.
     */
    Worded word(String stored, Locale locale);

    /**
     * @param summary  one sentence: the total score, the municipality and the policy version, or the whole
     *                 older plain-text explanation
     * @param terms    the considerations that counted, largest first
     * @param bindings the hard rules that shaped the proposal
     * @param runnerUp the best other municipality and why it lost, or {@code null}
     * @param plain    true for an older explanation stored as text (shown as stored)
     * @param reasons  the deciding reasons in plain words: the household's own hard rules, what made this municipality
     *                 better than the runner-up (or that they were equal), and the better municipalities a hard rule
     *                 excluded for this household; never the chosen municipality's own used-up places
     */
    record Worded(String summary, List<String> terms, List<String> bindings, String runnerUp, boolean plain,
                  List<String> reasons) {

        public Worded {
            terms = List.copyOf(terms);
            bindings = List.copyOf(bindings);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public Worded(String summary, List<String> terms, List<String> bindings, String runnerUp, boolean plain) {
            this(summary, terms, bindings, runnerUp, plain, List.of());
        }
    }
}
