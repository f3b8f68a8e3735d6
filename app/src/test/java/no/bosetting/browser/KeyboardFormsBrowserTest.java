package no.bosetting.browser;


import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main forms used with the keyboard alone: login, council decision, accept and reject a proposal,
 * permit import. Each is reached by Tab in screen order with a visible focus, has labelled controls,
 * and after a submit with Enter that fails, focus lands on the error summary whose links lead to the fields.
 */
@BrowserTest
class KeyboardFormsBrowserTest {

    /** Tromsø: no other browser test plans with it. */
    private static final String MUNICIPALITY = "5501";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void loginForm(Browsing browsing) {
        Actor caseworker = user(fixtures.caseworker());
        Page page = browsing.open("anonymous");
        page.navigate(browsing.url("/login"));
        Keyboard.assertOperable(page, "main form");
        page.fill("#username", caseworker.username());
        page.fill("#password", "wrong-" + Browsing.PASSWORD);
        browsing.pressEnter(page, page.locator("main form button[type=submit]"));
        assertThat(page.url()).endsWith("/login?error");
        Keyboard.assertErrorSummaryTakesFocus(page);
        PageAudit audit = new PageAudit(browsing);
        audit.check(page, "login with errors");
        audit.assertClean();
    }

    @Test
    void councilDecisionForm(Browsing browsing) {
        Page page = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        page.navigate(browsing.url("/kommune/vedtak"));
        Keyboard.assertOperable(page, "#decision-form");
        page.fill("#persons", "");
        browsing.pressEnter(page, page.locator("#decision-form button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
    }

    @Test
    void acceptAndRejectProposalForms(Browsing browsing) {
        long centre = fixtures.centre(MUNICIPALITY);
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        Page page = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        String detail = browsing.url("/kommune/forslag/" + proposalId);

        page.navigate(detail);
        Keyboard.assertOperable(page, "main form[action$='/aksepter']");
        browsing.pressEnter(page, page.locator("main form[action$='/aksepter'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);

        page.navigate(detail);
        Keyboard.assertOperable(page, "main form[action$='/avslaa']");
        browsing.pressEnter(page, page.locator("main form[action$='/avslaa'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
        PageAudit audit = new PageAudit(browsing);
        audit.check(page, "proposal detail with rejection errors");
        audit.assertClean();

        assertThat(jdbc.sql("select status from proposal where id = :id").param("id", proposalId).query(String.class).single())
                .as("failed submits change nothing").isEqualTo("PENDING");
    }

    @Test
    void permitImportForm(Browsing browsing) {
        Page page = browsing.login(user(fixtures.caseworker()));
        page.navigate(browsing.url("/import"));
        Keyboard.assertOperable(page, "main form[method=post]");
        browsing.pressEnter(page, page.locator("main form[method=post] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }

}
