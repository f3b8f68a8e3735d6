package no.bosetting.allocation;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import no.bosetting.allocation.engine.Explanation;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.allocation.engine.ScoreTerm;
import no.bosetting.allocation.engine.Scorer;
import no.bosetting.allocation.engine.UnassignedReason;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.StoredExplanations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Words the engine's explanations from their data through the allocation message bundle (bokmål, English),
 * never from the engine's English sentences. Explanations are stored as {@link StoredExplanation} JSON with
 * the policy version; older explanations stored as plain text are shown as they were.
 */
@Component
public class AllocationExplanations implements StoredExplanations {

    /** The code of "left out for a restricted reason": no municipality named, no reason given (issue 18 item 3). */
    static final String RESTRICTED = "RESTRICTED";

    /** Terms that contribute less than this are left out of the wording (they round to 0.00). */
    static final double SMALLEST_TERM = 0.005;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MessageSource messages;
    private final Municipalities municipalities;

    public AllocationExplanations(MessageSource messages, Municipalities municipalities) {
        this.messages = messages;
        this.municipalities = municipalities;
    }

    /** Score differences smaller than this are equal (they round to 0.00 when shown). */
    static final double EQUAL = 0.005;

    /**
     * Stores the explanations of one round with what only the round knows (see {@link StoredExplanation#of(Explanation,
     * String, int, List, List, List, boolean)}): the scorer is built once for the round.
     */
    public RoundExplainer forRound(RoundBuilder.Round round, Policy policy) {
        return new RoundExplainer(round, policy, new Scorer(policy, round.instance()));
    }

    /** Stores each household's explanation of one round. */
    public final class RoundExplainer {
        private final RoundBuilder.Round round;
        private final Policy policy;
        private final Scorer scorer;
        private final Map<String, Integer> householdIndex = new HashMap<>();

        private RoundExplainer(RoundBuilder.Round round, Policy policy, Scorer scorer) {
            this.round = round;
            this.policy = policy;
            this.scorer = scorer;
            List<Household> hs = round.instance().households();
            for (int h = 0; h < hs.size(); h++) {
                householdIndex.put(hs.get(h).id(), h);
            }
        }

        public String store(String householdId, Explanation e) {
            return JSON.writeValueAsString(explain(householdId, e));
        }

        StoredExplanation explain(String householdId, Explanation e) {
            Integer h = householdIndex.get(householdId);
            int m = scorer.municipalityIndex(e.municipality());
            if (h == null || m < 0) {
                return StoredExplanation.of(e, policy.name(), policy.version());
            }
            List<Municipality> ms = round.instance().municipalities();
            List<ScoreTerm> runnerTerms = List.of();
            if (e.runnerUpDetail() != null && scorer.municipalityIndex(e.runnerUpDetail().municipality()) >= 0) {
                runnerTerms = scorer.terms(h, scorer.municipalityIndex(e.runnerUpDetail().municipality()));
            }
            double here = scorer.score(h, m);
            List<StoredExplanation.Excluded> excluded = new ArrayList<>();
            Set<String> restricted = round.restrictedFor(householdId);
            boolean restrictedBetter = false;
            for (int j = 0; j < ms.size(); j++) {
                UnassignedReason.Code code = j == m ? null : scorer.ineligibility(h, j);
                if (code != null && restricted.contains(ms.get(j).number())) {
                    // Excluded for a restricted reason (issue 18 item 3): neither the municipality nor the reason is named.
                    restrictedBetter |= scorer.score(h, j) > here + EQUAL;
                    continue;
                }
                // A household bound to its close family's (or job's) municipality has every other one excluded by that
                // one rule, which its own reason already says.
                if (code != null && code != UnassignedReason.Code.CLOSE_FAMILY_MUNICIPALITY_UNSUITABLE
                        && scorer.score(h, j) > here + EQUAL) {
                    excluded.add(new StoredExplanation.Excluded(ms.get(j).number(), scorer.score(h, j), code.name()));
                }
            }
            excluded.sort(Comparator.comparingDouble(StoredExplanation.Excluded::score).reversed()
                    .thenComparing(StoredExplanation.Excluded::municipality));
            List<String> fallbacks = new ArrayList<>();
            if (round.labourFallback().contains(e.municipality())) {
                fallbacks.add("labourMarket");
            }
            if (round.educationFallback().contains(e.municipality())) {
                fallbacks.add("education");
            }
            List<StoredExplanation.Excluded> shown = new ArrayList<>(excluded.subList(0, Math.min(StoredExplanation.MAX_EXCLUDED, excluded.size())));
            if (restrictedBetter) {
                shown.add(new StoredExplanation.Excluded(null, here, RESTRICTED));
            }
            return StoredExplanation.of(e, policy.name(), policy.version(), runnerTerms, shown, fallbacks,
                    round.boundByJob().contains(householdId));
        }
    }

    /** The explanation as stored with a run item and a sent proposal. */
    public String store(Explanation explanation, String policyName, int policyVersion) {
        return JSON.writeValueAsString(StoredExplanation.of(explanation, policyName, policyVersion));
    }

    /** The structured explanation, or empty for nothing stored or an older plain-text explanation. */
    public Optional<StoredExplanation> read(String stored) {
        if (stored == null || !stored.startsWith("{")) {
            return Optional.empty();
        }
        try {
            StoredExplanation s = JSON.readValue(stored, StoredExplanation.class);
            return StoredExplanation.FORMAT.equals(s.format()) ? Optional.of(s) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    @Override
    public Worded word(String stored, Locale locale) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        return read(stored).map(s -> word(s, locale))
                .orElseGet(() -> new Worded(stored, List.of(), List.of(), null, true));
    }

    public Worded word(StoredExplanation s, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        String summary = text(locale, "explain.summary", number.format(s.score()), name(s.municipality()),
                s.policyName(), String.valueOf(s.policyVersion()));
        List<String> terms = new ArrayList<>();
        for (StoredExplanation.Term t : s.terms()) {
            if (Math.abs(t.contribution()) < SMALLEST_TERM) {
                continue;
            }
            String label = messages.getMessage("term." + t.code(), null, null, locale);
            terms.add(text(locale, "explain.term", label == null ? text(locale, "explain.term.other") : label,
                    signed(number, t.contribution()), number.format(t.weight()), number.format(t.value())));
        }
        List<String> bindings = new ArrayList<>();
        for (StoredExplanation.Binding b : s.bindings()) {
            bindings.add(binding(b, number, locale));
        }
        String runnerUp = null;
        StoredExplanation.Runner r = s.runnerUp();
        if (r != null) {
            String key = "CAPACITY_WORTH_MORE_TO_OTHERS".equals(r.reason()) ? "explain.runnerUp.CAPACITY_WORTH_MORE_TO_OTHERS"
                    : "explain.runnerUp.LOWER_SCORE";
            runnerUp = text(locale, key, name(r.municipality()), number.format(r.score()), number.format(r.dualPrice()),
                    number.format(r.netThere()), number.format(r.netHere()));
        }
        if (r != null && Math.abs(r.score() - s.score()) < EQUAL) {
            runnerUp = text(locale, "explain.runnerUp.EQUAL", name(r.municipality()), number.format(r.score()));
        }
        return new Worded(summary, terms, bindings, runnerUp, false, reasons(s, locale));
    }

    /**
     * The deciding reasons in plain words (issue 23 item 2): the household's own hard rules (close family, a binding job
     * offer, a together-group, a caseworker's choice); then what made this municipality better than the runner-up, or
     * that the two were equal, or that the runner-up's places were needed by others; then the better municipalities a
     * hard rule excluded for this household; then an indicator the municipality had no data for. The chosen
     * municipality's own places are never a reason: they are used up because the household was placed there.
     */
    public List<String> reasons(StoredExplanation s, Locale locale) {
        List<String> reasons = new ArrayList<>();
        boolean bound = false;
        for (StoredExplanation.Binding b : s.bindings()) {
            switch (b.code()) {
                case "CLOSE_FAMILY" -> {
                    bound = true;
                    reasons.add(StoredExplanation.JOB.equals(b.detail())
                            ? text(locale, "reason.job.binds", name(b.municipality()))
                            : text(locale, "reason.closeFamily", name(b.municipality())));
                }
                case "TOGETHER_GROUP" -> reasons.add(text(locale, "reason.together"));
                case "PINNED" -> {
                    bound = true;
                    reasons.add(text(locale, "reason.pinned"));
                }
                default -> {
                    // The chosen municipality's places, minors places and dwellings: a consequence, not a reason.
                }
            }
        }
        StoredExplanation.Runner r = s.runnerUp();
        if (bound) {
            // Close family, a binding job offer or the caseworker decided; the runner-up did not.
        } else if (r == null) {
            reasons.add(text(locale, "reason.onlyOne"));
        } else if (Math.abs(r.score() - s.score()) < EQUAL) {
            reasons.add(text(locale, "reason.equal", name(r.municipality())));
        } else if (r.score() > s.score()) {
            reasons.add(text(locale, "reason.runnerUpNeededByOthers", name(r.municipality())));
        } else {
            List<String> better = betterTerms(s.terms(), r.terms(), locale);
            reasons.add(better.isEmpty() ? text(locale, "reason.better", name(r.municipality()))
                    : text(locale, "reason.betterBecause", name(r.municipality()), joined(better, locale)));
        }
        for (StoredExplanation.Excluded x : s.excluded()) {
            if (RESTRICTED.equals(x.code())) {
                reasons.add(text(locale, "reason.restricted"));
                continue;
            }
            reasons.add(text(locale, "reason.excluded", name(x.municipality()), text(locale, "reason.excluded." + x.code())));
        }
        for (String f : s.fallbacks()) {
            reasons.add(text(locale, "reason.fallback." + f));
        }
        return reasons;
    }

    /** The terms that count more here than at the runner-up, largest difference first, as plain words. */
    private List<String> betterTerms(List<StoredExplanation.Term> here, List<StoredExplanation.Term> there, Locale locale) {
        Map<String, Double> diff = new LinkedHashMap<>();
        for (StoredExplanation.Term t : here) {
            diff.merge(t.code(), t.contribution(), Double::sum);
        }
        for (StoredExplanation.Term t : there) {
            diff.merge(t.code(), -t.contribution(), Double::sum);
        }
        return diff.entrySet().stream().filter(e -> e.getValue() >= EQUAL)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
                .map(e -> messages.getMessage("reason.term." + e.getKey(), null, text(locale, "reason.term.other"), locale))
                .toList();
    }

    private String joined(List<String> parts, Locale locale) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + text(locale, "reason.and") + " "
                + parts.get(parts.size() - 1);
    }

    private String binding(StoredExplanation.Binding b, NumberFormat number, Locale locale) {
        String used = Integer.toString(b.used());
        String capacity = Integer.toString(b.capacity());
        String detail = b.detail() == null ? "" : b.detail();
        return switch (b.code()) {
            case "CAPACITY" -> b.used() >= b.capacity()
                    ? text(locale, "explain.binding.CAPACITY.full", used, capacity)
                    : text(locale, "explain.binding.CAPACITY", used, capacity, number.format(b.dualPrice()));
            case "MINOR_PLACES" -> text(locale, "explain.binding.MINOR_PLACES", used, capacity);
            case "LARGE_DWELLINGS" -> text(locale, "explain.binding.LARGE_DWELLINGS", used, capacity, detail);
            case "TOGETHER_GROUP" -> text(locale, "explain.binding.TOGETHER_GROUP", detail);
            case "CLOSE_FAMILY" -> text(locale, "explain.binding.CLOSE_FAMILY", name(b.municipality()));
            case "PINNED" -> text(locale, "explain.binding.PINNED");
            default -> text(locale, "explain.binding.other");
        };
    }

    private String name(String municipalityNumber) {
        return municipalityNumber == null ? "" : municipalities.name(municipalityNumber);
    }

    private static String signed(NumberFormat number, double x) {
        return (x > 0 ? "+" : "") + number.format(x);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
