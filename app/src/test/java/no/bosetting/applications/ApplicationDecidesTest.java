package no.bosetting.applications;

import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CloseReason;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.cases.InformationChannel;
import no.bosetting.cases.PermitImport;
import no.bosetting.interview.Interviews;
import no.bosetting.selfservice.RefugeeSupport;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The private resident's application decides (issue 20 item 5). Report 000 around lines 3074–3080: a refugee living
 * privately must contact IMDi within six months, or falls out of the target group for settlement with public help;
 * around 3139–3167: private residents appear only when they (or a municipality) make contact; around 3946–3950: the
 * same caseworkers handled every application that came after the deadline, for equal treatment.
 */
@IntegrationTest
class ApplicationDecidesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermitImport permits;
    @Autowired
    SettlementApplications applications;
    @Autowired
    ApplicationRights rights;
    @Autowired
    CaseQueries cases;
    @Autowired
    CaseCommands caseCommands;
    @Autowired
    Interviews interviews;
    @Autowired
    Fixtures fixtures;

    private static final Actor ADMIN = new Actor("admin-test", "Test Admin", Role.AGENCY_ADMIN, null, null);

    private static ApplicationForm form() {
        return new ApplicationForm(false, null, null, null, false, null, null, "false", null, null, null, null, null, null,
                null, null, null);
    }

    private long send(String duf) {
        return applications.save(Actor.refugee(duf, "Test"), form(), true).value().id();
    }

    private String closedReason(long caseId) {
        return jdbc.sql("select closed_reason from settlement_case where id = :id").param("id", caseId).query(String.class).optional().orElse(null);
    }

    @Test
    void withoutAnAcceptedApplicationAPrivateResidentIsNotMappedAndAcceptanceMovesTheCaseIntoMapping() {
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(20), "0301");
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPLICATION);
        // Not ready for allocation: the interview cannot move it there while it waits for the application.
        CommandResult<CaseStatus> early = interviews.record(caseId, fixtures.answers(), fixtures.caseworker());
        assertThat(early.failure()).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(early.failure().messageKey()).isEqualTo("error.interview.awaitingApplication");
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPLICATION);

        long id = send(duf);
        assertThat(applications.accept(id, fixtures.caseworker()).value()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(cases.history(caseId)).extracting(h -> h.command()).contains("IMPORT_PERMIT", "ACCEPT_APPLICATION", "APPLICATION_ACCEPTED");
        assertThat(interviews.record(caseId, fixtures.answers(), fixtures.caseworker()).value()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
    }

    @Test
    void aRefusalEndsTheRightTheCaseLeavesTheFlowAndTheRefugeeIsTold() {
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(20), "0301");
        long id = send(duf);
        assertThat(applications.refuse(id, fixtures.caseworker(), "Har fast arbeid og egen bolig").value()).isEqualTo(ApplicationStatus.REFUSED);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closedReason(caseId)).isEqualTo(CloseReason.APPLICATION_REFUSED.name());
        assertThat(cases.history(caseId)).anyMatch(h -> "END_APPLICATION_RIGHT".equals(h.command()) && h.toStatus() == CaseStatus.CLOSED);
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r and subject like '%avslått%' and body like '%ikke lenger rett%'")
                .param("r", "duf:" + duf).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theMissedDeadlineEndsTheRightAndOnlyTheDesignatedGroupAcceptsTheLateApplication() throws Exception {
        String lateDuf = Fixtures.duf();
        long lapsed = RefugeeSupport.privateHousehold(permits, lateDuf, TestClock.today().minusMonths(7), "0301");
        String inTimeDuf = Fixtures.duf();
        long inTime = RefugeeSupport.privateHousehold(permits, inTimeDuf, TestClock.today().minusMonths(5), "0301");
        String appliedDuf = Fixtures.duf();
        long applied = RefugeeSupport.privateHousehold(permits, appliedDuf, TestClock.today().minusMonths(7), "0301");
        send(appliedDuf); // late, but sent: it waits in the discretionary queue instead of being closed

        List<Long> closed = rights.endLapsed();
        assertThat(closed).contains(lapsed).doesNotContain(inTime, applied);
        // Out of the flow: no longer open, so neither mapped, allocated nor offered agreed self-settlement.
        assertThat(cases.summaryForSystem(lapsed).orElseThrow().status()).isEqualTo(CaseStatus.APPLICATION_DEADLINE_MISSED);
        assertThat(CaseStatus.APPLICATION_DEADLINE_MISSED.isOpen()).isFalse();
        assertThat(cases.history(lapsed)).anyMatch(h -> "LAPSE_APPLICATION_RIGHT".equals(h.command()));
        assertThat(cases.summaryForSystem(inTime).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPLICATION);
        assertThat(cases.summaryForSystem(applied).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPLICATION);
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r and subject like 'Fristen for å søke%'")
                .param("r", "duf:" + lateDuf).query(Long.class).single()).isEqualTo(1);
        assertThat(rights.endLapsed()).doesNotContain(lapsed);

        long late = send(lateDuf);
        SettlementApplication application = applications.detail(late, fixtures.caseworker()).orElseThrow();
        assertThat(application.late()).isTrue();
        assertThat(applications.validCommands(fixtures.caseworker(), java.util.Optional.of(application)))
                .containsExactly(ApplicationCommand.REFUSE);
        assertThat(applications.validCommands(ADMIN, java.util.Optional.of(application)))
                .containsExactly(ApplicationCommand.REFUSE, ApplicationCommand.ACCEPT_LATE);
        CommandResult<ApplicationStatus> byCaseworker = applications.accept(late, fixtures.caseworker());
        assertThat(byCaseworker.failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(byCaseworker.failure().messageKey()).isEqualTo("app.error.designatedGroup");
        mvc.perform(post("/soknader/" + late + "/godta").with(csrf()).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bare den utpekte gruppen (IMDi-administratorer) kan godta den etter skjønn")));
        assertThat(cases.summaryForSystem(lapsed).orElseThrow().status()).isEqualTo(CaseStatus.APPLICATION_DEADLINE_MISSED);

        assertThat(applications.accept(late, ADMIN).value()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(cases.summaryForSystem(lapsed).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(cases.history(lapsed)).extracting(h -> h.command())
                .containsSubsequence("LAPSE_APPLICATION_RIGHT", "ACCEPT_APPLICATION");
    }

    @Test
    void aLateApplicationRefusedClosesTheCaseForGood() {
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusMonths(7), "0301");
        assertThat(rights.endLapsed()).contains(caseId);
        long late = send(duf);
        assertThat(applications.refuse(late, fixtures.caseworker(), "Ingen særlige grunner").value()).isEqualTo(ApplicationStatus.REFUSED);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closedReason(caseId)).isEqualTo(CloseReason.APPLICATION_REFUSED.name());
    }

    @Test
    void aCaseClosedForAnotherReasonIsNotBroughtBackAndTheApplicationStaysUnhandled() {
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(40), "0301");
        long id = send(duf);
        ConsequenceInformed informed = new ConsequenceInformed(true, TestClock.today(), InformationChannel.LETTER, "norsk", null);
        assertThat(caseCommands.close(caseId, fixtures.caseworker(), CloseReason.LEFT_NORWAY, "Reiste", informed).value())
                .isEqualTo(CaseStatus.CLOSED);
        CommandResult<ApplicationStatus> accepted = applications.accept(id, fixtures.caseworker());
        assertThat(accepted.failure().messageKey()).isEqualTo("app.error.caseClosed");
        assertThat(applications.detail(id, fixtures.caseworker()).orElseThrow().status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        // The application's own close reasons follow from the application only.
        long other = RefugeeSupport.privateHousehold(permits, Fixtures.duf(), TestClock.today().minusDays(40), "0301");
        assertThat(caseCommands.close(other, fixtures.caseworker(), CloseReason.APPLICATION_REFUSED, null, informed).failure().messageKey())
                .isEqualTo("error.closeReason.applicationOnly");
    }

    @Test
    void aCaseAlreadyInTheFlowKeepsItsStateWhenItsApplicationIsAccepted() {
        // As the V37 migration assumes: a private resident under mapping or ready from before the rule stays where it is.
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(40), "0301");
        jdbc.sql("update settlement_case set status = 'READY_FOR_ALLOCATION' where id = :id").param("id", caseId).update();
        long id = send(duf);
        assertThat(applications.accept(id, fixtures.caseworker()).value()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
    }

    @Test
    void theQueuePageShowsTheEffectAndTheDesignatedGroupHint() throws Exception {
        String duf = Fixtures.duf();
        RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusMonths(8), "0301");
        long id = send(duf);
        mvc.perform(get("/soknader/" + id).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("faller retten til bosetting med offentlig hjelp bort")))
                .andExpect(content().string(containsString("Bare den utpekte gruppen (IMDi-administratorer) kan godta en søknad etter fristen")));
    }
}
