package no.bosetting.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.planning.CapacityRequests;
import no.bosetting.planning.ForecastAssumptions;
import no.bosetting.planning.NationalPlan;
import no.bosetting.planning.PlanRevision;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.shared.outbox.OutboxDispatcher;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan with history in a real browser (issue 14 items 6 and 8): the request page with the need's versions, the
 * revision form and Norwegian numbers, a municipality's request page, the forecast page with an error, and the
 * revised request in the municipality's notifications — each passing axe (WCAG 2.1 A/AA), in Norwegian and English.
 */
@BrowserTest
class PlanningBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NationalPlan plan;
    @Autowired
    CapacityRequests requests;
    @Autowired
    PlanRevision revision;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void planningPagesWithVersionsForecastAndRevisionAreAccessible(Browsing browsing) {
        long n = Fixtures.next();
        Actor planner = user(new Actor("plan-planlegger-" + n, "Plan Planlegger", Role.AGENCY_PLANNER, null, null));
        Actor officer = user(new Actor("plan-kommune-" + n, "Plan Kommune", Role.MUNICIPALITY_OFFICER, "4601", null));
        int year = TestClock.today().getYear() + 9;
        for (String table : List.of("capacity_request", "national_need_county", "national_need", "national_need_version",
                "planning_scenario", "planning_scenario_version")) {
            jdbc.sql("delete from " + table + " where year = :y").param("y", year).update();
        }
        plan.saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, 5_500, "Før krigen", ForecastAssumptions.NONE, null).value();
        plan.saveNeed(planner, year, 5_500, LocalDate.of(year - 1, 10, 1), Map.of(), null).value();
        requests.issue(planner, year, LocalDate.of(year - 1, 10, 1), "Anmodning om bosetting i " + year).value();
        plan.saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, 31_500, null, new ForecastAssumptions(null,
                Map.of(no.bosetting.cases.HouseholdType.SINGLE_WOMAN, 45.5, no.bosetting.cases.HouseholdType.SINGLE_ADULT_WITH_CHILDREN, 54.5),
                12.5), "UDIs prognose etter krigsutbruddet").value();
        revision.revise(planner, year, 35_000, LocalDate.of(year, 3, 18), "Krigen i Ukraina: revidert anmodning").value();
        for (int i = 0; i < 50 && dispatcher.dispatchPending() > 0; i++) {
            // deliver the notifications
        }
        PageAudit audit = new PageAudit(browsing);

        Page page = browsing.login(planner);
        for (String lang : List.of("nb", "en")) {
            page.navigate(browsing.url("/kapasitet/anmodninger?year=" + year + "&lang=" + lang));
            audit.check(page, "/kapasitet/anmodninger in " + lang);
            page.navigate(browsing.url("/kapasitet/anmodninger/prognose?year=" + year + "&scenario=EXPECTED&lang=" + lang));
            audit.check(page, "/kapasitet/anmodninger/prognose in " + lang);
        }
        page.navigate(browsing.url("/kapasitet/anmodninger?year=" + year + "&lang=nb"));
        String main = page.textContent("main");
        assertThat(main).contains("724\u00a0290").contains("1,125").contains("Krigen i Ukraina: revidert anmodning")
                .contains("35\u00a0000").contains("5\u00a0500");

        page.navigate(browsing.url("/kapasitet/anmodninger/4601?year=" + year));
        audit.check(page, "/kapasitet/anmodninger/4601");
        assertThat(page.textContent("main")).contains("Krigen i Ukraina: revidert anmodning");

        // A change without a reason: the error summary and the message at the field, what was typed kept.
        page.navigate(browsing.url("/kapasitet/anmodninger/prognose?year=" + year + "&scenario=EXPECTED"));
        assertThat(page.textContent("main")).contains("31\u00a0500").contains("Plasser som trengs per kvartal");
        page.fill("#privateShare", "20");
        browsing.submit(page, page.locator("form[action$='/prognose'] button[type=submit]"));
        assertThat(page.locator(".error-summary").textContent()).contains("Skriv hvorfor tallet endres");
        assertThat(page.inputValue("#privateShare")).isEqualTo("20");
        audit.check(page, "/kapasitet/anmodninger/prognose with an error");

        // The municipality sees the revised request in its notifications.
        Page municipality = browsing.login(officer);
        municipality.navigate(browsing.url("/varsler"));
        assertThat(municipality.textContent("main")).contains("Endret anmodning om bosetting i " + year);
        audit.check(municipality, "/varsler with the revised request");
        municipality.navigate(browsing.url("/kommune/vedtak?year=" + year));
        assertThat(municipality.textContent("main")).contains("Anmodningen ble endret 18.03." + year);
        audit.check(municipality, "/kommune/vedtak with the revised request");
        audit.assertClean();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
