package no.bosetting.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl.Kind;
import no.bosetting.access.UserAccounts;
import no.bosetting.approvals.ApprovalPolicy;
import no.bosetting.cases.CaseQueries;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A household change held for a second person, in the browser (issue 20 item 1 with issue 18 item 5): the caseworker
 * {@code saksbehandler} adds a newborn to a household a municipality has accepted with all its decided places, with a
 * reason for going beyond them; the page says the change waits for approval and nothing is added. The second caseworker
 * {@code saksbehandler2} finds it on "Til godkjenning" with what would change, in Norwegian and, through the layout's
 * language link, in English; approves it; the member is on the case. Every page passes the accessibility audit.
 */
@BrowserTest
class HouseholdTwoStepBrowserTest {

    /** Sunndal: no other test uses it. */
    private static final String SUNNDAL = "1563";
    private static final String NB = "Et nytt medlem (Nyfødt Nettlesersen) legges til husstanden ut over vedtatt antall plasser i Sunndal";
    private static final String EN = "A new member (Nyfødt Nettlesersen) joins the household beyond the decided number of places in Sunndal";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApprovalPolicy policy;
    @Autowired
    Proposals proposals;
    @Autowired
    CaseQueries cases;
    @Autowired
    JdbcClient jdbc;

    private final Actor admin = new Actor("admin-totrinn-husstand-nettleser", "Test Administrator", Role.AGENCY_ADMIN, null, null);
    private final Actor caseworker = new Actor("saksbehandler", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private final Actor second = new Actor("saksbehandler2", "Sander Saksbehandler (IMDi)", Role.AGENCY_CASEWORKER, null, null);

    @AfterEach
    void off() {
        policy.set(Kind.HOUSEHOLD_BEYOND_PLACES, false, admin).value();
    }

    @Test
    void aMemberBeyondThePlacesWaitsForTheSecondCaseworkerWhoApproves(Browsing browsing) {
        policy.set(Kind.HOUSEHOLD_BEYOND_PLACES, true, admin).value();
        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.resetMunicipality(SUNNDAL);
        fixtures.decide(SUNNDAL, planned.getYear(), 2, 0);
        long caseId = fixtures.household(fixtures.centre(SUNNDAL), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, SUNNDAL);
        proposals.accept(fixtures.municipality(SUNNDAL), proposalId, fixtures.plannedDates(caseId, planned), null).value();
        assertThat(persons(caseId)).isEqualTo(2);
        PageAudit audit = new PageAudit(browsing);

        Page proposer = browsing.login(user(caseworker));
        proposer.navigate(browsing.url("/saker/" + caseId + "/husstand?skjema=medlem"));
        Keyboard.assertOperable(proposer, "main form[action$='/husstand/medlem']");
        proposer.selectOption("#joinReason", "BIRTH");
        proposer.fill("#givenName", "Nyfødt");
        proposer.fill("#familyName", "Nettlesersen");
        proposer.fill("#birthDate", TestClock.today().minusDays(1).toString());
        proposer.selectOption("#sex", "F");
        proposer.fill("#citizenship", "UKR");
        proposer.selectOption("#relation", "CHILD");
        proposer.fill("#dufNumber", Fixtures.duf());
        proposer.fill("#overrideReason", "Født etter vedtaket; Sunndal har bekreftet plass");
        audit.check(proposer, "household page, adding a member beyond the places");
        browsing.pressEnter(proposer, proposer.locator("main form[action$='/husstand/medlem'] button[type=submit]"));
        assertThat(proposer.locator(".alert.success").first().textContent()).contains("Sendt til godkjenning");
        audit.check(proposer, "household page, change sent for approval");
        assertThat(persons(caseId)).as("nothing added before the approval").isEqualTo(2);
        proposer.navigate(browsing.url("/saker/" + caseId));
        assertThat(proposer.locator("main").textContent()).contains("Venter på godkjenning");
        audit.check(proposer, "case page with a household change awaiting approval");
        long approvalId = jdbc.sql("select id from approval where case_id = :c and status = 'PENDING'").param("c", caseId)
                .query(Long.class).single();

        Page approver = browsing.login(user(second));
        approver.navigate(browsing.url("/godkjenninger?size=200"));
        assertThat(row(approver, approvalId)).contains(NB);
        audit.check(approver, "work list for approval with a household change");
        browsing.submit(approver, approver.locator("header a[hreflang=en]"));
        assertThat(row(approver, approvalId)).contains(EN);
        audit.check(approver, "work list for approval in English");
        browsing.submit(approver, approver.locator("header a[hreflang=nb]"));

        browsing.submit(approver, approver.locator("main a[href$='/godkjenninger/" + approvalId + "']"));
        assertThat(approver.locator("#approval-change").textContent()).isEqualTo(NB);
        assertThat(approver.locator("main").textContent()).contains("Nyfødt Nettlesersen")
                .contains("Født etter vedtaket; Sunndal har bekreftet plass");
        Keyboard.assertOperable(approver, "main form[action$='/godkjenn']");
        audit.check(approver, "household change for approval");
        browsing.pressEnter(approver, approver.locator("main form[action$='/godkjenn'] button[type=submit]"));
        assertThat(approver.locator(".alert.success").textContent()).contains("godkjent");
        audit.check(approver, "approved household change");

        approver.navigate(browsing.url("/saker/" + caseId + "/husstand"));
        assertThat(approver.locator("main").textContent()).contains("Nettlesersen");
        audit.check(approver, "household page after the approval");
        audit.assertClean();
        assertThat(persons(caseId)).as("the member is on the case").isEqualTo(3);
        assertThat(jdbc.sql("select status from approval where id = :id").param("id", approvalId).query(String.class).single())
                .isEqualTo("APPROVED");
    }

    /** The approvers' list's row for the proposal, as text. */
    private static String row(Page page, long approvalId) {
        return page.locator("main tr:has(a[href$='/godkjenninger/" + approvalId + "'])").textContent();
    }

    private int persons(long caseId) {
        return cases.summaryForSystem(caseId).orElseThrow().persons();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
