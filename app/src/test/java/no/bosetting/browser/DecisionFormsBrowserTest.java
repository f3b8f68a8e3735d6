package no.bosetting.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The changed decision form (kind of decision, range maximum, family reunification inside or on top) and the acceptance
 * form's date hint for next year (issue 14 items 2–4): keyboard-operable, errors next to the fields with the summary
 * taking focus, what the municipality's start page then says, and every page passing the accessibility audit.
 */
@BrowserTest
class DecisionFormsBrowserTest {

    /** Steigen and Saltdal: no other test plans with them. */
    private static final String STEIGEN = "1848";
    private static final String SALTDAL = "1840";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;
    @Autowired
    CapacityDecisions capacity;

    @Test
    void aRangeWithItsMinimumAboveItsMaximumIsRefusedAndAPeriodTotalIsShownOnTheStartPage(Browsing browsing) {
        fixtures.resetMunicipality(STEIGEN);
        int year = TestClock.today().getYear();
        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(user(fixtures.municipality(STEIGEN)));
        page.navigate(browsing.url("/kommune/vedtak"));
        Keyboard.assertOperable(page, "#decision-form");
        audit.check(page, "decision form");

        page.selectOption("#kind", "RANGE");
        page.fill("#persons", "50");
        page.fill("#maxPersons", "30");
        page.fill("#deviationReason", "Kommunestyret vedtok et spenn");
        browsing.pressEnter(page, page.locator("#decision-form button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
        assertThat(page.locator("#maxPersons-error").textContent()).contains("Det laveste antallet (50) kan ikke være høyere enn det høyeste (30).");
        assertThat(page.inputValue("#persons")).isEqualTo("50");
        assertThat(page.inputValue("#kind")).isEqualTo("RANGE");
        audit.check(page, "decision form with a range error");
        assertThat(capacity.find(STEIGEN, year)).isEmpty();

        page.selectOption("#kind", "PERIOD");
        page.fill("#persons", "40");
        page.fill("#maxPersons", "");
        page.fill("#untilYear", String.valueOf(year + 1));
        page.selectOption("#reunifiedOnTop", "true");
        browsing.pressEnter(page, page.locator("#decision-form button[type=submit]"));
        CapacityDecision decided = capacity.find(STEIGEN, year + 1).orElseThrow();
        assertThat(decided.kind()).isEqualTo(CapacityDecision.Kind.PERIOD);
        assertThat(decided.persons()).isEqualTo(40);
        assertThat(decided.reunifiedOnTop()).isTrue();
        page.navigate(browsing.url("/kommune"));
        assertThat(page.locator("#places-note").textContent()).contains("Ledige plasser er det som er igjen av perioden: 40")
                .contains("Familiegjenforente kommer i tillegg til tallet");
        audit.check(page, "municipality start page with a period decision");
        page.navigate(browsing.url("/kommune/vedtak"));
        assertThat(page.locator("#decision-kind").textContent()).contains("40 personer til sammen for " + year + "–" + (year + 1));
        audit.assertClean();
    }

    @Test
    void theAcceptanceFormSaysAtTheDateFieldThatNextYearHasNoDecisionAndTheStartPageShowsALoweringOverride(Browsing browsing) {
        fixtures.resetMunicipality(SALTDAL);
        int year = TestClock.today().getYear();
        fixtures.decide(SALTDAL, year, 5, 0);
        long caseId = fixtures.household(fixtures.centre(SALTDAL), 1);
        fixtures.ready(caseId);
        long accepted = fixtures.propose(caseId, SALTDAL);
        LocalDate planned = TestClock.today();
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(SALTDAL), accepted,
                fixtures.plannedDates(caseId, planned), null)).value();
        // The agency planner sets the number below the two places used, with a reason the municipality sees.
        capacity.record(fixtures.planner(), SALTDAL, planned.getYear(), 1, 0, TestClock.today(),
                "Kommunestyret reduserte vedtaket etter boligbrann").value();
        long waiting = fixtures.household(fixtures.centre(SALTDAL), 0);
        fixtures.ready(waiting);
        long proposal = fixtures.propose(waiting, SALTDAL);

        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(user(fixtures.municipality(SALTDAL)));
        page.navigate(browsing.url("/kommune/forslag/" + proposal));
        assertThat(page.locator("#plannedDate-year-hint").textContent())
                .contains("Saltdal har ikke registrert vedtak om bosetting for " + (year + 1))
                .contains("IMDi");
        assertThat(page.getAttribute("#plannedDateAll", "aria-describedby")).contains("plannedDate-year-hint");
        audit.check(page, "acceptance form with next year's hint");

        page.navigate(browsing.url("/kommune"));
        assertThat(page.locator("#lowering-override-note").textContent()).contains("Kommunestyret reduserte vedtaket etter boligbrann");
        audit.check(page, "municipality start page with a lowering override");
        audit.assertClean();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
