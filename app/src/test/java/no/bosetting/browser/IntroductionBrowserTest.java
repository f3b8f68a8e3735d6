package no.bosetting.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.Interviews;
import no.bosetting.introduction.IntroductionRegister;
import no.bosetting.introduction.RegisterData;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 items 4–5 in a real browser with the axe audit: the municipality's register page for a settled person (a
 * refused training entry with the error at the field and what was typed kept, then saved), the agency's and the public
 * results, the outcome model's card with its retrain button, and the policy page with the outcome weight, nb and en.
 */
@BrowserTest
class IntroductionBrowserTest {

    /** Rødøy: settled households here are this test's. */
    private static final String MUNICIPALITY = "1836";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Interviews interviews;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    IntroductionRegister register;

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }

    @Test
    void registerResultsAndModelCardPassTheAudit(Browsing browsing) {
        PageAudit audit = new PageAudit(browsing);
        long caseId = new RegisterData(fixtures, interviews, proposals, decisions, register).settled(MUNICIPALITY, 1, true);
        long person = decisions.forCase(caseId).get(0).personId();
        String path = "/saker/" + caseId + "/introduksjon/" + person;

        Page officer = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        officer.navigate(browsing.url("/saker/" + caseId));
        assertThat(officer.locator("#introduction a").first().getAttribute("href")).contains("/introduksjon/");
        officer.navigate(browsing.url(path));
        audit.check(officer, "introduction register page, nothing recorded");
        officer.fill("#startedOn", TestClock.today().toString());
        browsing.submit(officer, officer.locator("form[action$='/program'] button[type=submit]"));
        assertThat(officer.locator(".alert.success").textContent()).contains("Lagret");
        officer.selectOption("#subject", "NORWEGIAN");
        officer.fill("#hours", "4000");
        browsing.submit(officer, officer.locator("form[action$='/opplaering'] button[type=submit]"));
        assertThat(officer.locator("#hours-error").textContent()).contains("fra 0 til");
        assertThat(officer.locator("#hours").inputValue()).isEqualTo("4000");
        audit.check(officer, "introduction register page with a refused training entry");
        officer.fill("#hours", "120");
        browsing.submit(officer, officer.locator("form[action$='/opplaering'] button[type=submit]"));
        assertThat(officer.locator("main table tbody tr").count()).isEqualTo(1);
        audit.check(officer, "introduction register page with training");
        officer.navigate(browsing.url(path + "?lang=en"));
        audit.check(officer, "introduction register page in English");

        Page planner = browsing.login(user(fixtures.planner()));
        planner.navigate(browsing.url("/statistikk/introduksjon?lang=nb"));
        audit.check(planner, "agency introduction results");
        Actor admin = user(new Actor("admin-browser", "Test Admin", Role.AGENCY_ADMIN, null, null));
        Page adminPage = browsing.login(admin);
        adminPage.navigate(browsing.url("/statistikk/introduksjon/modell"));
        audit.check(adminPage, "outcome model page");
        browsing.submit(adminPage, adminPage.locator("main form button[type=submit]"));
        assertThat(adminPage.locator(".alert").count()).isEqualTo(1);
        audit.check(adminPage, "outcome model page after retraining");
        adminPage.navigate(browsing.url("/statistikk/introduksjon/modell?lang=en"));
        audit.check(adminPage, "outcome model page in English");
        adminPage.navigate(browsing.url("/fordeling/policy?lang=nb"));
        assertThat(adminPage.locator("#predictedOutcome").inputValue()).isEqualTo("0.0");
        audit.check(adminPage, "policy page with the outcome weight");
        for (String lang : List.of("nb", "en")) {
            Page visitor = browsing.open("public-introduction-" + lang, lang);
            visitor.navigate(browsing.url("/offentlig/introduksjon?lang=" + lang));
            audit.check(visitor, "public introduction results in " + lang);
        }
        audit.assertClean();
    }
}
