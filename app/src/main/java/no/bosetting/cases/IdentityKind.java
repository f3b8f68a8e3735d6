package no.bosetting.cases;

import java.util.Optional;

import no.bosetting.shared.Identifiers;

/**
 * The identity numbers a person has over time: UDI's DUF number, a D-number (the first digit raised by 4) and the
 * national identity number (fødselsnummer), the last two with both mod-11 control digits ({@link Identifiers}).
 */
public enum IdentityKind {
    DUF,
    D_NUMBER,
    NATIONAL_ID;

    /** The message key of the first thing wrong with {@code value} as a number of this kind, or empty. */
    public Optional<String> error(String value) {
        if (this == DUF) {
            return Identifiers.dufNumberError(value);
        }
        Optional<String> digits = Identifiers.elevenDigitError(value);
        if (digits.isPresent()) {
            return digits;
        }
        if (this == D_NUMBER && !Identifiers.isDNumber(value)) {
            return Optional.of("error.dnumber.notDNumber");
        }
        if (this == NATIONAL_ID && Identifiers.isDNumber(value)) {
            return Optional.of("error.nin.isDNumber");
        }
        return Optional.empty();
    }

    /** The number as typed, without spaces. */
    public static String normalise(String value) {
        return value == null ? null : value.replace(" ", "").trim();
    }
}
