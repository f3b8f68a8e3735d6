package no.bosetting.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest {

    @Test
    void dufNumberMustBeTwelveDigits() {
        assertThat(Identifiers.dufNumberError("201912345678")).isEmpty();
        assertThat(Identifiers.dufNumberError("20191234567")).contains("error.duf.length");
        assertThat(Identifiers.dufNumberError("2019-1234567")).contains("error.duf.digits");
        assertThat(Identifiers.dufNumberError(" ")).contains("error.duf.missing");
    }

    @Test
    void nationalIdentityNumbersAreCheckedWithBothMod11Digits() {
        String valid = firstValid("010190");
        assertThat(valid).isNotNull();
        assertThat(Identifiers.elevenDigitError(valid)).isEmpty();
        String wrongFirst = valid.substring(0, 9) + ((valid.charAt(9) - '0' + 1) % 10) + valid.charAt(10);
        assertThat(Identifiers.elevenDigitError(wrongFirst)).contains("error.nin.checksum");
        String wrongSecond = valid.substring(0, 10) + ((valid.charAt(10) - '0' + 1) % 10);
        assertThat(Identifiers.elevenDigitError(wrongSecond)).contains("error.nin.checksum");
        assertThat(Identifiers.elevenDigitError("0101901234")).contains("error.nin.length");
        assertThat(Identifiers.elevenDigitError("0101901234x")).contains("error.nin.digits");
        assertThat(Identifiers.birthDate(valid)).contains(LocalDate.of(1990, 1, 1));
    }

    @Test
    void dNumbersHaveFourAddedToTheFirstDigitAndValidCheckDigits() {
        String d = firstValid("410190");
        assertThat(d).isNotNull();
        assertThat(Identifiers.elevenDigitError(d)).isEmpty();
        assertThat(Identifiers.isDNumber(d)).isTrue();
        assertThat(Identifiers.birthDate(d)).contains(LocalDate.of(1990, 1, 1));
        assertThat(Identifiers.isDNumber(firstValid("010190"))).isFalse();
    }

    @Test
    void impossibleDatesAreRefused() {
        assertThat(Identifiers.elevenDigitError(firstValid("321390"))).contains("error.nin.date");
    }

    @Test
    void aboutOneInFiveCandidateNumbersHasNoValidCheckDigits() {
        long valid = java.util.stream.IntStream.range(0, 1000)
                .filter(i -> Identifiers.withCheckDigits("010190" + String.format("%03d", i)) != null).count();
        assertThat(valid).isBetween(750L, 900L);
    }

    /** The first individual number (000–499) that gives valid check digits for a birth date prefix. */
    private static String firstValid(String ddmmyy) {
        for (int i = 0; i < 500; i++) {
            String n = Identifiers.withCheckDigits(ddmmyy + String.format("%03d", i));
            if (n != null) {
                return n;
            }
        }
        throw new IllegalStateException("no valid number for " + ddmmyy);
    }
}
