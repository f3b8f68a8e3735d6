package no.bosetting.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a submitted form into typed values, collecting a message key per field that could not be
 * read, so the page can show the problem next to the input and keep what the user typed.
 */
public final class FormReader {

    private final Map<String, String> form;
    private final Map<String, String> problems = new LinkedHashMap<>();

    public FormReader(Map<String, String> form) {
        this.form = form;
    }

    public String text(String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public boolean flag(String name) {
        String v = form.get(name);
        return "true".equals(v) || "on".equals(v);
    }

    public Integer integer(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            // People type thousands with spaces ("12 500"), also the non-breaking kind.
            return Integer.valueOf(v.replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            problems.putIfAbsent(name, "form.error.number");
            return null;
        }
    }

    /** An id from a hidden field or a select; a malformed one reads as absent, the command then says what is missing. */
    public Long id(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public LocalDate date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.putIfAbsent(name, "form.error.date");
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            problems.putIfAbsent(name, "form.error.choose");
            return null;
        }
    }

    /** Fields that could not be read → message key. */
    public Map<String, String> problems() {
        return problems;
    }
}
