package no.bosetting.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Validation of the identifiers a person has over time: UDI's DUF number and the 11-digit
 * national identity number or D-number. Returns a message key for a specific error, or empty.
 */
public final class Identifiers {

    private static final int[] WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] WEIGHTS_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private Identifiers() {
    }

    public static Optional<String> dufNumberError(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("error.duf.missing");
        }
        if (!value.matches("\\d+")) {
            return Optional.of("error.duf.digits");
        }
        if (value.length() != 12) {
            return Optional.of("error.duf.length");
        }
        return Optional.empty();
    }

    /** Valid for both national identity numbers and D-numbers (first digit raised by 4). */
    public static Optional<String> elevenDigitError(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("error.nin.missing");
        }
        if (!value.matches("\\d+")) {
            return Optional.of("error.nin.digits");
        }
        if (value.length() != 11) {
            return Optional.of("error.nin.length");
        }
        int[] d = value.chars().map(c -> c - '0').toArray();
        int k1 = checkDigit(d, WEIGHTS_1);
        int k2 = checkDigit(d, WEIGHTS_2);
        if (k1 != d[9] || k2 != d[10]) {
            return Optional.of("error.nin.checksum");
        }
        if (birthDate(value).isEmpty()) {
            return Optional.of("error.nin.date");
        }
        return Optional.empty();
    }

    public static boolean isDNumber(String value) {
        return value != null && value.length() == 11 && value.charAt(0) >= '4' && value.charAt(0) <= '7';
    }

    /** The birth date encoded in a valid 11-digit number, century from the individual number. */
    public static Optional<LocalDate> birthDate(String value) {
        int day = Integer.parseInt(value.substring(0, 2));
        if (day > 40) {
            day -= 40;
        }
        int month = Integer.parseInt(value.substring(2, 4));
        int yy = Integer.parseInt(value.substring(4, 6));
        int individual = Integer.parseInt(value.substring(6, 9));
        int year;
        if (individual < 500) {
            year = 1900 + yy;
        } else if (individual < 750 && yy >= 54) {
            year = 1800 + yy;
        } else if (individual >= 900 && yy >= 40) {
            year = 1900 + yy;
        } else {
            year = 2000 + yy;
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Builds a valid number from the first nine digits; null when no valid check digits exist for them. */
    public static String withCheckDigits(String nineDigits) {
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = nineDigits.charAt(i) - '0';
        }
        int k1 = checkDigit(d, WEIGHTS_1);
        if (k1 == 10) {
            return null;
        }
        d[9] = k1;
        int k2 = checkDigit(d, WEIGHTS_2);
        if (k2 == 10) {
            return null;
        }
        return nineDigits + k1 + k2;
    }

    private static int checkDigit(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k;
    }
}
