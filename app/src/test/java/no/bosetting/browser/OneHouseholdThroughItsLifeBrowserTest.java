package no.bosetting.browser;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseHistoryEntry;
import no.bosetting.cases.CaseQueries;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One household carried by a caseworker through a change, an absence and a reopening (issue 20, "Done when"): a child
 * born in reception is added, the household travels abroad and comes back, leaves Norway and the case is closed (no
 * informed-of-consequence record: not the refugee's own choice), then it returns within six months of the permit and
 * the case is reopened (report 000 lines 3987–4025). Every page on the way passes the accessibility audit, and a
 * screenshot of each step is saved under {@code browser-screenshots/journey-*.png}.
 */
@BrowserTest
class OneHouseholdThroughItsLifeBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CaseQueries cases;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeAnAbsenceAndAReopening(Browsing browsing) {
        long caseId = fixtures.household(fixtures.centre("3403"), 1);
        Actor caseworker = fixtures.caseworker();
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        Page page = browsing.login(caseworker);
        PageAudit audit = new PageAudit(browsing);

        // A change: a child born in reception joins the household.
        page.navigate(browsing.url("/saker/" + caseId + "/husstand?skjema=medlem"));
        page.selectOption("#joinReason", "BIRTH");
        page.fill("#givenName", "Mila");
        page.fill("#familyName", "Testesen");
        page.fill("#birthDate", TestClock.today().minusDays(3).toString());
        page.selectOption("#sex", "F");
        page.fill("#citizenship", "UKR");
        page.selectOption("#relation", "CHILD");
        page.fill("#dufNumber", Fixtures.duf());
        browsing.submit(page, page.locator("main form[action$='/husstand/medlem'] button[type=submit]"));
        page.waitForURL("**/husstand");
        assertThat(page.locator(".alert.success").textContent()).contains("Medlemmet er lagt til");
        assertThat(cases.summaryForSystem(caseId).orElseThrow().persons()).isEqualTo(3);
        audit.check(page, "household page after a birth");
        shot(page, "journey-1-member-added");

        // An absence: travelled abroad, expected back in a month.
        page.navigate(browsing.url("/saker/" + caseId));
        page.fill("#absenceFrom", TestClock.today().toString());
        page.fill("#absenceExpectedReturn", TestClock.today().plusDays(30).toString());
        page.fill("#absenceReason", "Reist til Ukraina for å hente dokumenter");
        browsing.submit(page, page.locator("main form[action$='/fravaer'] button[type=submit]"));
        assertThat(status(caseId)).isEqualTo("TEMPORARILY_ABSENT");
        audit.check(page, "case page while temporarily absent");
        shot(page, "journey-2-absent");

        // Back again: the case returns to where it was.
        page.navigate(browsing.url("/saker/" + caseId));
        page.fill("#backReturnedOn", TestClock.today().toString());
        browsing.submit(page, page.locator("main form[action$='/tilbake'] button[type=submit]"));
        assertThat(status(caseId)).isEqualTo("UNDER_MAPPING");

        // Left Norway: closed without an informed-of-consequence record.
        page.navigate(browsing.url("/saker/" + caseId));
        page.click("#confirm-close > summary");
        page.selectOption("#closeReason", "LEFT_NORWAY");
        page.fill("#closeText", "Reist ut av Norge");
        browsing.submit(page, page.locator("main form[action$='/avslutt'] button[type=submit]"));
        assertThat(status(caseId)).isEqualTo("CLOSED");
        audit.check(page, "case page of a closed case");
        shot(page, "journey-3-closed");

        // Back within six months of the permit: reopened with a reason, into mapping again.
        page.navigate(browsing.url("/saker/" + caseId));
        page.fill("#reopenReason", "Kom tilbake til Norge og vil bosettes");
        browsing.submit(page, page.locator("main form[action$='/gjenapne'] button[type=submit]"));
        assertThat(status(caseId)).isEqualTo("UNDER_MAPPING");
        audit.check(page, "case page after reopening");
        shot(page, "journey-4-reopened");
        audit.assertClean();

        List<String> history = cases.history(caseId).stream().map(CaseHistoryEntry::command).toList();
        assertThat(history).containsSubsequence("ADD_MEMBER", "MARK_ABSENT", "RETURN_FROM_ABSENCE", "CLOSE", "REOPEN");
        assertThat(page.locator("main").textContent()).contains("Saken gjenåpnet", "Midlertidig borte", "Medlem lagt til");
    }

    private String status(long caseId) {
        return jdbc.sql("select status from settlement_case where id = :id").param("id", caseId).query(String.class).single();
    }

    private static void shot(Page page, String name) {
        Path file = BrowserExtension.screenshotDirectory().resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        System.out.println("Screenshot: " + file);
    }
}
