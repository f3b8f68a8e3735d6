package no.bosetting.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 points 4, 7 and 12 as a first-time user sees them: the proposal list and the case list, a form with check
 * boxes, the public statistics and the refugee's own page on a 360 px phone. Screenshots go to
 * {@code target/browser-screenshots/issue16-<phase>-<point>-<page>.png}.
 */
@BrowserTest
class Issue16ListsBrowserTest {

    private static final String PHASE = "before";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;

    @Test
    void listsFormsAndPhonePages(Browsing browsing) throws Exception {
        long n = Fixtures.next();
        Actor caseworker = new Actor("i16-" + n, "Liste Behandler", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        long centre = fixtures.centre("3403");
        List<Long> ready = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            long caseId = fixtures.household(centre, i % 3);
            fixtures.ready(caseId);
            ready.add(caseId);
        }
        CommandResult.attempt(() -> proposals.sendList(fixtures.caseworker(), "4601", ready, null)).value();

        Page page = browsing.login(caseworker);
        page.navigate(browsing.url("/forslag"));
        shot(page, "4-forslag");
        page.navigate(browsing.url("/saker"));
        shot(page, "4-saker");
        page.navigate(browsing.url("/fordeling?municipality=4601"));
        shot(page, "12-checkboxes");

        Page phone = browsing.open("phone");
        phone.setViewportSize(360, 800);
        phone.navigate(browsing.url("/offentlig/statistikk"));
        shot(phone, "12-statistics-phone");
        phone.navigate(browsing.url("/min-side/logg-inn?lang=uk"));
        shot(phone, "12-refugee-header-phone");
    }

    private static void shot(Page page, String name) throws Exception {
        Path dir = BrowserExtension.screenshotDirectory();
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("issue16-" + PHASE + "-" + name + ".png")));
        System.out.println("issue16 " + PHASE + " " + name + ": height " + page.evaluate("() => document.documentElement.scrollHeight")
                + " px, width " + page.evaluate("() => document.documentElement.scrollWidth") + " px");
    }
}
