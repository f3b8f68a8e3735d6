package no.bosetting.browser;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.HealthConsents;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interview's consent per person and the practical/health split (issue 20 item 6), and the accompanying adult of an
 * unaccompanied minor (item 2), in a real browser with the axe audit, including the error states.
 */
@BrowserTest
class HealthAndMinorsBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CaseQueries cases;
    @Autowired
    HealthConsents consents;
    @Autowired
    PermitImport permitImport;

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }

    @Test
    void theCentreRecordsEachMembersConsentAndKeepsHealthOutOfThePracticalNeeds(Browsing browsing) {
        long centre = fixtures.centre("4601");
        long caseId = fixtures.household(centre, 2);
        Actor staff = user(fixtures.reception(centre));
        List<Long> members = cases.personIds(caseId);
        PageAudit audit = new PageAudit(browsing);

        Page page = browsing.login(staff);
        page.navigate(browsing.url("/saker/" + caseId + "/samtale"));
        audit.check(page, "interview form with consent per person");
        page.fill("#heldOn", TestClock.today().minusDays(1).toString());
        page.fill("#adaptationNeeds", "Barn med autisme, trenger bolig på bakkeplan");
        page.check("#consent-" + members.get(1));
        page.fill("#consentDate", TestClock.today().minusDays(2).toString());
        page.fill("#healthDetails", "Barnet har astma");
        page.check("#drivingLicence-no");
        page.check("#hasCar-no");
        browsing.submit(page, page.locator("form#interview button[type=submit]"));
        assertThat(page.locator(".error-summary").isVisible()).isTrue();
        assertThat(page.locator("#adaptationNeeds-error").textContent()).contains("helseopplysninger");
        assertThat(page.isChecked("#consent-" + members.get(1))).as("what was ticked survives").isTrue();
        audit.check(page, "interview form, health words in the practical needs");

        page.fill("#adaptationNeeds", "Trenger bolig på bakkeplan");
        browsing.submit(page, page.locator("form#interview button[type=submit]"));
        assertThat(page.url()).endsWith("/saker/" + caseId);
        assertThat(page.textContent("main")).contains("Barnet har astma").contains("samtykke gitt");
        audit.check(page, "case page with consent per person");
        assertThat(consents.consenting(caseId)).containsExactly(members.get(1));
        assertThat(consents.current(caseId).get(members.get(1)).consentDate()).isEqualTo(TestClock.today().minusDays(2));

        page.navigate(browsing.url("/saker/" + caseId + "/samtale?lang=en"));
        audit.check(page, "interview form in English");
        audit.assertClean();
    }

    @Test
    void theCaseworkerRecordsTheAccompanyingAdultOfAnUnaccompaniedMinor(Browsing browsing) {
        long centre = fixtures.centre("4601");
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(),
                PermitType.COLLECTIVE_PROTECTION, TestClock.today().minusDays(10), LivingSituation.RECEPTION_CENTRE, centre, null,
                List.of(new PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Daryna", "Testenko",
                        TestClock.today().minusYears(16), "F", "UKR", Relation.MAIN, null, null))), fixtures.caseworker());
        long caseId = outcome.caseId();
        Actor caseworker = user(new Actor("folge-saksbehandler-" + Fixtures.next(), "Følge Saksbehandler", Role.AGENCY_CASEWORKER, null, null));
        PageAudit audit = new PageAudit(browsing);

        Page page = browsing.login(caseworker);
        page.navigate(browsing.url("/saker/" + caseId));
        audit.check(page, "case page of an unaccompanied minor");
        page.fill("#acc-givenName", "Nadiia");
        page.fill("#acc-birthDate", TestClock.today().minusYears(15).toString());
        browsing.submit(page, page.locator("form[action='/saker/" + caseId + "/folgeperson'] button[type=submit]"));
        assertThat(page.locator(".error-summary").isVisible()).isTrue();
        assertThat(page.inputValue("#acc-givenName")).isEqualTo("Nadiia");
        audit.check(page, "accompanying adult form with errors");

        page.fill("#acc-familyName", "Testenko");
        page.fill("#acc-birthDate", LocalDate.of(1960, 11, 30).toString());
        page.selectOption("#acc-relationToMinor", "GRANDPARENT");
        browsing.submit(page, page.locator("form[action='/saker/" + caseId + "/folgeperson'] button[type=submit]"));
        assertThat(page.textContent("main")).contains("Nadiia Testenko").contains("Besteforelder");
        audit.check(page, "case page with the accompanying adult");
        audit.assertClean();
    }
}
