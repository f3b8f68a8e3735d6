package no.bosetting.browser;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.ProtectedAddress;
import no.bosetting.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 items 3 and 4 in the browser: the interview's screening section, the restricted concern report (a missing
 * referral refused at its field with the error summary taking focus), its answer and read log, the counts page, and the
 * protected-address form and notice; every page state passes the accessibility audit.
 */
@BrowserTest
class ProtectionBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ProtectionDesignation designation;
    @Autowired
    CaseQueries cases;
    @Autowired
    ProtectedAddress protection;

    @Test
    void screeningConcernReportAndProtectedAddress(Browsing browsing) {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        Actor designated = new Actor("vern-browser-test", "Vera Vern", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(designated, Browsing.PASSWORD, null);
        designation.designate(designated.username(), true);
        Actor caseworker = fixtures.caseworker();
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        PageAudit audit = new PageAudit(browsing);

        // The undesignated caseworker screens in the interview; the answers are not shown there.
        Page other = browsing.login(caseworker);
        other.navigate(browsing.url("/saker/" + caseId + "/samtale"));
        audit.check(other, "interview with the screening section");
        other.check("#screen_FORCED_MARRIAGE");
        other.fill("#screenNote", "Familien har planlagt ekteskap");
        browsing.submit(other, other.locator("#screening button[type=submit]"));
        assertThat(other.locator("#screening .alert").textContent()).contains("Screeningen er lagret");
        assertThat(other.content()).doesNotContain("Familien har planlagt ekteskap");
        audit.check(other, "interview after screening");

        // The designated caseworker writes the report from the screening; without a referral it is refused at the field.
        Page page = browsing.login(designated);
        page.navigate(browsing.url("/bekymringer"));
        audit.check(page, "concern reports list");
        page.navigate(browsing.url("/bekymringer/ny?sak=" + caseId));
        Keyboard.assertOperable(page, "main form[action$='/bekymringer']");
        page.check("#indicator_FORCED_MARRIAGE");
        page.fill("#description", "Familien har planlagt ekteskap for henne");
        page.selectOption("#unsuitable", "0301");
        browsing.pressEnter(page, page.locator("main form[action$='/bekymringer'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
        assertThat(page.locator("#referral-error").textContent()).contains("Velg hvem saken henvises til.");
        assertThat(page.inputValue("#description")).isEqualTo("Familien har planlagt ekteskap for henne");
        audit.check(page, "new concern report with errors");
        page.selectOption("#referral", "COMPETENCE_TEAM");
        browsing.submit(page, page.locator("main form[action$='/bekymringer'] button[type=submit]"));
        assertThat(page.locator(".alert.success").textContent()).contains("Bekymringsmeldingen er lagret");
        audit.check(page, "concern report");
        page.fill("#answer", "Kompetanseteamet anbefaler en annen kommune");
        browsing.submit(page, page.locator("main form[action$='/svar'] button[type=submit]"));
        assertThat(page.content()).contains("Kompetanseteamet anbefaler en annen kommune");
        audit.check(page, "concern report with answer");
        page.navigate(browsing.url("/statistikk/bekymringer"));
        audit.check(page, "concern statistics");

        // Protected address: the form refuses a missing reason at its field, then marks; the undesignated sees the notice.
        page.navigate(browsing.url("/saker/" + caseId + "/husstand"));
        audit.check(page, "household page with the protected-address form");
        page.selectOption("#protectionLevel", "STRENGT_FORTROLIG");
        browsing.pressEnter(page, page.locator("main form[action$='/adressesperre'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(page);
        audit.check(page, "protected-address form with errors");
        assertThat(protection.isProtected(caseId)).isFalse();
        page.fill("#protectionReason", "Sperre i Folkeregisteret");
        browsing.submit(page, page.locator("main form[action$='/adressesperre'] button[type=submit]"));
        assertThat(page.locator(".alert.success").textContent()).contains("Adressesperren er lagret");
        assertThat(protection.isProtected(caseId)).isTrue();
        page.navigate(browsing.url("/saker/" + caseId));
        audit.check(page, "case page, designated, protected");

        other.navigate(browsing.url("/saker/" + caseId + "/husstand"));
        assertThat(other.content()).contains("Skjermet (adressesperre)");
        audit.check(other, "household page, undesignated, protected");
        other.navigate(browsing.url("/saker/" + caseId));
        audit.check(other, "case page, undesignated, protected");
        audit.assertClean();
    }
}
