package no.bosetting.browser;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.HouseholdType;
import no.bosetting.planning.ForecastAssumptions;
import no.bosetting.planning.NationalPlan;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's year what-if and the fairness report in a real browser (issue 23 items 5 and 6): run two what-ifs,
 * read one, compare them, and read the quarterly fairness report — each page passing axe (WCAG 2.1 A/AA), in
 * Norwegian and English.
 */
@BrowserTest
class YearWhatIfBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NationalPlan plan;

    @Test
    void runReadAndCompareWhatIfsAndReadTheFairnessReport(Browsing browsing) {
        long n = Fixtures.next();
        Actor planner = new Actor("hvaom-planlegger-" + n, "Hva Om Planlegger", Role.AGENCY_PLANNER, null, null);
        accounts.createIfMissing(planner, Browsing.PASSWORD, null);
        int year = TestClock.today().getYear() + 1;
        fixtures.decide("3905", year, 40, 0);
        fixtures.decidePlannedYear("3905", TestClock.today(), 40, 0); // this year's places for the fairness report
        ForecastAssumptions assumptions = new ForecastAssumptions(null,
                Map.of(HouseholdType.SINGLE_MAN, 50.0, HouseholdType.COUPLE_WITH_CHILDREN, 50.0), 10.0);
        plan.saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, 1200, null, assumptions, "nettlesertest").value();
        plan.saveScenario(planner, year, PlanningScenario.Kind.LOW, 600, null, assumptions, "nettlesertest").value();
        PageAudit audit = new PageAudit(browsing);

        Page page = browsing.login(planner);
        for (PlanningScenario.Kind kind : List.of(PlanningScenario.Kind.EXPECTED, PlanningScenario.Kind.LOW)) {
            page.navigate(browsing.url("/kapasitet/hva-om"));
            audit.check(page, "/kapasitet/hva-om");
            page.selectOption("#year", String.valueOf(year));
            page.check("#scenario-" + kind.name());
            browsing.submit(page, page.locator("#whatif-form button[type=submit]"));
            assertThat(page.url()).matches(".*/kapasitet/hva-om/\\d+$");
            assertThat(page.textContent("#whatif-national")).contains("4. kvartal");
            assertThat(page.textContent("#whatif-municipalities")).contains("Tønsberg");
        }
        audit.check(page, "/kapasitet/hva-om/{id}");
        browsing.submit(page, page.locator("#compare-form button[type=submit]"));
        assertThat(page.url()).contains("/kapasitet/hva-om/sammenlign");
        assertThat(page.textContent("main")).contains("Forventet").contains("Lavt").contains("Tønsberg");
        audit.check(page, "/kapasitet/hva-om/sammenlign");
        page.navigate(page.url() + "&lang=en");
        assertThat(page.textContent("h1")).contains("Comparison of two what-if runs");
        audit.check(page, "/kapasitet/hva-om/sammenlign in en");
        page.navigate(browsing.url("/kapasitet/hva-om?lang=en"));
        audit.check(page, "/kapasitet/hva-om in en");

        for (String lang : List.of("nb", "en")) {
            page.navigate(browsing.url("/statistikk/rettferdighet?lang=" + lang));
            audit.check(page, "/statistikk/rettferdighet in " + lang);
        }
        page.navigate(browsing.url("/statistikk/rettferdighet?lang=nb"));
        assertThat(page.textContent("main")).contains("Per fylke").contains("Andel av landets tunge saker").contains("Tønsberg")
                .contains("Fordeling over tid " + TestClock.today().getYear());
        audit.assertClean();
    }
}
