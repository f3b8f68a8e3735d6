package no.bosetting.browser;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household page's forms (issue 20 item 1): operable by keyboard, after a wrong submit focus lands on the error
 * summary and the error stands next to its field in Norwegian with what was typed kept; every form passes the
 * accessibility audit, and a correct submit changes the household.
 */
@BrowserTest
class HouseholdBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CaseQueries cases;

    @Test
    void addCorrectSplitForms(Browsing browsing) {
        long caseId = fixtures.household(fixtures.centre("0301"), 2);
        long child = cases.personIds(caseId).get(1);
        Page page = browsing.login(user(fixtures.caseworker()));
        PageAudit audit = new PageAudit(browsing);

        page.navigate(browsing.url("/saker/" + caseId + "/husstand"));
        audit.check(page, "household page");

        // Add a member: a birth date in the future is refused next to the field, the name typed is kept.
        page.navigate(browsing.url("/saker/" + caseId + "/husstand?skjema=medlem"));
        Keyboard.assertOperable(page, "main form[action$='/husstand/medlem']");
        page.selectOption("#joinReason", "BIRTH");
        page.fill("#givenName", "Nyfødt");
        page.fill("#familyName", "Testesen");
        page.fill("#birthDate", TestClock.today().plusDays(2).toString());
        page.selectOption("#sex", "F");
        page.fill("#citizenship", "UKR");
        page.selectOption("#relation", "CHILD");
        page.fill("#dufNumber", Fixtures.duf());
        browsing.pressEnter(page, page.locator("main form[action$='/husstand/medlem'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
        assertThat(page.locator("#birthDate-error").textContent()).contains("Fødselsdatoen kan ikke være frem i tid.");
        assertThat(page.inputValue("#givenName")).isEqualTo("Nyfødt");
        audit.check(page, "household page, add member with errors");
        assertThat(cases.summaryForSystem(caseId).orElseThrow().persons()).isEqualTo(3);

        page.fill("#birthDate", TestClock.today().minusDays(2).toString());
        browsing.pressEnter(page, page.locator("main form[action$='/husstand/medlem'] button[type=submit]"));
        page.waitForURL("**/husstand");
        assertThat(page.locator(".alert.success").textContent()).contains("Medlemmet er lagt til");
        assertThat(cases.summaryForSystem(caseId).orElseThrow().persons()).isEqualTo(4);

        // One member's forms: correction, identity number (wrong control digits), address, removal.
        page.navigate(browsing.url("/saker/" + caseId + "/husstand?person=" + child));
        Keyboard.assertOperable(page, "main form[action$='/identitet']");
        page.selectOption("#kind", "NATIONAL_ID");
        page.fill("#number", "01038512345");
        page.fill("#validFrom", TestClock.today().toString());
        browsing.pressEnter(page, page.locator("main form[action$='/identitet'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
        assertThat(page.locator("#number-error").textContent()).contains("01038512345");
        assertThat(page.inputValue("#number")).isEqualTo("01038512345");
        audit.check(page, "household page, member forms with errors");

        // Split: without choosing anyone the error is on the members.
        page.navigate(browsing.url("/saker/" + caseId + "/husstand?skjema=del"));
        Keyboard.assertOperable(page, "main form[action$='/husstand/del']");
        browsing.pressEnter(page, page.locator("main form[action$='/husstand/del'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
        audit.check(page, "household page, split with errors");

        // The page with errors stands at the form's address; its language link leads back to the form's page, in English
        // (a GET of the form's address was the 405 page).
        assertThat(browsing.submit(page, page.locator("a[hreflang=en]")).status()).isEqualTo(200);
        assertThat(page.url()).endsWith("/saker/" + caseId + "/husstand?skjema=del&lang=en");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
        assertThat(page.locator("main form[action$='/husstand/del']").count()).isEqualTo(1);
        audit.check(page, "household page, split form in English after an error");
        audit.assertClean();
        assertThat(cases.summaryForSystem(caseId).orElseThrow().persons()).isEqualTo(4);
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
