package no.bosetting.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Codes in words for texts that are stored, not shown through a template: history lines and notices are written in
 * Norwegian (bokmål) once, so they take the same words the pages use from the message files — never an enum name
 * (issue 16 point 6).
 */
@Component
public class Words {

    private static final Locale BOKMAL = Locale.forLanguageTag("nb");

    private final MessageSource messages;

    public Words(MessageSource messages) {
        this.messages = messages;
    }

    /** The bokmål text of a message with its arguments, dates written as people read them. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, ShownDates.inMessage(args), BOKMAL);
    }

    /** The bokmål text of {@code prefix + code}, e.g. {@code nb("permit.", PermitType.ASYLUM)}; the code itself if there is none. */
    public String nb(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> e ? e.name() : code.toString();
        return messages.getMessage(prefix + name, null, name, BOKMAL);
    }
}
