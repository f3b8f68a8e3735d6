package no.bosetting.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a submitted form into typed values, collecting a message key per field that could not be
 * read, so the page can show the problem next to the input and keep what the user typed.
 *
 * <p>The one way a web controller reads a form: take {@code @RequestParam Map<String, String> form}, read each
 * field with the method for its type, and show {@link #errors(Messages)} (field → message in the user's
 * language) next to the fields, with {@code form} as the values to show again. Each field keeps its first problem.
 * Numbers may be typed with spaces between the thousands ("12 500"), decimals with a comma ("1,5") or a point,
 * dates as {@code 2026-05-17} (what a date input sends) or {@code 17.5.2026}. Blank reads as absent
 * ({@code null}) unless the method says otherwise.
 */
public final class FormReader {

    // Browsers without a date picker send what the user typed; Norwegians type dd.mm.åååå. Strict: 31.02 is no date.
    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");

    private final Map<String, String> form;
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Map<String, Object[]> problemArgs = new LinkedHashMap<>();

    public FormReader(Map<String, String> form) {
        this.form = form;
    }

    public String text(String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The field exactly as sent ({@code null} when absent), for text whose spaces matter. */
    public String raw(String name) {
        return form.get(name);
    }

    /** Whether the field was sent at all (a checkbox that is ticked, whatever its value). */
    public boolean has(String name) {
        return form.containsKey(name);
    }

    public boolean flag(String name) {
        String v = form.get(name);
        return "true".equals(v) || "on".equals(v);
    }

    /** A yes/no choice sent as {@code true}/{@code false}; blank is no answer ({@code null}). */
    public Boolean yesNo(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        if ("true".equals(v)) {
            return Boolean.TRUE;
        }
        if ("false".equals(v)) {
            return Boolean.FALSE;
        }
        problem(name, "form.error.choose");
        return null;
    }

    public Integer integer(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            // People type thousands with spaces ("12 500"), also the non-breaking kind.
            return Integer.valueOf(withoutSpaces(v));
        } catch (NumberFormatException e) {
            problems.putIfAbsent(name, "form.error.number");
            return null;
        }
    }

    /** A whole number that must be filled in: blank is a problem ("enter a number"). */
    public Integer requiredInteger(String name) {
        if (text(name) == null) {
            problem(name, "form.error.numberRequired");
            return null;
        }
        return integer(name);
    }

    /**
     * A whole number that must be filled in, with the field's own message (say, the range it must lie in) when it
     * is blank or cannot be read.
     */
    public Integer requiredInteger(String name, String messageKey, Object... args) {
        String v = text(name);
        Integer i = null;
        if (v != null) {
            try {
                i = Integer.valueOf(withoutSpaces(v));
            } catch (NumberFormatException e) {
                i = null;
            }
        }
        if (i == null) {
            problem(name, messageKey, args);
        }
        return i;
    }

    /** A whole number, {@code whenBlank} when the field is left empty (or cannot be read; the problem is noted). */
    public int integer(String name, int whenBlank) {
        Integer v = integer(name);
        return v == null ? whenBlank : v;
    }

    /** A decimal number, with a comma or a point ("1,5", "0.25", "12 500,75"). */
    public BigDecimal decimal(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        String digits = withoutSpaces(v);
        if (!DECIMAL.matcher(digits).matches()) {
            problem(name, "form.error.decimal", v);
            return null;
        }
        return new BigDecimal(digits.replace(',', '.'));
    }

    /** A decimal number that must be filled in: blank is a problem ("enter a number"). */
    public BigDecimal requiredDecimal(String name) {
        if (text(name) == null) {
            problem(name, "form.error.numberRequired");
            return null;
        }
        return decimal(name);
    }

    /**
     * A decimal number that must be filled in, with the field's own message (say, the range it must lie in) when it
     * is blank or cannot be read.
     */
    public BigDecimal requiredDecimal(String name, String messageKey, Object... args) {
        String v = text(name);
        BigDecimal d = v == null || !DECIMAL.matcher(withoutSpaces(v)).matches() ? null : decimal(name);
        if (d == null) {
            problem(name, messageKey, args);
        }
        return d;
    }

    /** A decimal as {@code double}, {@code whenBlank} when the field is left empty (or cannot be read; the problem is noted). */
    public double decimal(String name, double whenBlank) {
        BigDecimal v = decimal(name);
        return v == null ? whenBlank : v.doubleValue();
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
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(v, NORWEGIAN_DATE);
            } catch (DateTimeParseException notNorwegian) {
                problems.putIfAbsent(name, "form.error.date");
                return null;
            }
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

    /** Notes a problem with a field the page checks itself (the field's first problem is kept). */
    public void problem(String name, String messageKey, Object... args) {
        if (problems.putIfAbsent(name, messageKey) == null) {
            problemArgs.put(name, args);
        }
    }

    /** Whether every field read so far could be read. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Fields that could not be read → message key. */
    public Map<String, String> problems() {
        return problems;
    }

    /** Fields that could not be read → the message to show next to the field, in the user's language. */
    public Map<String, String> errors(Messages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((name, key) -> errors.put(name, messages.get(key, problemArgs.getOrDefault(name, new Object[0]))));
        return errors;
    }

    private static String withoutSpaces(String v) {
        return v.replace(" ", "").replace("\u00a0", "");
    }
}
