package no.bosetting.cases.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.bosetting.cases.AccompanyingAdult;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.IdentityKind;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stored history lines in words on the page (issue 16 point 6): some lines keep a code in the stored text (household
 * type, living situation, relation, identity kind, permit type — written so before this layer, and still so where the
 * record is read back by code), and every line written before the writers used words. The page shows each such code in
 * the reader's language: {@code ${@historyWords.of(h.reason())}}. Only whole tokens that are a constant of exactly one
 * of these enums and look like one (an underscore, or five letters or more) are replaced; AMOT, MAMOT and DUF are
 * abbreviations people write and stay as they are.
 */
@Component("historyWords")
public class HistoryWords {

    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_\\-])[A-Z][A-Z0-9_]{3,}(?![A-Za-z0-9_\\-])");
    private static final Set<String> ABBREVIATIONS = Set.of("AMOT", "MAMOT", "DUF");

    private final MessageSource messages;
    private final Map<String, String> keys = new HashMap<>();

    HistoryWords(MessageSource messages) {
        this.messages = messages;
        Set<String> ambiguous = new HashSet<>();
        add(HouseholdType.values(), "household.", ambiguous);
        add(LivingSituation.values(), "living.", ambiguous);
        add(Relation.values(), "relation.", ambiguous);
        add(IdentityKind.values(), "identityKind.", ambiguous);
        add(PermitType.values(), "permit.", ambiguous);
        add(AccompanyingAdult.Kind.values(), "accompanying.kind.", ambiguous);
        ambiguous.forEach(keys::remove);
    }

    private void add(Enum<?>[] constants, String prefix, Set<String> ambiguous) {
        for (Enum<?> c : constants) {
            String name = c.name();
            if (ABBREVIATIONS.contains(name) || !(name.contains("_") || name.length() >= 5)) {
                continue;
            }
            if (keys.putIfAbsent(name, prefix + name) != null) {
                ambiguous.add(name);
            }
        }
    }

    /** The text with every such code in words. */
    public String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = keys.get(m.group());
            String word = key == null ? m.group()
                    : messages.getMessage(key, null, m.group(), LocaleContextHolder.getLocale());
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        return m.appendTail(out).toString();
    }
}
