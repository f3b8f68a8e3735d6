package no.bosetting.browser;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl.Kind;
import no.bosetting.access.UserAccounts;
import no.bosetting.approvals.ApprovalPolicy;
import no.bosetting.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-step control in the browser (issue 18 item 5): the administrator switches it on for closing a case on the
 * settings page, one caseworker proposes closing, another returns it without a reason (errors next to the fields, the
 * summary takes focus) and then approves; the proposer sees no approve button. Every page passes the accessibility
 * audit (WCAG 2.1 AA).
 */
@BrowserTest
class TwoStepControlBrowserTest {

    /** Vevelstad: no other test uses it. */
    private static final String MUNICIPALITY = "1816";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApprovalPolicy policy;
    @Autowired
    JdbcClient jdbc;

    private final Actor admin = new Actor("admin-totrinn-nettleser", "Test Administrator", Role.AGENCY_ADMIN, null, null);
    private final Actor second = new Actor("saksbehandler-totrinn-nettleser", "Andre Saksbehandler", Role.AGENCY_CASEWORKER, null, null);

    @AfterEach
    void off() {
        for (Kind kind : Kind.values()) {
            policy.set(kind, false, admin).value();
        }
    }

    @Test
    void proposeAsOneCaseworkerApproveAsAnother(Browsing browsing) {
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 0);
        PageAudit audit = new PageAudit(browsing);

        Page administrator = browsing.login(user(admin));
        administrator.navigate(browsing.url("/godkjenninger/innstillinger"));
        Keyboard.assertOperable(administrator, "main form");
        audit.check(administrator, "two-step control settings");
        administrator.check("#kind-CLOSE_CASE");
        browsing.pressEnter(administrator, administrator.locator("main form button[type=submit]"));
        assertThat(administrator.locator(".alert.success").textContent()).contains("lagret");
        assertThat(administrator.isChecked("#kind-CLOSE_CASE")).isTrue();

        Page proposer = browsing.login(user(fixtures.caseworker()));
        proposer.navigate(browsing.url("/saker/" + caseId));
        Keyboard.openDisclosure(proposer, "#confirm-close"); // closing sits behind a confirmation step (issue 16 point 11)
        proposer.selectOption("#closeReason", "LEFT_NORWAY");
        proposer.fill("#closeText", "Reist til Sverige");
        browsing.pressEnter(proposer, proposer.locator("main form[action$='/avslutt'] button[type=submit]"));
        assertThat(proposer.locator(".alert.success").first().textContent()).contains("Sendt til godkjenning");
        assertThat(proposer.locator("main").textContent()).contains("Venter på godkjenning");
        audit.check(proposer, "case page with a closing awaiting approval");
        assertThat(status(caseId)).isEqualTo("UNDER_MAPPING");
        long approvalId = jdbc.sql("select id from approval where case_id = :c").param("c", caseId).query(Long.class).single();
        proposer.navigate(browsing.url("/godkjenninger/" + approvalId));
        assertThat(proposer.locator("main form[action$='/godkjenn']").count()).as("the proposer cannot approve").isZero();
        assertThat(proposer.locator("main").textContent()).contains("Du foreslo dette selv");

        Page approver = browsing.login(user(second));
        approver.navigate(browsing.url("/godkjenninger"));
        assertThat(approver.locator("main").textContent()).contains("Viser ");
        audit.check(approver, "work list for approval");
        approver.navigate(browsing.url("/godkjenninger/" + approvalId));
        Keyboard.assertOperable(approver, "main form[action$='/returner']");
        audit.check(approver, "proposal for approval");
        browsing.pressEnter(approver, approver.locator("main form[action$='/returner'] button[type=submit]"));
        Keyboard.assertErrorSummaryTakesFocus(approver);
        assertThat(approver.locator("#returnReason-error").textContent()).contains("Velg årsak til retur");
        audit.check(approver, "proposal with return errors");
        assertThat(status(caseId)).isEqualTo("UNDER_MAPPING");

        browsing.pressEnter(approver, approver.locator("main form[action$='/godkjenn'] button[type=submit]"));
        assertThat(approver.locator(".alert.success").textContent()).contains("godkjent");
        audit.check(approver, "approved proposal");
        audit.assertClean();
        assertThat(status(caseId)).isEqualTo("CLOSED");
    }

    private String status(long caseId) {
        return jdbc.sql("select status from settlement_case where id = :id").param("id", caseId).query(String.class).single();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
