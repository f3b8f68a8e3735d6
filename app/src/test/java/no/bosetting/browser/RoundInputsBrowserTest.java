package no.bosetting.browser;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 1 in a real browser with the axe audit: the municipality keeps its service catalogue (a bad period refused
 * at the field, then registered), the agency's catalogue page, and the interview's ties and needs (a job offer without
 * hours refused at the field, then saved), nb and en.
 */
@BrowserTest
class RoundInputsBrowserTest {

    /** Steinkjer: no other browser test keeps a catalogue here. */
    private static final String MUNICIPALITY = "5006";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }

    @Test
    void serviceCatalogueAndInterviewTiesPassTheAudit(Browsing browsing) {
        PageAudit audit = new PageAudit(browsing);
        Page officer = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        officer.navigate(browsing.url("/kommune/tjenester"));
        audit.check(officer, "service catalogue, empty");
        officer.selectOption("#service", "ACCESSIBLE_DWELLING");
        officer.fill("#validFrom", TestClock.today().toString());
        officer.fill("#validTo", TestClock.today().minusDays(3).toString());
        browsing.submit(officer, officer.locator("main form[method=post] button[type=submit]").last());
        assertThat(officer.locator("#validTo-error").textContent()).contains("Sluttdatoen kan ikke være før startdatoen.");
        assertThat(officer.locator("#service").inputValue()).isEqualTo("ACCESSIBLE_DWELLING"); // what was chosen is kept
        audit.check(officer, "service catalogue with an error");
        officer.fill("#validTo", "");
        browsing.submit(officer, officer.locator("main form[method=post] button[type=submit]").last());
        assertThat(officer.locator(".alert.success").textContent()).contains("Tjenesten er registrert.");
        assertThat(officer.locator("main table tbody tr").count()).isEqualTo(1);
        audit.check(officer, "service catalogue with a service");
        officer.navigate(browsing.url("/kommune/tjenester?lang=en"));
        audit.check(officer, "service catalogue in English");

        Page caseworker = browsing.login(user(fixtures.caseworker()));
        caseworker.navigate(browsing.url("/fordeling/tjenester?kommune=" + MUNICIPALITY + "&lang=nb"));
        assertThat(caseworker.locator("main table tbody tr").count()).isEqualTo(1);
        audit.check(caseworker, "the agency's service catalogue page");

        long centre = fixtures.centre("3403");
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        caseworker.navigate(browsing.url("/saker/" + caseId + "/samtale/tilknytning"));
        audit.check(caseworker, "interview ties and needs");
        caseworker.selectOption("#jobMunicipality", "5001");
        caseworker.selectOption("#closeFamilyMunicipality", MUNICIPALITY);
        caseworker.check("#kind-PARENT");
        caseworker.check("[id='need.ACCESSIBLE_DWELLING']");
        browsing.submit(caseworker, caseworker.locator("main form button[type=submit]"));
        assertThat(caseworker.locator("#jobHoursPerWeek-error").textContent()).contains("Skriv hvor mange timer i uka jobbtilbudet gjelder.");
        assertThat(caseworker.locator("#jobMunicipality").inputValue()).isEqualTo("5001");
        audit.check(caseworker, "interview ties with an error");
        caseworker.fill("#jobHoursPerWeek", "20");
        browsing.submit(caseworker, caseworker.locator("main form button[type=submit]"));
        assertThat(caseworker.locator(".alert.success").textContent()).contains("Tilknytning og behov er lagret.");
        assertThat(caseworker.locator("#jobHoursPerWeek").inputValue()).isEqualTo("20");
        audit.check(caseworker, "interview ties saved");
        caseworker.navigate(browsing.url("/saker/" + caseId + "/samtale/tilknytning?lang=en"));
        audit.check(caseworker, "interview ties in English");
    }
}
