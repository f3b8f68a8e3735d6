package no.bosetting.letters;

import java.time.OffsetDateTime;

/** One saved version of a letter template; the newest version of a kind and language is in use. */
public record LetterTemplate(long id, LetterKind kind, String language, int version, String title, String body,
                             OffsetDateTime createdAt, String createdBy) {

    public String label() {
        return kind.name() + "/" + language + " v" + version;
    }
}
