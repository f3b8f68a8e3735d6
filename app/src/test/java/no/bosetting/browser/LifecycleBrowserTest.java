package no.bosetting.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseLifecycle;
import no.bosetting.cases.CloseReason;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life-cycle forms of the case page (issue 20 items 3 and 4) in the browser: operable by keyboard, a wrong value
 * named next to its field after the error summary takes focus, the pages with errors pass the accessibility audit
 * (WCAG 2.1 AA), and nothing is saved.
 */
@BrowserTest
class LifecycleBrowserTest {

    /** Klepp: no other test plans with it. */
    private static final String MUNICIPALITY = "1120";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;
    @Autowired
    CaseLifecycle lifecycle;
    @Autowired
    CaseCommands commands;
    @Autowired
    JdbcClient jdbc;

    @Test
    void livingSituationAbsenceAndTheMunicipalitysChoice(Browsing browsing) {
        fixtures.resetMunicipality(MUNICIPALITY);
        LocalDate planned = TestClock.today().plusDays(10);
        fixtures.decidePlannedYear(MUNICIPALITY, planned, 20, 0);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MUNICIPALITY), proposalId,
                fixtures.plannedDates(caseId, planned), null)).value();
        PageAudit audit = new PageAudit(browsing);

        Page agency = browsing.login(user(fixtures.caseworker()));
        agency.navigate(browsing.url("/saker/" + caseId));
        Keyboard.assertOperable(agency, "main form[action$='/bosituasjon']");
        agency.selectOption("#livingKind", "MAMOT");
        agency.fill("#livingFrom", TestClock.today().toString());
        agency.selectOption("#livingMunicipalityNumber", MUNICIPALITY);
        browsing.pressEnter(agency, agency.locator("main form[action$='/bosituasjon'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(agency);
        assertThat(agency.locator("#livingKind-error").textContent()).contains("MAMOT kan bare registreres innenfor ordningens periode");
        assertThat(agency.inputValue("#livingFrom")).isEqualTo(TestClock.today().toString());
        audit.check(agency, "case page with a MAMOT date outside the window");

        agency.navigate(browsing.url("/saker/" + caseId));
        Keyboard.assertOperable(agency, "main form[action$='/fravaer']");
        browsing.pressEnter(agency, agency.locator("main form[action$='/fravaer'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(agency);
        assertThat(agency.locator("#absenceFrom-error").textContent()).isNotBlank();
        audit.check(agency, "case page with absence errors");
        assertThat(status(caseId)).isEqualTo("OFFERED");

        lifecycle.markAbsent(caseId, fixtures.caseworker(), TestClock.today(), TestClock.today().plusDays(30), "Reist til Ukraina").value();
        Page officer = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        officer.navigate(browsing.url("/saker/" + caseId));
        Keyboard.assertOperable(officer, "main form[action$='/plasser']");
        audit.check(officer, "case page with the municipality's choice to hold or release its places");
        browsing.pressEnter(officer, officer.locator("main form[action$='/plasser'] button[value=HOLD]"));
        assertThat(officer.locator(".alert.success").textContent()).contains("Plassene holdes av.");
        assertThat(officer.locator("main").textContent()).contains("Kommunen holder av plassene.");
        audit.assertClean();
        assertThat(status(caseId)).isEqualTo("TEMPORARILY_ABSENT");
        assertThat(jdbc.sql("select places_choice from case_absence where case_id = :c").param("c", caseId).query(String.class).single())
                .isEqualTo("HOLD");
    }

    @Test
    void reopeningAClosedCase(Browsing browsing) {
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 0);
        commands.close(caseId, fixtures.caseworker(), CloseReason.LEFT_NORWAY, "Reiste", null).value();
        Page agency = browsing.login(user(fixtures.caseworker()));
        agency.navigate(browsing.url("/saker/" + caseId));
        Keyboard.assertOperable(agency, "main form[action$='/gjenapne']");
        browsing.pressEnter(agency, agency.locator("main form[action$='/gjenapne'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(agency);
        assertThat(agency.locator("#reopenReason-error").textContent()).contains("Skriv en begrunnelse.");
        PageAudit audit = new PageAudit(browsing);
        audit.check(agency, "case page with reopening errors");
        audit.assertClean();
        assertThat(status(caseId)).isEqualTo("CLOSED");
    }

    private String status(long caseId) {
        return jdbc.sql("select status from settlement_case where id = :id").param("id", caseId).query(String.class).single();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
