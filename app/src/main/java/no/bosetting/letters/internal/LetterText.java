package no.bosetting.letters.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.bosetting.letters.LetterKind;
import no.bosetting.shared.FieldProblem;
import org.springframework.web.util.HtmlUtils;

/**
 * The template text format: blocks separated by a blank line, a block starting with "## " is a
 * heading, {@code {{name}}} is a placeholder. Rendering escapes the template and every value, so
 * neither a template nor a person's name can inject markup into a letter.
 */
public final class LetterText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]*)\\s*}}");
    public static final int MAX_LENGTH = 20_000;

    private LetterText() {
    }

    /** Problems with a title and body of a kind: unknown or malformed placeholders, a required one missing. */
    public static List<FieldProblem> validate(LetterKind kind, String title, String body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(FieldProblem.of("title", "letters.error.titleRequired"));
        } else if (title.length() > 300) {
            problems.add(FieldProblem.of("title", "letters.error.titleTooLong", 300));
        } else {
            placeholderProblem(kind, "title", title).ifPresent(problems::add);
        }
        if (body == null || body.isBlank()) {
            problems.add(FieldProblem.of("body", "letters.error.bodyRequired"));
            return problems;
        }
        if (body.length() > MAX_LENGTH) {
            problems.add(FieldProblem.of("body", "letters.error.bodyTooLong", MAX_LENGTH));
            return problems;
        }
        placeholderProblem(kind, "body", body).ifPresentOrElse(problems::add, () -> {
            Set<String> used = placeholders(title == null ? "" : title);
            used.addAll(placeholders(body));
            for (String required : kind.placeholders()) {
                if (kind.isRequired(required) && !used.contains(required)) {
                    problems.add(FieldProblem.of("body", "letters.error.requiredMissing", "{{" + required + "}}"));
                    break;
                }
            }
        });
        return problems;
    }

    private static java.util.Optional<FieldProblem> placeholderProblem(LetterKind kind, String field, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!kind.placeholders().contains(m.group(1))) {
                return java.util.Optional.of(FieldProblem.of(field, "letters.error.unknownPlaceholder", m.group(), allowed(kind)));
            }
        }
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            return java.util.Optional.of(FieldProblem.of(field, "letters.error.malformedPlaceholder"));
        }
        return java.util.Optional.empty();
    }

    static String allowed(LetterKind kind) {
        return String.join(", ", kind.placeholders().stream().map(p -> "{{" + p + "}}").toList());
    }

    public static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A line of text with placeholders filled, escaped for XHTML. */
    public static String inline(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            String value = values.get(m.group(1));
            out.append(escape(value == null ? "" : value).replace("\n", "<br/>"));
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    /** The body as XHTML blocks: headings and paragraphs, line breaks kept. */
    public static String blocks(String body, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String block : body.replace("\r\n", "\n").split("\n\\s*\n")) {
            String trimmed = block.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("## ")) {
                int newline = trimmed.indexOf('\n');
                String heading = newline < 0 ? trimmed.substring(3) : trimmed.substring(3, newline);
                out.append("<h2>").append(inline(heading.strip(), values)).append("</h2>\n");
                if (newline >= 0 && !trimmed.substring(newline + 1).isBlank()) {
                    out.append("<p>").append(inline(trimmed.substring(newline + 1).strip(), values).replace("\n", "<br/>")).append("</p>\n");
                }
            } else {
                out.append("<p>").append(inline(trimmed, values).replace("\n", "<br/>")).append("</p>\n");
            }
        }
        return out.toString();
    }

    static String escape(String s) {
        // XHTML: numeric entities only, so the XML parser of the PDF renderer accepts every character.
        return HtmlUtils.htmlEscapeDecimal(s, "UTF-8");
    }
}
