package no.bosetting.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.FieldProblem;
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

    public String get(String key, Object... args) {
        return source.getMessage(key, args, key, locale());
    }

    public String of(CommandFailure failure) {
        return source.getMessage(failure.messageKey(), failure.args().toArray(), failure.messageKey(), locale());
    }

    public String of(FieldProblem problem) {
        return source.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(), locale());
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
