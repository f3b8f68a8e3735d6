package no.bosetting.allocation;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import no.bosetting.allocation.engine.Explanation;
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
        return new Worded(summary, terms, bindings, runnerUp, false);
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
