package no.bosetting.browser;

import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public statistics page with the map coloured by each waiting-time measure (the fill-ratio map is
 * covered by {@link PublicPagesBrowserTest}): no WCAG 2.1 A/AA violation from axe-core, and the legend
 * names every band in words.
 */
@BrowserTest
class StatisticsMapBrowserTest {

    private static final List<String> MODES = List.of("ventetid-bosetting", "ventetid-aksept");

    @TestFactory
    Stream<DynamicTest> waitingTimeMapsPassTheAudit(Browsing browsing) {
        return MODES.stream().flatMap(mode -> Stream.of("nb", "en").map(lang ->
                DynamicTest.dynamicTest(mode + " [" + lang + "]", () -> {
                    Page page = browsing.open("public-map-" + lang, lang);
                    page.navigate(browsing.url("/offentlig/statistikk?kart=" + mode + "&lang=" + lang));
                    assertThat(page.getAttribute("html", "lang")).isEqualTo(lang);
                    assertThat(page.locator("#map-caption .legend-item").count()).isEqualTo(6);
                    assertThat(page.locator("#kart option[selected]").getAttribute("value")).isEqualTo(mode);
                    PageAudit audit = new PageAudit(browsing);
                    audit.check(page, "/offentlig/statistikk?kart=" + mode + " in " + lang);
                    audit.assertClean();
                })));
    }
}
