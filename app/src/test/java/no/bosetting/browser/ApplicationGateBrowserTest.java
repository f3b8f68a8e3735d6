package no.bosetting.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.applications.ApplicationForm;
import no.bosetting.applications.SettlementApplications;
import no.bosetting.cases.PermitImport;
import no.bosetting.selfservice.RefugeeSupport;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 items 5 and 8 in a real browser, each changed page checked with axe: the application page with the effect
 * of a decision and the designated group's hint for a late application; the municipality's list of households living
 * privately with the link to the interview, the interview form for the municipality officer; the refugee's first
 * letter on My page in bokmål, English and Ukrainian.
 */
@BrowserTest
class ApplicationGateBrowserTest {

    private static final String MUNICIPALITY = "4601";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PermitImport permits;
    @Autowired
    SettlementApplications applications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    no.bosetting.selfsettlement.SelfSettlementSettings settings;

    private static final String NOT_TAKING_PART = "1511";

    private static ApplicationForm form() {
        return new ApplicationForm(false, null, null, null, false, null, null, "false", null, null, null, null, null, null,
                null, null, null);
    }

    @Test
    void theLateApplicationTheMunicipalityInterviewAndTheFirstLetterAreUsableAndAccessible(Browsing browsing) {
        long n = Fixtures.next();
        Actor caseworker = user(new Actor("soknad-sb-" + n, "Søknad Saksbehandler", Role.AGENCY_CASEWORKER, null, null));
        Actor officer = user(new Actor("soknad-kommune-" + n, "Søknad Kommune", Role.MUNICIPALITY_OFFICER, MUNICIPALITY, null));
        String lateDuf = Fixtures.duf();
        RefugeeSupport.privateHousehold(permits, lateDuf, TestClock.today().minusMonths(8), MUNICIPALITY);
        long late = applications.save(Actor.refugee(lateDuf, "Test"), form(), true).value().id();
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(10), MUNICIPALITY);
        long onTime = applications.save(Actor.refugee(duf, "Test"), form(), true).value().id();
        PageAudit audit = new PageAudit(browsing);

        Page page = browsing.login(caseworker);
        page.navigate(browsing.url("/soknader/" + late));
        assertThat(page.locator("main").textContent()).contains("Bare den utpekte gruppen");
        assertThat(page.locator("form[action$='/godta']").count()).isZero();
        audit.check(page, "/soknader/{id} late, as caseworker");
        page.navigate(browsing.url("/soknader/" + onTime));
        audit.check(page, "/soknader/{id} on time");
        browsing.submit(page, page.locator("form[action$='/godta'] button"));
        assertThat(page.locator(".notice").textContent()).contains("godtatt");
        audit.check(page, "/soknader/{id} accepted");

        Actor admin = user(new Actor("soknad-admin-" + n, "Søknad Admin", Role.AGENCY_ADMIN, null, null));
        Page templates = browsing.login(admin);
        for (String path : List.of("/brevmaler", "/brevmaler/rediger?kind=FIRST_LETTER&sprak=nb", "/brevmaler/rediger?kind=FIRST_LETTER&sprak=uk")) {
            templates.navigate(browsing.url(path));
            audit.check(templates, path);
        }
        templates.navigate(browsing.url("/soknader/" + late));
        assertThat(templates.locator("form[action$='/godta']").count()).isEqualTo(1);
        audit.check(templates, "/soknader/{id} late, as the designated group");

        Page municipality = browsing.login(officer);
        municipality.navigate(browsing.url("/kommune/i-kommunen?sort=-permit"));
        audit.check(municipality, "/kommune/i-kommunen with interview links");
        browsing.submit(municipality, municipality.locator("a[href='/saker/" + caseId + "/samtale']"));
        assertThat(municipality.url()).endsWith("/saker/" + caseId + "/samtale");
        audit.check(municipality, "/saker/{id}/samtale as municipality officer");

        Page refugee = browsing.open("refugee-" + n);
        refugee.navigate(browsing.url("/min-side/logg-inn"));
        refugee.fill("#dufNumber", duf);
        browsing.submit(refugee, refugee.locator("main form button[type=submit]"));
        refugee.fill("#code", RefugeeSupport.latestCode(jdbc, duf));
        browsing.submit(refugee, refugee.locator("main form button[type=submit]"));
        for (String lang : List.of("nb", "en", "uk")) {
            refugee.navigate(browsing.url("/min-side/brev?lang=" + lang));
            assertThat(refugee.locator("main").textContent()).isNotBlank();
            audit.check(refugee, "/min-side/brev with the first letter in " + lang);
        }
        refugee.navigate(browsing.url("/min-side/brev?lang=nb"));
        assertThat(refugee.locator("main").textContent()).contains("Du har fått oppholdstillatelse – dette skjer nå");

        // Item 9: a request to a municipality that does not take part is refused at once and recorded on the page.
        fixtures.resetMunicipality(NOT_TAKING_PART);
        settings.save(fixtures.caseworker(), NOT_TAKING_PART, false, null, null, 25).value();
        refugee.navigate(browsing.url("/min-side/selvbosetting"));
        audit.check(refugee, "/min-side/selvbosetting with all municipalities to choose from");
        refugee.selectOption("#municipalityNumber", NOT_TAKING_PART);
        refugee.fill("#address", "Fjordvegen 3");
        refugee.fill("#landlordName", "Privat Utleier");
        refugee.fill("#monthlyRent", "9000");
        refugee.fill("#rooms", "2");
        browsing.submit(refugee, refugee.locator("form:has(#municipalityNumber) button[type=submit]"));
        assertThat(refugee.locator("#municipalityNumber-error").textContent()).contains("Vanylven tar ikke imot avtalt selvbosetting");
        assertThat(refugee.locator("main").textContent()).contains("Kommunen tar ikke imot avtalt selvbosetting");
        audit.check(refugee, "/min-side/selvbosetting with a request refused at once");
        audit.assertClean();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
