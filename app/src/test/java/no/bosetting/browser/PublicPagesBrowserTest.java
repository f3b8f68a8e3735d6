package no.bosetting.browser;

import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page reachable without staff login, in every language it is offered in: axe-core finds no
 * WCAG 2.1 A/AA violation and the page declares the language it is written in. Refugee-facing pages
 * are added to {@link #PAGES} with {@link #REFUGEE_LANGUAGES} as they land; each new entry is tested
 * in each of its languages with no further code.
 */
@BrowserTest
class PublicPagesBrowserTest {

    /** The languages every refugee-facing page must be offered in. */
    static final List<String> REFUGEE_LANGUAGES = List.of("nb", "en", "uk");

    /** A public page and the languages it is offered in. */
    record PublicPage(String path, List<String> languages) {
    }

    static final List<PublicPage> PAGES = List.of(
            // Staff sign-in is Norwegian and English only.
            new PublicPage("/login", List.of("nb", "en")),
            // Public statistics and the dwelling offer form are for residents and landlords: Norwegian and English.
            new PublicPage("/offentlig/statistikk", List.of("nb", "en")),
            new PublicPage("/tilby-bolig", List.of("nb", "en")),
            // Which municipalities accept agreed self-settlement: read by refugees, so also in Ukrainian.
            new PublicPage("/offentlig/selvbosetting", REFUGEE_LANGUAGES),
            // Refugee sign-in and the demo mailbox (the signed-in pages are in RefugeePagesBrowserTest).
            new PublicPage("/min-side/logg-inn", REFUGEE_LANGUAGES),
            new PublicPage("/demo-postkasse", REFUGEE_LANGUAGES));

    @TestFactory
    Stream<DynamicTest> everyPublicPageInEveryLanguage(Browsing browsing) {
        return PAGES.stream().flatMap(p -> p.languages().stream().map(lang ->
                DynamicTest.dynamicTest(p.path() + " [" + lang + "]", () -> {
                    Page page = browsing.open("public-" + lang, lang);
                    page.navigate(browsing.url(p.path() + (p.path().contains("?") ? "&" : "?") + "lang=" + lang));
                    assertThat(page.getAttribute("html", "lang")).as("lang of %s", p.path()).isEqualTo(lang);
                    PageAudit audit = new PageAudit(browsing);
                    audit.check(page, p.path() + " in " + lang);
                    audit.assertClean();
                })));
    }
}
