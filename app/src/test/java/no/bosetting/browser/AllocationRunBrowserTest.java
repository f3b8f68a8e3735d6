package no.bosetting.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's proposal in a real browser: a caseworker runs "propose allocation" from the distribution
 * page and reviews the worded explanations in Norwegian and English; both pass axe.
 */
@BrowserTest
class AllocationRunBrowserTest {

    private static final String MUNICIPALITY = "3403";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;

    @Test
    void theEngineRunPageExplainsEachProposalInTheReadersLanguageAndIsAccessible(Browsing browsing) {
        Actor caseworker = new Actor("motor-saksbehandler-" + Fixtures.next(), "Motor Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        fixtures.decide(MUNICIPALITY, TestClock.today().getYear(), 400, 0);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 1, TestClock.today().minusDays(40));
        fixtures.ready(caseId);
        PageAudit audit = new PageAudit(browsing);

        Page page = browsing.login(caseworker);
        page.navigate(browsing.url("/fordeling"));
        browsing.submit(page, page.locator("main form[action='/fordeling/motor'] button[type=submit]"));
        assertThat(page.url()).matches(".*/fordeling/motor/\\d+");
        assertThat(page.textContent("main")).contains("Hva som talte med");
        audit.check(page, "engine run review");

        page.navigate(page.url() + "?lang=en");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.textContent("main")).doesNotContain("Hva som talte med");
        audit.check(page, "engine run review in English");
        audit.assertClean();
    }

    /**
     * Issue 23 items 3 and 4 with JavaScript: the review is grouped and paged; the long-waiting filter, the municipality
     * picker and a pin swap only what changed (htmx, no reload); the summary comes before sending, and a selection is sent.
     */
    @Test
    void aCaseworkerFiltersPinsInPlaceAndSendsASelectionAfterTheSummary(Browsing browsing) {
        Actor caseworker = new Actor("motor-utvalg-" + Fixtures.next(), "Motor Utvalg", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        String gjovik = "3407";
        for (String m : java.util.List.of("3405", gjovik)) {
            fixtures.resetMunicipality(m);
            fixtures.decide(m, TestClock.today().getYear(), 400, 0);
        }
        long caseId = fixtures.household(fixtures.centre("3405"), 0, TestClock.today().minusDays(400));
        fixtures.ready(caseId);
        PageAudit audit = new PageAudit(browsing);

        Page page = browsing.login(caseworker);
        page.navigate(browsing.url("/fordeling"));
        browsing.submit(page, page.locator("main form[action='/fordeling/motor'] button[type=submit]"));
        assertThat(page.url()).matches(".*/fordeling/motor/\\d+");
        page.waitForFunction("() => window.htmx !== undefined");
        audit.check(page, "engine run review grouped by municipality");
        page.evaluate("() => window.sameDocument = true");

        // Long-waiting only, by htmx; then the pages until the household's group, which is opened.
        page.check("#long");
        page.waitForResponse(r -> r.url().contains("long=true") && "true".equals(r.request().headers().get("hx-request")),
                () -> page.click("main form.filters button[type=submit]"));
        // htmx pushes the filtered address after it swapped the results in: until then the old, unfiltered page is shown.
        page.waitForFunction("() => location.search.includes('long=true') && document.querySelector('#run-results') !== null");
        for (int pages = 0; page.locator("#row-" + caseId).count() == 0; pages++) {
            assertThat(pages).as("the household is on a page of the long-waiting filter").isLessThan(40);
            Object shown = page.evaluate("() => location.search");
            page.waitForResponse(r -> "true".equals(r.request().headers().get("hx-request")),
                    () -> page.click("#run-results nav.pager a[rel=next]"));
            page.waitForFunction("shown => location.search !== shown", shown);
        }
        assertThat(page.url()).contains("long=true");
        page.locator("#row-" + caseId).locator("xpath=ancestor::details[1]/summary").click();
        audit.check(page, "engine run review filtered to long-waiting households");

        // The picker loads on demand; a search narrows it; the pin swaps only the household's row.
        // Type only once htmx has settled the picker it swapped in (its search field's listener is attached then); typing
        // earlier, on a busy machine, changes the field without asking the server.
        page.evaluate("() => { window.pickerSettled = false;"
                + " document.body.addEventListener('htmx:afterSettle', () => window.pickerSettled = true, {once: true}); }");
        page.waitForResponse(r -> r.url().contains("/kommuner"), () -> page.click("#pick-" + caseId + " a"));
        page.waitForFunction("() => window.pickerSettled === true");
        page.waitForResponse(r -> r.url().contains("q=Gj"), () -> page.fill("#q-" + caseId, "Gjøvik"));
        page.waitForFunction("() => document.querySelectorAll('#choices-" + caseId + " li').length === 1");
        audit.check(page, "municipality picker");
        page.waitForResponse(r -> r.url().contains("/fest"), () -> page.click("#choices-" + caseId + " button[value='" + gjovik + "']"));
        page.waitForFunction("() => document.querySelector('#row-" + caseId + " .tag.warn') !== null");
        assertThat(page.textContent("#row-" + caseId)).contains("Nå foreslått: Gjøvik");
        assertThat(page.evaluate("() => window.sameDocument")).as("the pin did not reload the page").isEqualTo(true);
        assertThat(page.textContent("#run-announce")).contains("er nå foreslått til Gjøvik");
        audit.check(page, "engine run review after a pin");

        // The summary, then only Gjøvik is sent.
        browsing.submit(page, page.locator("main a[href$='/send']"));
        assertThat(page.url()).endsWith("/send");
        assertThat(page.textContent("main")).contains("Bekreft og send").contains("valgt av saksbehandler");
        audit.check(page, "send summary");
        page.check("#choice");
        page.check("#m-" + gjovik);
        browsing.submit(page, page.locator("main form button[type=submit]"));
        assertThat(page.textContent("main")).contains("Fordelingslister er sendt til 1 kommuner.");
        assertThat(proposals.forCase(caseId)).hasSize(1);
        audit.check(page, "engine run review after sending a selection");
        audit.assertClean();
    }
}
