package no.bosetting.shared.web;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year is a name, not an amount: "høyst 2026", not "høyst 2 026" as MessageFormat writes a plain {0} number in
 * Norwegian. The keys that take a year as an argument format it with {n,number,#}; three did not (the payment run's year,
 * the what-if's years and the self-settlement decision's places).
 */
class YearsInMessagesTest {

    /** Key → the positions of its year arguments (the others get a small number). */
    private static final List<Object[]> KEYS = List.of(
            new Object[]{"grants.error.runYear", 1},
            new Object[]{"error.whatif.year", 2},
            new Object[]{"selfsettlement.decide.places", 1},
            new Object[]{"grants.error.apiYear", 2},
            new Object[]{"introduction.error.apiYear", 2},
            new Object[]{"error.planning.noNeed", 1},
            new Object[]{"error.decision.alreadyDecided", 1},
            new Object[]{"placeYear.recordDecision", 1},
            new Object[]{"planning.need.saved", 1});

    @Test
    void everyYearArgumentIsWrittenWithoutAThousandsSeparator() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/common", "i18n/grants", "i18n/allocation", "i18n/selfsettlement", "i18n/introduction",
                "i18n/planning", "i18n/decisions");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (Object[] key : KEYS) {
            Object[] args = new Object[(int) key[1]];
            for (int i = 0; i < args.length; i++) {
                args[i] = 2026 + i;
            }
            for (Locale locale : List.of(Locale.forLanguageTag("nb"), Locale.ENGLISH)) {
                String text = messages.getMessage((String) key[0], args, locale);
                assertThat(text).as(key[0] + " in " + locale).contains("2026").doesNotContain("2 026").doesNotContain("2,026")
                        .doesNotContain("2\u00a0026");
            }
        }
    }
}
