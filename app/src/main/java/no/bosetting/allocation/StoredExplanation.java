package no.bosetting.allocation;

import java.util.List;

import no.bosetting.allocation.engine.BindingConstraint;
import no.bosetting.allocation.engine.Explanation;
import no.bosetting.allocation.engine.RunnerUp;
import no.bosetting.allocation.engine.ScoreTerm;

/**
 * An engine explanation as data, stored (as JSON) with each run item and each sent proposal so the choice can
 * be worded in any language later. Codes are kept as strings: a code a later engine adds still reads back.
 *
 * @param format        {@link #FORMAT}, marks the stored text as structured
 * @param policyName    the weights' name
 * @param policyVersion the weights' version the engine used
 * @param municipality  the proposed municipality number
 * @param score         the total score
 * @param terms         the soft terms, largest contribution first
 * @param bindings      the hard rules that shaped the proposal
 * @param runnerUp      the best other municipality, or {@code null}
 * @param excluded      municipalities that would have scored higher for this household but a hard rule excluded
 *                      (best first, at most {@link #MAX_EXCLUDED})
 * @param fallbacks     term codes ({@code labourMarket}, {@code education}) for which the municipality had no indicator
 *                      data, so its centrality stood in
 */
record StoredExplanation(String format, String policyName, int policyVersion, String municipality, double score,
                                List<Term> terms, List<Binding> bindings, Runner runnerUp, List<Excluded> excluded,
                                List<String> fallbacks) {

    /** How many excluded better municipalities an explanation names. */
    public static final int MAX_EXCLUDED = 3;

    StoredExplanation(String format, String policyName, int policyVersion, String municipality, double score,
                      List<Term> terms, List<Binding> bindings, Runner runnerUp) {
        this(format, policyName, policyVersion, municipality, score, terms, bindings, runnerUp, List.of(), List.of());
    }

    public static final String FORMAT = "bosetting.explanation/1";

    public StoredExplanation {
        terms = terms == null ? List.of() : List.copyOf(terms);
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }

    /** A municipality that would have scored {@code score} for the household, excluded by the hard rule {@code code}. */
    public record Excluded(String municipality, double score, String code) {
    }

    /** One soft term: contribution = weight × value; {@code code} is the engine's term code (e.g. {@code waiting}). */
    public record Term(String code, double weight, double value, double contribution) {
    }

    /** One binding rule; see the engine's {@code BindingConstraint} for the meaning of the fields. */
    public record Binding(String code, String municipality, int used, int capacity, double dualPrice, String detail) {
    }

    /** The runner-up municipality, its score and why it lost ({@code LOWER_SCORE}, {@code CAPACITY_WORTH_MORE_TO_OTHERS}). */
    public record Runner(String municipality, double score, String reason, double dualPrice, double netThere, double netHere,
                         List<Term> terms) {
        public Runner {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }

        public Runner(String municipality, double score, String reason, double dualPrice, double netThere, double netHere) {
            this(municipality, score, reason, dualPrice, netThere, netHere, List.of());
        }
    }

    public static StoredExplanation of(Explanation e, String policyName, int policyVersion) {
        return of(e, policyName, policyVersion, List.of(), List.of(), List.of(), false);
    }

    /**
     * The explanation with what only the round knows: the runner-up's terms, the better municipalities a hard rule
     * excluded, the indicator fallbacks, and whether the household's binding municipality is its job offer's.
     */
    public static StoredExplanation of(Explanation e, String policyName, int policyVersion, List<ScoreTerm> runnerUpTerms,
                                       List<Excluded> excluded, List<String> fallbacks, boolean boundByJob) {
        List<Term> terms = e.terms().stream().map(StoredExplanation::term).toList();
        List<Binding> bindings = e.bindings().stream().map(StoredExplanation::binding)
                .map(b -> boundByJob && "CLOSE_FAMILY".equals(b.code()) ? new Binding(b.code(), b.municipality(), 0, 0, 0.0, JOB) : b)
                .toList();
        RunnerUp r = e.runnerUpDetail();
        Runner runner = r == null ? null
                : new Runner(r.municipality(), r.score(), r.reason().name(), r.dualPrice(), r.netThere(), r.netHere(),
                runnerUpTerms.stream().map(StoredExplanation::term).toList());
        return new StoredExplanation(FORMAT, policyName, policyVersion, e.municipality(), e.score(), terms, bindings, runner,
                excluded, fallbacks);
    }

    /** The detail of a CLOSE_FAMILY binding when it was the household's job offer that bound it. */
    public static final String JOB = "job";

    private static Term term(ScoreTerm t) {
        return new Term(t.name(), t.weight(), t.value(), t.contribution());
    }

    private static Binding binding(BindingConstraint b) {
        return new Binding(b.code().name(), b.municipality(), b.used(), b.capacity(), b.dualPrice(), b.detail());
    }
}
