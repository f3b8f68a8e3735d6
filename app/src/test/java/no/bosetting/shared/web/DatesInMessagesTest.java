package no.bosetting.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import no.bosetting.shared.CommandFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal that names a date shows it as every page does (dd.MM.yyyy), not as MessageFormat prints a LocalDate
 * (2026-11-20): e.g. a refugee told in Ukrainian that the deadline to choose to find a dwelling themselves has passed.
 */
class DatesInMessagesTest {

    private final Messages messages = new Messages(source());

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/common", "i18n/selfsettlement");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aDateInARefusalIsWrittenAsOnThePagesInEveryLanguage() {
        CommandFailure late = CommandFailure.RuleBroken.of("", "selfsettlement.error.window.late", LocalDate.of(2026, 11, 20));
        for (String language : new String[]{"nb", "en", "uk"}) {
            LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
            assertThat(messages.of(late)).as(language).contains("20.11.2026").doesNotContain("2026-11-20");
        }
    }

    @Test
    void aPointInTimeIsWrittenInNorwegianTime() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nb"));
        // 23:30 UTC on 30 November is 00:30 on 1 December in Oslo.
        assertThat(messages.get("selfsettlement.error.window.late", Instant.parse("2026-11-30T23:30:00Z"))).contains("01.12.2026 00:30");
    }
}
