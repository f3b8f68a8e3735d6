package no.bosetting.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.ShownDates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves failures and field problems to text in the user's language. */
@Component
public class Messages {

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    /** The text of the key, dates among the arguments written as people read them (ShownDates). */
    public String get(String key, Object... args) {
        return source.getMessage(key, ShownDates.inMessage(args), key, locale());
    }

    public String of(CommandFailure failure) {
        return get(failure.messageKey(), failure.args().toArray());
    }

    public String of(FieldProblem problem) {
        return get(problem.messageKey(), problem.args().toArray());
    }

    /** Field name → message, first problem per field, in order. */
    public Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            map.putIfAbsent(p.field(), of(p));
        }
        return map;
    }

    /** A failure as a one-entry field map, so forms can show it next to the input at fault. */
    public Map<String, String> byField(CommandFailure failure) {
        String field = failure instanceof CommandFailure.RuleBroken r && r.field() != null ? r.field() : "";
        return Map.of(field, of(failure));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
