package no.bosetting.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 points 5, 9 and 11 in the browser, each page with the axe audit: the accept form's one "date missing" error
 * at the household date; the destructive actions on the case page behind a closed disclosure that opens with the
 * keyboard; the municipality's case page and inbox worded from its own side.
 */
@BrowserTest
class CaseActionsAndThreadsBrowserTest {

    private static final String MUNICIPALITY = "4627"; // Askøy

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAcceptFormPutsTheMissingDateOnceAtTheHouseholdDate(Browsing browsing) {
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 2);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        page.navigate(browsing.url("/kommune/forslag/" + proposalId));
        browsing.submit(page, page.locator("main form[action$='/aksepter'] button[type=submit]"));
        assertThat(page.locator("#plannedDateAll-error").textContent()).contains("Oppgi planlagt bosettingsdato.");
        assertThat(page.locator("main form[action$='/aksepter'] .error-message").count()).isEqualTo(1);
        assertThat(page.locator("#plannedDate0-error, #plannedDate1-error, #plannedDate2-error").count()).isZero();
        assertThat(page.locator(".error-summary a").count()).isEqualTo(1);
        assertThat(page.locator(".error-summary a").getAttribute("href")).isEqualTo("#plannedDateAll");
        assertThat(page.getAttribute("#plannedDateAll", "aria-invalid")).isEqualTo("true");
        audit.check(page, "accept form without a date");
        // A date given for the household is enough; nothing was accepted by the refused submit.
        assertThat(jdbc.sql("select status from proposal where id = :id").param("id", proposalId).query(String.class).single())
                .isEqualTo("PENDING");
        audit.assertClean();
    }

    @Test
    void destructiveActionsOpenOnlyThroughAConfirmationStep(Browsing browsing) {
        long centre = fixtures.centre(MUNICIPALITY);
        long caseId = fixtures.household(centre, 0);
        PageAudit audit = new PageAudit(browsing);
        Page agency = browsing.login(user(fixtures.caseworker()));
        agency.navigate(browsing.url("/saker/" + caseId));
        assertThat(agency.evaluate("() => document.querySelector('#confirm-close').open")).isEqualTo(false);
        assertThat(agency.locator("main form[action$='/avslutt'] button.danger").isVisible()).isFalse();
        audit.check(agency, "case page with the close action closed");
        Keyboard.openDisclosure(agency, "#confirm-close");
        assertThat(agency.locator("#confirm-close .confirm-warning").textContent()).contains("gjenåpnes");
        assertThat(agency.locator("main form[action$='/avslutt'] button.danger").isVisible()).isTrue();
        audit.check(agency, "case page with the close action opened");
        browsing.pressEnter(agency, agency.locator("main form[action$='/avslutt'] button[type=submit]"));
        // Refused: the step stays open with the errors and what was typed.
        assertThat(agency.evaluate("() => document.querySelector('#confirm-close').open")).isEqualTo(true);
        assertThat(agency.locator(".error-summary").isVisible()).isTrue();
        audit.check(agency, "case page with closing errors in the opened step");

        Page staff = browsing.login(user(fixtures.reception(centre)));
        staff.navigate(browsing.url("/saker/" + caseId));
        assertThat(staff.evaluate("() => document.querySelector('#confirm-move-out').open")).isEqualTo(false);
        assertThat(staff.locator("main form[action$='/utflytting'] button[type=submit]").isVisible()).isFalse();
        Keyboard.openDisclosure(staff, "#confirm-move-out");
        assertThat(staff.locator("main form[action$='/utflytting'] button[type=submit]").isVisible()).isTrue();
        audit.check(staff, "case page with the move-out step opened (reception)");

        // An accepted household: withdrawing and declining are behind their own steps; the municipality's side reads "IMDi".
        fixtures.resetMunicipality(MUNICIPALITY);
        LocalDate planned = TestClock.today().plusDays(10);
        fixtures.decidePlannedYear(MUNICIPALITY, planned, 20, 0);
        long offered = fixtures.household(centre, 1);
        fixtures.ready(offered);
        long proposal = fixtures.propose(offered, MUNICIPALITY);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MUNICIPALITY), proposal,
                fixtures.plannedDates(offered, planned), null)).value();
        agency.navigate(browsing.url("/saker/" + offered));
        for (String step : new String[]{"#confirm-withdraw", "#confirm-decline", "#confirm-close"}) {
            assertThat(agency.evaluate("sel => document.querySelector(sel).open", step)).as(step).isEqualTo(false);
        }
        assertThat(agency.locator("main button.danger:visible").count()).isZero();
        audit.check(agency, "case page of an offered household, every destructive step closed");
        Keyboard.openDisclosure(agency, "#confirm-withdraw");
        assertThat(agency.locator("main form[action$='/trekk-tilbud'] button.danger").isVisible()).isTrue();

        Page officer = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        officer.navigate(browsing.url("/saker/" + offered));
        String page = officer.locator("main").textContent();
        assertThat(page).contains("Meldinger med IMDi om saken").contains("Skriv en melding til IMDi")
                .doesNotContain("Skriv en melding til kommunen");
        audit.check(officer, "case page as the accepting municipality");
        officer.navigate(browsing.url("/meldinger"));
        assertThat(officer.locator("#general-title").textContent()).isEqualTo("Generell tråd med IMDi");
        assertThat(officer.locator("main").textContent()).doesNotContain("Ingen meldinger ennå.Sak");
        audit.check(officer, "/meldinger as a municipality");
        audit.assertClean();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
