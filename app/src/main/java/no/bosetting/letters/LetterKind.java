package no.bosetting.letters;

import java.util.List;
import java.util.Set;

/**
 * The kinds of letter, the languages each is written in, and the placeholders its templates may use
 * ({@code allowed}) and must use ({@code required}).
 */
public enum LetterKind {

    /** The decision on settlement municipality, to each person. */
    DECISION(List.of("nb", "en", "uk"),
            List.of("navn", "fodselsdato", "duf", "kommune", "planlagtDato", "saksreferanse", "dato"),
            Set.of("navn", "kommune", "planlagtDato")),
    /** To the municipality about the agreed settlement of a household. */
    MUNICIPALITY_AGREEMENT(List.of("nb"),
            List.of("kommune", "saksreferanse", "antall", "personer", "planlagtDato", "dato"),
            Set.of("kommune", "saksreferanse", "personer")),
    /**
     * The first letter after the permit, to each adult of the household: what comes next — the settlement interview,
     * the window for agreed self-settlement, the duty to apply within six months when living privately, and rights
     * (report 004 lines 29–31; report 002 around lines 6375–6379). A language without a template falls back to bokmål
     * and English, and the letter says so.
     */
    FIRST_LETTER(List.of("nb", "en", "uk"),
            List.of("navn", "duf", "saksreferanse", "dato", "tillatelsesdato", "samtale", "selvbosetting", "soknadsfrist"),
            Set.of("navn", "samtale", "selvbosetting", "soknadsfrist"));

    private final List<String> languages;
    private final List<String> placeholders;
    private final Set<String> required;

    LetterKind(List<String> languages, List<String> placeholders, Set<String> required) {
        this.languages = languages;
        this.placeholders = placeholders;
        this.required = required;
    }

    public List<String> languages() {
        return languages;
    }

    public List<String> placeholders() {
        return placeholders;
    }

    public Set<String> required() {
        return required;
    }

    public boolean isRequired(String placeholder) {
        return required.contains(placeholder);
    }

    /** The kind named by {@code name}, or null for anything else (request parameters). */
    public static LetterKind parse(String name) {
        for (LetterKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
