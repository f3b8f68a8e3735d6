package no.bosetting.selfsettlement.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a submitted form into typed values, collecting a message key per field that could not be read. */
final class FormReader {

    private final Map<String, String> form;
    private final Map<String, String> problems = new LinkedHashMap<>();

    FormReader(Map<String, String> form) {
        this.form = form;
    }

    String text(String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    boolean flag(String name) {
        String v = form.get(name);
        return "true".equals(v) || "on".equals(v);
    }

    Integer integer(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            problems.putIfAbsent(name, "selfsettlement.error.number");
            return null;
        }
    }

    Long id(String name) {
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

    LocalDate date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.putIfAbsent(name, "selfsettlement.error.date");
            return null;
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            problems.putIfAbsent(name, "selfsettlement.error.choose");
            return null;
        }
    }

    Map<String, String> problems() {
        return problems;
    }
}
