package no.bosetting.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation of contact details that arrive from outside (imports, forms): an e-mail address of the
 * usual form and a phone number of digits. Returns a message key for a specific error, or empty.
 * Neither may begin with a character a spreadsheet would read as a formula ({@code = + - @}) —
 * except the leading {@code +} of an international phone number.
 */
public final class ContactDetails {

    public static final int MAX_EMAIL = 254;

    /**
     * The WHATWG HTML "valid e-mail address" (what a browser's {@code type=email} accepts), with a dot in the
     * domain: no spaces, quotes, parentheses or commas, so {@code =HYPERLINK("…")} can never pass.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                    + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,29}");

    private ContactDetails() {
    }

    public static Optional<String> emailError(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() > MAX_EMAIL || !EMAIL.matcher(v).matches() || "=+-@".indexOf(v.charAt(0)) >= 0) {
            return Optional.of("error.email.invalid");
        }
        return Optional.empty();
    }

    public static Optional<String> phoneError(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return PHONE.matcher(value.strip()).matches() ? Optional.empty() : Optional.of("error.phone.invalid");
    }
}
