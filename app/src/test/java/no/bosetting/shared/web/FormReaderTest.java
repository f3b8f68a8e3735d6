package no.bosetting.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one way a form is read: typed values, and a message in the user's language next to each field that is wrong. */
class FormReaderTest {

    private static Messages messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/common");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Messages(source);
    }

    private static FormReader form(String... nameValue) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            form.put(nameValue[i], nameValue[i + 1]);
        }
        return new FormReader(form);
    }

    @BeforeEach
    void norwegian() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nb"));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void wholeNumbersMayHaveSpacesBetweenTheThousandsAndBlankIsAbsentOrTheDefault() {
        FormReader r = form("a", "12 500", "b", "1\u00a0000", "c", " ", "d", "-3");
        assertThat(r.integer("a")).isEqualTo(12500);
        assertThat(r.integer("b")).isEqualTo(1000);
        assertThat(r.integer("c")).isNull();
        assertThat(r.integer("c", 7)).isEqualTo(7);
        assertThat(r.integer("missing", 0)).isZero();
        assertThat(r.integer("d")).isEqualTo(-3);
        assertThat(r.ok()).isTrue();
    }

    @Test
    void decimalsTakeANorwegianCommaOrAPoint() {
        FormReader r = form("a", "1,5", "b", "0.25", "c", "12 500,75", "d", ",5", "e", "");
        assertThat(r.decimal("a")).isEqualByComparingTo("1.5");
        assertThat(r.decimal("b")).isEqualByComparingTo("0.25");
        assertThat(r.decimal("c")).isEqualByComparingTo(new BigDecimal("12500.75"));
        assertThat(r.decimal("d")).isEqualByComparingTo("0.5");
        assertThat(r.decimal("e")).isNull();
        assertThat(r.decimal("e", 2.5)).isEqualTo(2.5);
        assertThat(r.ok()).isTrue();
    }

    @Test
    void aDecimalThatIsNotANumberIsNamedInTheMessageNextToItsField() {
        FormReader r = form("share", "mye", "twice", "1,2,3", "exponent", "1e3");
        assertThat(r.decimal("share")).isNull();
        assertThat(r.decimal("twice")).isNull();
        assertThat(r.decimal("exponent")).isNull();
        assertThat(r.problems()).containsOnlyKeys("share", "twice", "exponent").containsEntry("share", "form.error.decimal");
        assertThat(r.errors(messages())).containsEntry("share", "«mye» er ikke et tall.")
                .containsEntry("twice", "«1,2,3» er ikke et tall.");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(r.errors(messages())).containsEntry("share", "\"mye\" is not a number.");
    }

    @Test
    void requiredNumbersSayThatANumberIsMissing() {
        FormReader r = form("persons", " ", "weight", "", "ok", "4");
        assertThat(r.requiredInteger("persons")).isNull();
        assertThat(r.requiredDecimal("weight")).isNull();
        assertThat(r.requiredInteger("ok")).isEqualTo(4);
        assertThat(r.errors(messages())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "persons", "Skriv inn et tall.", "weight", "Skriv inn et tall."));
    }

    @Test
    void aWholeNumberThatIsNotOneGetsItsMessage() {
        FormReader r = form("rent", "12,5");
        assertThat(r.integer("rent")).isNull();
        assertThat(r.errors(messages())).containsEntry("rent", "Skriv et helt tall, for eksempel 3.");
    }

    @Test
    void datesAreWhatADateInputSendsOrWhatNorwegiansType() {
        FormReader r = form("iso", "2026-05-17", "typed", "17.5.2026", "padded", " 01.02.2027 ", "bad", "i går",
                "noSuchDay", "31.02.2026", "noSuchIsoDay", "2026-02-31");
        assertThat(r.date("iso")).isEqualTo(LocalDate.of(2026, 5, 17));
        assertThat(r.date("typed")).isEqualTo(LocalDate.of(2026, 5, 17));
        assertThat(r.date("padded")).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(r.date("bad")).isNull();
        assertThat(r.date("noSuchDay")).isNull();
        assertThat(r.date("noSuchIsoDay")).isNull();
        assertThat(r.errors(messages())).containsOnlyKeys("bad", "noSuchDay", "noSuchIsoDay")
                .containsEntry("bad", "Skriv en gyldig dato, for eksempel 17.05.2026.");
    }

    @Test
    void choicesYesNoAndFlags() {
        enum Colour { RED, GREEN }
        FormReader r = form("colour", "GREEN", "wrong", "BLUE", "yes", "true", "no", "false", "maybe", "kanskje", "box", "on");
        assertThat(r.choice("colour", Colour.class)).isEqualTo(Colour.GREEN);
        assertThat(r.choice("wrong", Colour.class)).isNull();
        assertThat(r.yesNo("yes")).isTrue();
        assertThat(r.yesNo("no")).isFalse();
        assertThat(r.yesNo("unanswered")).isNull();
        assertThat(r.yesNo("maybe")).isNull();
        assertThat(r.flag("box")).isTrue();
        assertThat(r.flag("unticked")).isFalse();
        assertThat(r.has("box")).isTrue();
        assertThat(r.errors(messages())).containsOnlyKeys("wrong", "maybe").containsEntry("wrong", "Velg et av alternativene.");
    }

    @Test
    void aFieldKeepsItsFirstProblemAndThePageMayAddItsOwn() {
        FormReader r = form("persons", "mange", "name", "");
        r.integer("persons");
        r.problem("persons", "form.error.choose");
        r.problem("name", "form.error.decimal", "x");
        assertThat(r.problems()).containsEntry("persons", "form.error.number").containsEntry("name", "form.error.decimal");
        assertThat(r.errors(messages())).containsEntry("name", "«x» er ikke et tall.");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aFieldMayHaveItsOwnMessageWhenItIsBlankOrUnreadable() {
        FormReader r = form("weight", "abc", "blank", "", "ok", "2,5", "count", "x", "n", "12");
        assertThat(r.requiredDecimal("weight", "form.error.choose")).isNull();
        assertThat(r.requiredDecimal("blank", "form.error.choose")).isNull();
        assertThat(r.requiredDecimal("ok", "form.error.choose")).isEqualByComparingTo("2.5");
        assertThat(r.requiredInteger("count", "form.error.choose")).isNull();
        assertThat(r.requiredInteger("n", "form.error.choose")).isEqualTo(12);
        assertThat(r.problems()).containsOnlyKeys("weight", "blank", "count").containsValues("form.error.choose");
    }

    @Test
    void textIsTrimmedAndBlankIsAbsentWhileRawIsAsSent() {
        FormReader r = form("name", "  Kari  ", "empty", "   ");
        assertThat(r.text("name")).isEqualTo("Kari");
        assertThat(r.text("empty")).isNull();
        assertThat(r.raw("name")).isEqualTo("  Kari  ");
        assertThat(r.raw("missing")).isNull();
    }
}
