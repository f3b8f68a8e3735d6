package no.bosetting.messages;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.browser.BrowserTest;
import no.bosetting.browser.Browsing;
import no.bosetting.browser.PageAudit;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox, the threads and the reconsideration pages, in bokmål and English, with and without
 * errors, for the agency and the municipality: axe-core finds no WCAG 2.1 A/AA violation.
 */
@BrowserTest
class MessagesPagesBrowserTest {

    /** Herøy (Møre og Romsdal): no other test uses it. */
    private static final String MUNICIPALITY = "1515";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;
    @Autowired
    MessageThreads threads;
    @Autowired
    ThreadMessages messages;

    @Test
    void inboxThreadsAndReconsiderationPagesPassTheAudit(Browsing browsing) {
        Actor officer = fixtures.municipality(MUNICIPALITY);
        accounts.createIfMissing(officer, Browsing.PASSWORD, null);
        Actor admin = new Actor("admin-meldinger-nettleser", "Nettleser Administrator", Role.AGENCY_ADMIN, null, null);
        accounts.createIfMissing(admin, Browsing.PASSWORD, null);

        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, planned.getYear(), 20, 0);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        proposals.accept(officer, proposalId, fixtures.plannedDates(caseId, planned), null).value();
        ThreadRef ref = threads.caseThread(caseId, null, admin).orElseThrow();
        messages.post(ref, admin, "Trenger familien bolig på bakkeplan?", List.of(new NewAttachment("plan.png", MessageThreadsTest.PNG))).value();
        messages.post(ref, officer, "Ja, vi har en aktuell bolig.", List.of()).value();

        PageAudit audit = new PageAudit(browsing);
        Page agency = browsing.login(admin);
        for (String lang : new String[]{"nb", "en"}) {
            for (String path : new String[]{"/meldinger", "/meldinger/sak/" + caseId, "/meldinger/kommune/" + MUNICIPALITY,
                    "/omgjoringer", "/saker/" + caseId + "/omgjoring", "/saker/" + caseId}) {
                agency.navigate(browsing.url(path + "?lang=" + lang));
                assertThat(agency.getAttribute("html", "lang")).isEqualTo(lang);
                audit.check(agency, "agency " + path + " in " + lang);
            }
        }
        agency.navigate(browsing.url("/meldinger/sak/" + caseId + "?lang=nb"));
        browsing.submit(agency, agency.locator("main form[enctype='multipart/form-data'] button[type=submit]"));
        assertThat(agency.locator("#body-error").isVisible()).isTrue();
        audit.check(agency, "case thread with an empty message");

        agency.navigate(browsing.url("/saker/" + caseId + "/omgjoring?lang=nb"));
        agency.selectOption("#requesterKind", "OTHER");
        browsing.submit(agency, agency.locator("main form.stack button[type=submit]").last());
        assertThat(agency.locator(".error-summary").isVisible()).isTrue();
        audit.check(agency, "reconsideration request with errors");
        agency.fill("#requesterName", "Advokat Nettleser");
        agency.check("#ground-UNREASONABLE_TIME");
        agency.fill("#explanation", "Boligen blir ikke klar før om et år.");
        browsing.submit(agency, agency.locator("main form.stack button[type=submit]").last());
        assertThat(agency.locator(".alert.success").isVisible()).isTrue();
        audit.check(agency, "open reconsideration request");

        Page municipality = browsing.login(officer);
        for (String lang : new String[]{"nb", "en"}) {
            for (String path : new String[]{"/meldinger", "/meldinger/sak/" + caseId, "/meldinger/kommune/" + MUNICIPALITY}) {
                municipality.navigate(browsing.url(path + "?lang=" + lang));
                audit.check(municipality, "municipality " + path + " in " + lang);
            }
        }
        municipality.navigate(browsing.url("/meldinger/kommune/" + MUNICIPALITY + "?lang=nb"));
        municipality.fill("#contactName", "Kari Kontakt");
        municipality.fill("#contactPhone", "ikke et nummer");
        browsing.submit(municipality, municipality.locator("main form.stack button[type=submit]").last());
        assertThat(municipality.locator("#contactPhone-error").isVisible()).isTrue();
        audit.check(municipality, "contact person with errors");
        audit.assertClean();
    }
}
