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
 * The forms that record how a person was informed of the consequence (closing, declining) and the
 * centre's move-out to the settlement municipality with settlement dates: operable by keyboard in screen
 * order, and after an empty submit focus lands on the error summary whose links lead to the fields;
 * the pages with errors pass the accessibility audit and nothing is saved.
 */
@BrowserTest
class InformedFormsBrowserTest {

    /** Horten: no other browser test plans with it. */
    private static final String MUNICIPALITY = "3901";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;

    @Test
    void closingForm(Browsing browsing) {
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 0);
        Page page = browsing.login(user(fixtures.caseworker()));
        page.navigate(browsing.url("/saker/" + caseId));
        Keyboard.openDisclosure(page, "#confirm-close");
        Keyboard.assertOperable(page, "main form[action$='/avslutt']");
        browsing.pressEnter(page, page.locator("main form[action$='/avslutt'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
        assertThat(page.locator("#informedChannel-error").textContent()).contains("Velg hvordan personen ble informert.");
        PageAudit audit = new PageAudit(browsing);
        audit.check(page, "case page with closing errors");
        audit.assertClean();
        assertThat(status(caseId)).isEqualTo("UNDER_MAPPING");
    }

    @Test
    void declineAndMoveOutToTheMunicipalityForms(Browsing browsing) {
        fixtures.resetMunicipality(MUNICIPALITY);
        LocalDate planned = TestClock.today().plusDays(4);
        fixtures.decide(MUNICIPALITY, planned.getYear(), 20, 0); // a place counts in its planned date's year
        long centre = fixtures.centre(MUNICIPALITY);
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MUNICIPALITY), proposalId,
                fixtures.plannedDates(caseId, planned), null)).value();
        PageAudit audit = new PageAudit(browsing);

        Page agency = browsing.login(user(fixtures.caseworker()));
        agency.navigate(browsing.url("/saker/" + caseId));
        Keyboard.openDisclosure(agency, "#confirm-decline");
        Keyboard.assertOperable(agency, "main form[action$='/takk-nei']");
        browsing.pressEnter(agency, agency.locator("main form[action$='/takk-nei'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(agency);
        audit.check(agency, "case page with declining errors");

        Page staff = browsing.login(user(fixtures.reception(centre)));
        staff.navigate(browsing.url("/saker/" + caseId));
        Keyboard.openDisclosure(staff, "#confirm-move-out-settled");
        Keyboard.assertOperable(staff, "main form[action$='/flyttet-til-kommunen']");
        browsing.pressEnter(staff, staff.locator("main form[action$='/flyttet-til-kommunen'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(staff);
        audit.check(staff, "case page with move-out errors (reception)");
        audit.assertClean();
        assertThat(status(caseId)).isEqualTo("OFFERED");
    }

    private String status(long caseId) {
        return jdbc.sql("select status from settlement_case where id = :id").param("id", caseId).query(String.class).single();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
