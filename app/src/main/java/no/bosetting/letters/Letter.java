package no.bosetting.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A generated letter (without its file). {@code templates} names the template versions it was written
 * from; {@code current} is false for an earlier version of the same letter.
 */
public record Letter(long id, LetterKind kind, long caseId, Long personId, String municipalityNumber, String recipient, String recipientName, String title,
                     String languages, String languageBasis, int version, LocalDate plannedDate, OffsetDateTime createdAt,
                     String createdBy, String templates, boolean current) {

    /** One template a letter was written from, for pages: its language code (worded by {@code letters.lang.*}) and version. */
    public record TemplateUsed(String language, int version) {
    }

    /** The letter's languages, in order ({@code nb}, {@code uk}), for pages to word. */
    public List<String> languageCodes() {
        return languages == null || languages.isBlank() ? List.of() : List.of(languages.split(","));
    }

    /** {@link #templates} ("DECISION/nb v1, DECISION/uk v2") as languages and versions, so pages never show the code. */
    public List<TemplateUsed> templatesUsed() {
        List<TemplateUsed> used = new ArrayList<>();
        if (templates == null) {
            return used;
        }
        Matcher m = TEMPLATE.matcher(templates);
        while (m.find()) {
            used.add(new TemplateUsed(m.group(1), Integer.parseInt(m.group(2))));
        }
        return used;
    }

    private static final Pattern TEMPLATE = Pattern.compile("[A-Z_]+/([a-z]+) v(\\d+)");
}
