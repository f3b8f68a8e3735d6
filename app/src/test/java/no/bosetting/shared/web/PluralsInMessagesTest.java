package no.bosetting.shared.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts shown after an action or on a card say "1 household" and "3 households", not "household(s)" — a form GOV.UK
 * and Språkrådet both advise against. Each key's count argument is a number at every call site (a choice format
 * cannot take a text).
 */
class PluralsInMessagesTest {

    private static final Locale NB = Locale.forLanguageTag("nb");

    private final ResourceBundleMessageSource messages = source();

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/common", "i18n/proposals", "i18n/moves", "i18n/crisis", "i18n/selfsettlement", "i18n/cases");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Test
    void oneAndManyAreWrittenOutInBokmalAndEnglish() {
        assertThat(text("allocation.sent", NB, 1, "Bergen")).isEqualTo("1 husstand er foreslått for Bergen.");
        assertThat(text("allocation.sent", NB, 3, "Bergen")).isEqualTo("3 husstander er foreslått for Bergen.");
        assertThat(text("allocation.sent", Locale.ENGLISH, 1, "Bergen")).isEqualTo("1 household proposed to Bergen.");
        assertThat(text("allocation.sent", Locale.ENGLISH, 1200, "Oslo")).isEqualTo("1,200 households proposed to Oslo.");
        assertThat(text("moves.registered.ok", NB, 1)).isEqualTo("Flyttingen er registrert for 1 person.");
        assertThat(text("moves.registered.ok", Locale.ENGLISH, 4)).isEqualTo("The move is registered for 4 persons.");
        assertThat(text("crisis.fastTrack.cardTitle", NB, "SAK-1", 1)).isEqualTo("Husstand SAK-1, 1 person");
        assertThat(text("crisis.fastTrack.cardTitle", Locale.ENGLISH, "SAK-1", 5)).isEqualTo("Household SAK-1, 5 persons");
        assertThat(text("selfsettlement.decide.earlierProposals", NB, 0L)).contains("0 ganger");
        assertThat(text("selfsettlement.decide.earlierProposals", NB, 1L)).contains("1 gang tidligere");
        assertThat(text("selfsettlement.decide.earlierProposals", Locale.ENGLISH, 1L)).contains("once before");
        assertThat(text("error.validation.summary", Locale.ENGLISH, 1)).isEqualTo("The request has 1 error.");
        assertThat(text("error.validation.summary", Locale.ENGLISH, 2)).isEqualTo("The request has 2 errors.");
        assertThat(text("error.capacity.minorsExceeded", NB, "Bergen", 2026, 4, 4, 1)).endsWith("Husstanden trenger 1 plass.");
        assertThat(text("error.capacity.minorsExceeded", Locale.ENGLISH, "Bergen", 2026, 4, 4, 3)).endsWith("needs 3 places.");
        assertThat(text("error.household.placesExceeded", NB, "Bergen", 2026, 10, 10, 1)).contains("trenger 1 plass til");
        assertThat(text("error.household.placesExceeded", Locale.ENGLISH, "Bergen", 2026, 10, 10, 2)).contains("needs 2 more places");
        assertThat(text("concern.panel.count", NB, 1L)).isEqualTo("Saken har 1 begrenset bekymringsmelding.");
        assertThat(text("concern.panel.count", Locale.ENGLISH, 2L)).isEqualTo("The case has 2 restricted concern reports.");
    }
}
