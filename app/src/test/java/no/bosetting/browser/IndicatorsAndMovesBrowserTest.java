package no.bosetting.browser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.planning.CapacityRequests;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 items 5 and 7 in a real browser with the axe audit: the planner's indicator upload (refused file with
 * per-row errors, then a good one), the request page's "data behind the criteria", the caseworker's move form (with
 * errors, then registered) and the statistics pages with moves and IMDi's history, staff and public, nb and en.
 */
@BrowserTest
class IndicatorsAndMovesBrowserTest {

    /** Narvik: no other browser test settles households here. */
    private static final String MUNICIPALITY = "1806";
    private static final String HEADER = "kommunenummer,indikator,aar,verdi,kilde,tabell\n";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CapacityRequests requests;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }

    @Test
    void uploadRequestCriteriaMoveFormAndStatisticsPassTheAudit(Browsing browsing) {
        PageAudit audit = new PageAudit(browsing);
        int year = TestClock.today().getYear() + 1;
        requests.saveNeed(fixtures.planner(), year, 5_500, TestClock.today(), Map.of()).value();

        // The planner uploads a file with bad rows: refused, each row's problem listed; then a good file.
        Page planner = browsing.login(user(fixtures.planner()));
        planner.navigate(browsing.url("/kapasitet/indikatorer"));
        audit.check(planner, "indicator upload page");
        planner.setInputFiles("#file", new FilePayload("feil.csv", "text/csv",
                (HEADER + "9999,arbeidsledighet,2097,2,NAV,helt ledige\n4001,innvandrerandel,2097,120,SSB,09817\n").getBytes(StandardCharsets.UTF_8)));
        browsing.submit(planner, planner.locator("main form button[type=submit]"));
        assertThat(planner.locator(".error-summary").textContent()).contains("Filen ble ikke importert: 2 feil.");
        assertThat(planner.locator("#problems-title + .table-wrap tbody tr").count()).isEqualTo(2);
        audit.check(planner, "indicator upload refused with per-row errors");
        planner.setInputFiles("#file", new FilePayload("ok.csv", "text/csv",
                (HEADER + "4001,arbeidsledighet,2097,2.8,NAV,helt ledige\n").getBytes(StandardCharsets.UTF_8)));
        browsing.submit(planner, planner.locator("main form button[type=submit]"));
        assertThat(planner.locator(".alert.success").textContent()).contains("1 rader fra ok.csv er importert.");
        audit.check(planner, "indicator upload imported");
        planner.navigate(browsing.url("/kapasitet/indikatorer?lang=en"));
        audit.check(planner, "indicator upload page in English");

        // The request page says where each criterion's number came from.
        planner.navigate(browsing.url("/kapasitet/anmodninger/4001?year=" + year + "&lang=nb"));
        assertThat(planner.locator("#criteria-sources-title").textContent()).isEqualTo("Data bak kriteriene");
        assertThat(planner.locator("[data-criterion=INTRODUCTION][data-origin=DEFAULT]").textContent()).contains("Standardverdien 1,0 er brukt");
        audit.check(planner, "request page with the data behind the criteria");

        // The caseworker registers a move of a settled household: first without a reason, then in full.
        long caseId = settledHousehold();
        Page caseworker = browsing.login(user(fixtures.caseworker()));
        caseworker.navigate(browsing.url("/saker/" + caseId));
        audit.check(caseworker, "case page with the move form");
        caseworker.fill("#move-movedOn", TestClock.today().toString());
        caseworker.selectOption("#move-toMunicipality", "1804");
        browsing.submit(caseworker, caseworker.locator("#moves form button[type=submit]"));
        assertThat(caseworker.locator("#move-reason .error-message").textContent()).contains("Velg årsak til flyttingen.");
        assertThat(caseworker.locator("#move-toMunicipality").inputValue()).isEqualTo("1804"); // what was chosen is kept
        audit.check(caseworker, "move form with errors");
        caseworker.check("#move-reason-FAMILY");
        caseworker.check("#move-agreed-yes");
        browsing.submit(caseworker, caseworker.locator("#moves form button[type=submit]"));
        assertThat(caseworker.locator("#moves tbody tr").count()).isEqualTo(2);
        audit.check(caseworker, "case page with the move registered");

        // The statistics pages count the move out of Narvik and into Bodø, and show IMDi's history with its sources.
        planner.navigate(browsing.url("/statistikk"));
        assertThat(planner.locator("#secondary-moves-table tr[data-municipality='" + MUNICIPALITY + "'] td").first().textContent()).isEqualTo("2");
        assertThat(planner.locator("#settlement-history-table tr[data-year='2022']").textContent()).contains("31");
        audit.check(planner, "staff statistics with moves and history");
        for (String lang : List.of("nb", "en")) {
            Page visitor = browsing.open("public-stats-" + lang, lang);
            visitor.navigate(browsing.url("/offentlig/statistikk?lang=" + lang));
            assertThat(visitor.locator("#settlement-history-table").count()).isEqualTo(1);
            audit.check(visitor, "public statistics with moves and history in " + lang);
        }
        audit.assertClean();
    }

    private long settledHousehold() {
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, year, 100, 0);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 1, TestClock.today().minusDays(40));
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, MUNICIPALITY);
        Actor municipality = fixtures.municipality(MUNICIPALITY);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(municipality, proposal,
                fixtures.plannedDates(caseId, TestClock.today()), null)).value();
        ids.forEach(id -> decisions.registerSettlementDate(id, TestClock.today(), null, municipality).value());
        return caseId;
    }
}
