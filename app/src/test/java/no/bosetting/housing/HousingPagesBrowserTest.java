package no.bosetting.housing;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.browser.BrowserTest;
import no.bosetting.browser.Browsing;
import no.bosetting.browser.PageAudit;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every housing page, in bokmål and English, with and without errors: axe-core finds no WCAG 2.1
 * A/AA violation, every POST form carries a CSRF token, and the public offer form works signed out.
 */
@BrowserTest
class HousingPagesBrowserTest {

    /** Tønsberg: no other test uses it. */
    private static final String MUNICIPALITY = "3905";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Interviews interviews;
    @Autowired
    Proposals proposals;
    @Autowired
    Dwellings dwellings;
    @Autowired
    HousingOffers offers;
    @Autowired
    Leases leases;
    @Autowired
    HousingInstruments instruments;

    @Test
    void everyHousingPagePassesTheAuditInBothLanguages(Browsing browsing) {
        Actor officer = fixtures.municipality(MUNICIPALITY);
        accounts.createIfMissing(officer, Browsing.PASSWORD, null);
        long household = acceptedHousehold(officer);
        long vacant = dwellings.create(officer, HousingIntegrationTest.data("Nettleserveien " + Fixtures.next(), 3, true, 400)).value();
        long leased = dwellings.create(officer, HousingIntegrationTest.data("Leieveien " + Fixtures.next(), 2, false, null)).value();
        leases.create(officer, leased, new LeaseData(LeaseKind.SUBLEASE, true, TestClock.today(), 3, null, 10_000, 20_000, 3)).value();
        long offer = offers.submit(new OfferData(MUNICIPALITY, "Nils Nettleser", "+47 912 34 567", "nils" + Fixtures.next() + "@example.no",
                "Tilbudsgata " + Fixtures.next(), DwellingType.TERRACED, 4, 95, 15_000, TestClock.today().plusDays(7), "Møblert")).value();

        long allowance = instruments.apply(officer, InstrumentKind.HOUSING_ALLOWANCE, household, null, TestClock.today(), 3_000, null).value();

        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(officer);
        for (String lang : new String[]{"nb", "en"}) {
            for (String path : new String[]{"/kommune/boliger", "/kommune/boliger/ny", "/kommune/boliger/" + vacant,
                    "/kommune/boliger/" + leased, "/kommune/boliger/husstand/" + household, "/kommune/botilbud",
                    "/kommune/botilbud/" + offer, "/kommune/utleiere", "/kommune/leieforhold", "/kommune/boliger/behov", "/kommune/virkemidler"}) {
                page.navigate(browsing.url(path + "?lang=" + lang));
                assertThat(page.getAttribute("html", "lang")).isEqualTo(lang);
                audit.check(page, path + " in " + lang);
            }
        }
        page.navigate(browsing.url("/kommune/boliger/ny?lang=nb"));
        page.fill("#rooms", "0");
        browsing.submit(page, page.locator("main form.stack button[type=submit]"));
        assertThat(page.locator(".error-summary").isVisible()).isTrue();
        audit.check(page, "new dwelling with errors");

        page.navigate(browsing.url("/kommune/botilbud/" + offer));
        page.check("#inspectionDone");
        browsing.submit(page, page.locator("main form.stack button[type=submit]").first());
        assertThat(page.locator("#checklist-error").isVisible()).isTrue();
        audit.check(page, "offer approval with an incomplete checklist");

        page.navigate(browsing.url("/kommune/virkemidler?vedtak=" + allowance));
        page.selectOption("#status", "REFUSED");
        browsing.submit(page, page.locator("main form.stack button[type=submit]").first());
        assertThat(page.locator("#decidedOn-error").isVisible()).isTrue();
        audit.check(page, "instrument decision with errors");

        page.navigate(browsing.url("/kommune/boliger/husstand/" + household));
        browsing.submit(page, page.locator("main table button[type=submit]").first());
        assertThat(page.locator(".alert.success").isVisible()).isTrue();
        audit.check(page, "household with a reserved dwelling");

        Actor planner = fixtures.planner();
        accounts.createIfMissing(planner, Browsing.PASSWORD, null);
        Page agency = browsing.login(planner);
        for (String lang : new String[]{"nb", "en"}) {
            agency.navigate(browsing.url("/kapasitet/boliger?lang=" + lang));
            assertThat(agency.content()).contains("Tønsberg");
            audit.check(agency, "agency housing capacity in " + lang);
        }

        Page anonymous = browsing.open("public-offer", "nb");
        for (String lang : new String[]{"nb", "en"}) {
            anonymous.navigate(browsing.url("/tilby-bolig?lang=" + lang));
            audit.check(anonymous, "public offer form in " + lang);
        }
        anonymous.navigate(browsing.url("/tilby-bolig?lang=nb"));
        anonymous.fill("#contactEmail", "ikke-en-adresse");
        browsing.submit(anonymous, anonymous.locator("main form button[type=submit]"));
        assertThat(anonymous.locator(".error-summary").isVisible()).isTrue();
        audit.check(anonymous, "public offer form with errors");
        anonymous.selectOption("#municipalityNumber", MUNICIPALITY);
        anonymous.fill("#contactName", "Eva Eier");
        anonymous.fill("#contactEmail", "eva" + Fixtures.next() + "@example.no");
        anonymous.fill("#address", "Offentligveien " + Fixtures.next());
        anonymous.selectOption("#dwellingType", "FLAT");
        anonymous.fill("#rooms", "3");
        anonymous.fill("#availableFrom", TestClock.today().plusDays(10).toString());
        browsing.submit(anonymous, anonymous.locator("main form button[type=submit]"));
        assertThat(anonymous.url()).endsWith("/tilby-bolig/mottatt");
        audit.check(anonymous, "public offer received");
        audit.assertClean();
    }

    private long acceptedHousehold(Actor officer) {
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, year, 100, 0);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 1);
        InterviewAnswers a = fixtures.answers();
        interviews.record(caseId, new InterviewAnswers(a.heldOn(), a.interpreterLanguage(), null, null, null, "Bruker rullestol",
                false, null, null, a.education(), a.workExperience(), a.drivingLicence(), a.hasCar(), a.languages(), null),
                fixtures.caseworker()).value();
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        CommandResult.attempt(() -> proposals.accept(officer, proposalId, fixtures.plannedDates(caseId, TestClock.today().plusDays(5)), null))
                .value();
        return caseId;
    }
}
