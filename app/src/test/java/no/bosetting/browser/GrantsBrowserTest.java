package no.bosetting.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.grants.DemoGrantRates;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grant pages (issue 17 items 1–3) in the browser, each through the accessibility audit (WCAG 2.1 AA): the rates
 * with a refused form (error summary takes focus, the error next to its field), the national sums and forecast, a
 * payment run and its locked lines, the municipality's five years and a person's schedule.
 */
@BrowserTest
class GrantsBrowserTest {

    /** Leirfjord: no other test plans with it. */
    private static final String MUNICIPALITY = "1822";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    DemoGrantRates demoRates;

    @Test
    void ratesSumsPaymentRunMunicipalityAndPerson(Browsing browsing) {
        demoRates.ensure(Actor.system());
        LocalDate settled = TestClock.today();
        fixtures.decidePlannedYear(MUNICIPALITY, settled, 50, 0);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MUNICIPALITY), proposalId,
                fixtures.plannedDates(caseId, settled), null)).value();
        for (SettlementDecision d : decisions.forCase(caseId)) {
            decisions.registerSettlementDate(d.id(), settled, null, fixtures.municipality(MUNICIPALITY)).value();
        }
        long personId = decisions.forCase(caseId).get(0).personId();
        PageAudit audit = new PageAudit(browsing);

        Page planner = browsing.login(user(fixtures.planner()));
        planner.navigate(browsing.url("/tilskudd/satser"));
        audit.check(planner, "grant rates");
        Keyboard.assertOperable(planner, "main form[action$='/tilskudd/satser']");
        planner.selectOption("#kind", "INTEGRATION");
        planner.fill("#amount", "1000");
        browsing.pressEnter(planner, planner.locator("main form[action$='/tilskudd/satser'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(planner);
        assertThat(planner.locator("#category-error").textContent()).contains("Velg kategori");
        assertThat(planner.inputValue("#amount")).isEqualTo("1000");
        audit.check(planner, "grant rates with errors");

        planner.navigate(browsing.url("/tilskudd"));
        assertThat(planner.locator("main").textContent()).contains("Prognose fra planleggingsscenarioet");
        audit.check(planner, "grants nationally");

        planner.navigate(browsing.url("/tilskudd/utbetalinger"));
        audit.check(planner, "payment runs");
        planner.fill("#year", String.valueOf(settled.getYear()));
        browsing.pressEnter(planner, planner.locator("main form[action$='/tilskudd/utbetalinger'] button[type=submit]"));
        assertThat(planner.locator(".alert.success").textContent()).contains("er låst");
        audit.check(planner, "payment run with its locked lines");

        planner.navigate(browsing.url("/tilskudd/personer/" + personId));
        assertThat(planner.locator("main").textContent()).contains("Tilskuddsplan for Testa Testesen").contains("Husstanden ble bosatt");
        audit.check(planner, "a person's grant schedule");
        Keyboard.assertOperable(planner, "main form[action$='/nedsatt-funksjonsevne']");
        browsing.pressEnter(planner, planner.locator("main form[action$='/nedsatt-funksjonsevne'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(planner);
        assertThat(planner.locator("#grantedOn-error").textContent()).contains("Oppgi datoen");
        audit.check(planner, "a person's grant schedule with disability-grant errors");

        Page officer = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        officer.navigate(browsing.url("/kommune/tilskudd"));
        assertThat(officer.locator("main").textContent()).contains("Tilskudd til Leirfjord").contains("Testa Testesen");
        audit.check(officer, "the municipality's grants");
        officer.navigate(browsing.url("/kommune/tilskudd/personer/" + personId + "?lang=en"));
        assertThat(officer.locator("main").textContent()).contains("Grant schedule for Testa Testesen");
        audit.check(officer, "a person's grant schedule in English");
        audit.assertClean();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
