package no.bosetting.shared.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A text to be worded later in the reader's language: a message key of the i18n bundles and its arguments. An
 * argument is a string, already formatted by the caller (a reference, a municipality's name, a date as dd.MM.yyyy, a
 * count written with {@link String#valueOf(int)}, so no locale's number format ever turns a year into "2 026"), or a
 * nested wording, worded in the same language first. {@link #join} puts parts one after another, for a text made of
 * optional sentences.
 *
 * <p>A notification is stored with its Norwegian text (the e-mail copy and the record) and its wordings, so
 * {@link Notifications} shows it in the language of the page it is read on. A proposal under two-step control keeps
 * its change summary the same way (the approvals module, V57).
 */
public record Wording(String key, List<Object> args) {

    /** The key of a wording that is its arguments one after another. */
    public static final String JOIN = "+";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Wording.class);

    public Wording {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A wording needs a message key");
        }
        List<Object> checked = new ArrayList<>();
        for (Object a : args) {
            checked.add(argument(a));
        }
        args = List.copyOf(checked);
    }

    private static Object argument(Object a) {
        if (a == null) {
            return "";
        }
        if (a instanceof String || a instanceof Wording || a instanceof java.math.BigInteger) {
            return a;
        }
        if (a instanceof Integer || a instanceof Long) {
            return String.valueOf(a); // never grouped: 2026, not "2 026"
        }
        throw new IllegalArgumentException("A wording's argument is a formatted string or a wording, not " + a.getClass());
    }

    /** The message {@code key} with its arguments: strings (already formatted), whole numbers, or wordings. */
    public static Wording of(String key, Object... args) {
        return new Wording(key, java.util.Arrays.asList(args));
    }

    /**
     * A date as every page shows it (dd.MM.yyyy, issue 16 point 1), the same in every language; empty for none. Not the
     * ISO form a {@code LocalDate} prints, which notifications showed before.
     */
    public static String date(java.time.LocalDate date) {
        return no.bosetting.shared.ShownDates.date(date);
    }

    /**
     * A count kept as a number, for a message that writes one and many differently ({@code {0,choice,1#1 husstand|1<{0}
     * husstander}}); a plain whole number argument is stored as its text, so that a year is never grouped.
     */
    public static java.math.BigInteger count(long n) {
        return java.math.BigInteger.valueOf(n);
    }

    /** The parts one after another: strings as they are, wordings worded. */
    public static Wording join(Object... parts) {
        return of(JOIN, parts);
    }

    /** The text in {@code locale}. */
    public String in(MessageSource messages, Locale locale) {
        StringBuilder joined = new StringBuilder();
        Object[] worded = new Object[args.size()];
        for (int i = 0; i < worded.length; i++) {
            Object a = args.get(i);
            worded[i] = a instanceof Wording w ? w.in(messages, locale) : a;
            joined.append(worded[i]);
        }
        if (JOIN.equals(key)) {
            return joined.toString();
        }
        try {
            return messages.getMessage(key, worded, locale);
        } catch (IllegalArgumentException textWhereANumberIsWanted) {
            // A row stored before its message counted one and many apart ({0,choice,...}) has the count as text.
            Object[] counted = worded.clone();
            for (int i = 0; i < counted.length; i++) {
                if (counted[i] instanceof String t && t.matches("-?\\d{1,18}")) {
                    counted[i] = count(Long.parseLong(t));
                }
            }
            return messages.getMessage(key, counted, locale);
        }
    }

    /**
     * The text in {@code locale}, or {@code stored} (the Norwegian text kept beside the wording) when a key has gone
     * from the message files or an argument no longer fits its message: a reader sees the stored text, not an error.
     */
    public String inOr(MessageSource messages, Locale locale, String stored) {
        try {
            return in(messages, locale);
        } catch (org.springframework.context.NoSuchMessageException | IllegalArgumentException e) {
            LOG.warn("Wording {} could not be worded in {}; showing the stored text: {}", key, locale, e.toString());
            return stored;
        }
    }

    /**
     * A stored row's text in {@code locale}: worded again from its key and arguments, or its stored text when it has no
     * key (a row from before the keys) or they cannot be read or worded.
     */
    public static String storedIn(String key, String argsJson, String stored, MessageSource messages, Locale locale) {
        if (key == null) {
            return stored;
        }
        try {
            return stored(key, argsJson).inOr(messages, locale, stored);
        } catch (IllegalStateException unreadable) {
            LOG.warn("Wording {} has unreadable arguments; showing the stored text: {}", key, unreadable.toString());
            return stored;
        }
    }

    /**
     * The arguments as stored: a JSON array of strings and {@code {"key", "args"}} objects (the outbox and notification
     * rows, V55; an approval's change summary, V57).
     */
    public String argsJson() {
        try {
            return JSON.writeValueAsString(toJson(args));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The wording stored as {@code key} and {@code argsJson}; null when there is no key (a row from before V55, or an
     * approval from before V57). Unreadable arguments throw {@link IllegalStateException}.
     */
    public static Wording stored(String key, String argsJson) {
        if (key == null) {
            return null;
        }
        try {
            return new Wording(key, fromJson(argsJson == null ? JSON.createArrayNode() : JSON.readTree(argsJson)));
        } catch (JacksonException e) {
            throw new IllegalStateException("Unreadable wording arguments for " + key, e);
        }
    }

    private static ArrayNode toJson(List<Object> args) {
        ArrayNode array = JSON.createArrayNode();
        for (Object a : args) {
            if (a instanceof Wording w) {
                ObjectNode node = array.addObject();
                node.put("key", w.key());
                node.set("args", toJson(w.args()));
            } else if (a instanceof java.math.BigInteger count) {
                array.add(count);
            } else {
                array.add((String) a);
            }
        }
        return array;
    }

    private static List<Object> fromJson(JsonNode array) {
        List<Object> args = new ArrayList<>();
        for (JsonNode a : array) {
            args.add(a.isObject() ? new Wording(a.get("key").asString(), fromJson(a.path("args")))
                    : a.isNumber() ? a.bigIntegerValue() : a.asString());
        }
        return args;
    }
}
