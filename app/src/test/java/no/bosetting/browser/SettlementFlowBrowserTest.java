package no.bosetting.browser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core flow in a real browser, each staff role signed in through the login form and doing its
 * part with clicks and typing: import, interview, council decision, proposal, acceptance, settlement.
 * Every page state the flow reaches (and every page in each role's navigation) is scanned with axe-core
 * and for CSRF tokens; the security headers of every HTML response are checked at the end.
 */
@BrowserTest
class SettlementFlowBrowserTest {

    /** Bodø: the browser tests' own database, and no other browser test plans with this municipality. */
    private static final String MUNICIPALITY = "1804";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CaseQueries cases;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fromPermitImportToSettledEveryPageAccessible(Browsing browsing) {
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(MUNICIPALITY);
        long centre = fixtures.centre(MUNICIPALITY);
        Actor caseworker = user(fixtures.caseworker());
        Actor reception = user(fixtures.reception(centre));
        Actor municipality = user(fixtures.municipality(MUNICIPALITY));
        Actor planner = user(fixtures.planner());
        PageAudit audit = new PageAudit(browsing);

        // 1. The caseworker imports the permit from a CSV file.
        Page agency = browsing.login(caseworker);
        audit.check(agency, "caseworker start page");
        browsing.submit(agency, agency.locator("header nav a[href='/import']"));
        audit.check(agency, "import form");
        browsing.submit(agency, agency.locator("main form button[type=submit]"));
        assertThat(agency.locator(".error-summary").isVisible()).as("import without a file is refused").isTrue();
        audit.check(agency, "import form with errors");
        String permit = "BROWSER-" + Fixtures.next();
        agency.setInputFiles("#file", new FilePayload("tillatelser.csv", "text/csv", csv(permit, centre).getBytes(StandardCharsets.UTF_8)));
        browsing.submit(agency, agency.locator("main form button[type=submit]"));
        audit.check(agency, "import report");
        long caseId = jdbc.sql("select id from settlement_case where permit_reference = :r").param("r", permit).query(Long.class).single();
        assertThat(status(caseId)).isEqualTo(CaseStatus.UNDER_MAPPING);
        agency.navigate(browsing.url("/saker/" + caseId));
        audit.check(agency, "case page, under mapping (caseworker)");

        // 2. Reception staff find their resident and record the settlement interview.
        Page centrePage = browsing.login(reception);
        audit.check(centrePage, "reception residents list");
        browsing.submit(centrePage, centrePage.locator("main a[href='/saker/" + caseId + "']"));
        audit.check(centrePage, "case page, under mapping (reception)");
        browsing.submit(centrePage, centrePage.locator("main a[href='/saker/" + caseId + "/samtale']"));
        audit.check(centrePage, "interview form");
        browsing.submit(centrePage, centrePage.locator("form#interview button[type=submit]"));
        assertThat(centrePage.locator(".error-summary").isVisible()).as("an empty interview is refused").isTrue();
        audit.check(centrePage, "interview form with errors");
        centrePage.fill("#heldOn", TestClock.today().minusDays(1).toString());
        centrePage.fill("#adaptationNeeds", "Trenger bolig på bakkeplan");
        centrePage.fill("#education", "Sykepleier");
        centrePage.check("#drivingLicence");
        centrePage.check("#hasCar-no");
        browsing.submit(centrePage, centrePage.locator("form#interview button[type=submit]"));
        assertThat(centrePage.url()).endsWith("/saker/" + caseId);
        assertThat(status(caseId)).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        audit.check(centrePage, "case page, ready for allocation (reception)");

        // 3. The municipality records its council decision, first with a missing number.
        Page town = browsing.login(municipality);
        audit.check(town, "municipality dashboard");
        browsing.submit(town, town.locator("header nav a[href='/kommune/vedtak']"));
        audit.check(town, "council decision form");
        town.fill("#persons", "");
        browsing.submit(town, town.locator("#decision-form button[type=submit]"));
        assertThat(town.locator(".error-summary").isVisible()).as("a decision without a number is refused").isTrue();
        audit.check(town, "council decision form with errors");
        town.fill("#persons", "20");
        town.fill("#decidedOn", TestClock.today().minusDays(5).toString());
        browsing.submit(town, town.locator("#decision-form button[type=submit]"));
        assertThat(decisions.placesUsed(MUNICIPALITY, year).decided()).isEqualTo(20);
        audit.check(town, "municipality dashboard after the decision");

        // 4. The caseworker proposes the household to the municipality.
        browsing.submit(agency, agency.locator("header nav a[href='/fordeling']"));
        audit.check(agency, "allocation, no municipality chosen");
        agency.selectOption("#municipality-filter", MUNICIPALITY);
        browsing.submit(agency, agency.locator("main form.filters button[type=submit]"));
        audit.check(agency, "allocation for the municipality");
        agency.check("#case-" + caseId);
        browsing.submit(agency, agency.locator("main form[method=post][action='/fordeling'] > button[type=submit]"));
        assertThat(status(caseId)).isEqualTo(CaseStatus.PROPOSED);
        audit.check(agency, "proposals overview after sending");
        agency.navigate(browsing.url("/saker/" + caseId));
        audit.check(agency, "case page, proposed (caseworker, with on-behalf and withdraw forms)");
        long proposalId = jdbc.sql("select id from proposal where case_id = :c").param("c", caseId).query(Long.class).single();

        // 5. The municipality opens the anonymised proposal and accepts with a planned date.
        browsing.submit(town, town.locator("header nav a[href='/kommune/forslag']"));
        audit.check(town, "incoming proposals");
        browsing.submit(town, town.locator("main a[href='/kommune/forslag/" + proposalId + "']"));
        audit.check(town, "proposal detail");
        browsing.submit(town, town.locator("main form[action$='/aksepter'] button[type=submit]"));
        assertThat(town.locator(".error-summary").isVisible()).as("acceptance without a planned date is refused").isTrue();
        assertThat(status(caseId)).isEqualTo(CaseStatus.PROPOSED);
        audit.check(town, "proposal detail with acceptance errors");
        town.fill("#plannedDateAll", TestClock.today().plusDays(10).toString());
        browsing.submit(town, town.locator("main form[action$='/aksepter'] button[type=submit]"));
        assertThat(town.url()).endsWith("/saker/" + caseId);
        assertThat(status(caseId)).isEqualTo(CaseStatus.OFFERED);
        audit.check(town, "case page, offered (municipality)");
        browsing.submit(town, town.locator("main a[href='/saker/" + caseId + "/vedtaksbrev']"));
        audit.check(town, "decision letter");

        // 6. The municipality registers the settlement date of every member; the last one settles the case.
        List<SettlementDecision> offered = decisions.forCase(caseId);
        assertThat(offered).hasSize(2);
        town.navigate(browsing.url("/saker/" + caseId));
        for (SettlementDecision d : offered) {
            town.fill("#date-" + d.id(), TestClock.today().toString());
            browsing.submit(town, town.locator("form[action='/vedtak/" + d.id() + "/bosettingsdato'] button[type=submit]"));
        }
        assertThat(status(caseId)).isEqualTo(CaseStatus.SETTLED);
        audit.check(town, "case page, settled (municipality)");
        agency.navigate(browsing.url("/saker/" + caseId));
        audit.check(agency, "case page, settled (caseworker)");

        // 7. The planner follows places used; and every page in each role's navigation is scanned.
        Page plannerPage = browsing.login(planner);
        audit.check(plannerPage, "planner start page");
        plannerPage.navigate(browsing.url("/kapasitet"));
        assertThat(plannerPage.locator("main").innerText()).contains("Bodø");
        audit.check(plannerPage, "places per municipality (planner)");
        Map<String, Page> roles = new LinkedHashMap<>();
        roles.put("caseworker", agency);
        roles.put("reception staff", centrePage);
        roles.put("municipality officer", town);
        roles.put("planner", plannerPage);
        roles.forEach((role, page) -> {
            for (String href : navigation(page)) {
                if (audit.audited(page, href)) {
                    continue; // the flow already scanned this page for this person
                }
                page.navigate(browsing.url(href));
                audit.check(page, "navigation " + href + " as " + role);
            }
        });
        assertThat(decisions.placesUsed(MUNICIPALITY, year).settled()).isEqualTo(2);

        audit.assertClean();
        assertThat(audit.audited()).hasSizeGreaterThan(25);
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }

    private CaseStatus status(long caseId) {
        return cases.summaryForSystem(caseId).orElseThrow().status();
    }

    private static List<String> navigation(Page page) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.evaluate("() => [...document.querySelectorAll('header nav a')].map(a => a.getAttribute('href'))");
        Map<String, Boolean> unique = new LinkedHashMap<>();
        hrefs.forEach(h -> unique.put(h, true));
        return new ArrayList<>(unique.keySet());
    }

    private static String csv(String permit, long centre) {
        String date = TestClock.today().minusDays(20).toString();
        return "permit_reference,permit_type,permit_date,living_situation,reception_centre_id,municipality_number,duf_number,"
                + "national_id,d_number,given_name,family_name,birth_date,sex,citizenship,relation,phone,email\n"
                + permit + ",COLLECTIVE_PROTECTION," + date + ",RECEPTION_CENTRE," + centre + ",," + Fixtures.duf()
                + ",,,Olena,Nettleserenko,1988-02-03,F,UKR,MAIN,+4791234567,\n"
                + permit + ",COLLECTIVE_PROTECTION," + date + ",RECEPTION_CENTRE," + centre + ",," + Fixtures.duf()
                + ",,,Maksym,Nettleserenko,2016-07-08,M,UKR,CHILD,,\n";
    }
}
