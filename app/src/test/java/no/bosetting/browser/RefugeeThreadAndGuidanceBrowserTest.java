package no.bosetting.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.proposals.Proposals;
import no.bosetting.selfservice.RefugeeSupport;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 points 2 and 3 as the refugee sees them: Min side after sending a message, and an accepted household
 * whose planned moving date has passed. Saves the screenshots the closing note names.
 */
@BrowserTest
class RefugeeThreadAndGuidanceBrowserTest {

    private static final String MUNICIPALITY = "4631";

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Proposals proposals;
    @Autowired
    UserAccounts accounts;

    @Test
    void theRefugeeSendsAMessageAndAnAcceptedHouseholdReadsItsGuidance(Browsing browsing) {
        long n = Fixtures.next();
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 1);
        String duf = mainDuf(caseId);
        Page refugee = signIn(browsing, duf, "refugee-" + n);
        refugee.navigate(browsing.url("/min-side?lang=uk"));
        refugee.check("#kind");
        refugee.fill("#text", "Коли ми переїжджаємо?");
        browsing.submit(refugee, refugee.locator("form[action$='/min-side/melding'] button[type=submit]"));
        shot(refugee, "before-2-min-side-uk");
        Actor caseworker = new Actor("tråd-sb-" + n, "Tråd Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        Page staff = browsing.login(caseworker);
        staff.navigate(browsing.url("/saker/" + caseId));
        shot(staff, "before-2-case-page-caseworker");

        long accepted = fixtures.household(centre, 2, TestClock.today().minusMonths(11));
        fixtures.ready(accepted);
        LocalDate planned = TestClock.today().plusDays(20);
        fixtures.decidePlannedYear(MUNICIPALITY, planned, 500, 0);
        long proposal = fixtures.propose(accepted, MUNICIPALITY);
        proposals.accept(fixtures.municipality(MUNICIPALITY), proposal, fixtures.plannedDates(accepted, planned), null).value();
        // Ten months on: the planned date lies far behind.
        LocalDate past = TestClock.today().minusMonths(10);
        jdbc.sql("update settlement_decision set planned_settlement_date = :p where case_id = :c").param("p", past).param("c", accepted).update();
        Page household = signIn(browsing, mainDuf(accepted), "accepted-" + n);
        for (String lang : List.of("en", "uk")) {
            household.navigate(browsing.url("/min-side?lang=" + lang));
            shot(household, "before-3-min-side-" + lang);
        }
        household.navigate(browsing.url("/min-side/soknad?lang=en"));
        shot(household, "before-3-application-en");
        household.navigate(browsing.url("/min-side/selvbosetting?lang=en"));
        shot(household, "before-3-self-settlement-en");
    }

    private String mainDuf(long caseId) {
        return jdbc.sql("select trim(duf_number) from person where case_id = :c order by id limit 1").param("c", caseId)
                .query(String.class).single();
    }

    private Page signIn(Browsing browsing, String duf, String label) {
        Page page = browsing.open(label);
        page.setViewportSize(390, 844);
        page.navigate(browsing.url("/min-side/logg-inn"));
        page.fill("#dufNumber", duf);
        browsing.submit(page, page.locator("main form button[type=submit]"));
        page.fill("#code", RefugeeSupport.latestCode(jdbc, duf));
        browsing.submit(page, page.locator("main form button[type=submit]"));
        return page;
    }

    static Path shot(Page page, String name) {
        Path file = BrowserExtension.screenshotDirectory().resolve("issue16-" + name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
