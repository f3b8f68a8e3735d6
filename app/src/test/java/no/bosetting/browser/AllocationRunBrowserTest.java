package no.bosetting.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
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
}
