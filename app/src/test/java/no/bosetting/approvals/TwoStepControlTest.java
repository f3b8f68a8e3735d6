package no.bosetting.approvals;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl.Kind;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.reconsideration.ReconsiderationGround;
import no.bosetting.reconsideration.ReconsiderationRequest;
import no.bosetting.reconsideration.ReconsiderationStatus;
import no.bosetting.reconsideration.Reconsiderations;
import no.bosetting.reconsideration.RequesterKind;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two-step control (issue 18 item 5, "Bad input": an approver who is the proposer is refused): each of the four kinds
 * through the real routes — held as a proposal, approved by a second person (the command runs then) or returned with
 * a fixed reason and a text; the proposer cannot approve (web and API); approval re-checks the command's guard; with
 * the policy off the command runs at once as before.
 */
@IntegrationTest
class TwoStepControlTest {

    /** Fjord: no other test uses it. */
    private static final String FJORD = "1578";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalPolicy policy;
    @Autowired
    CaseQueries cases;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    Reconsiderations reconsiderations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final Actor admin = new Actor("admin-totrinn-test", "Test Administrator", Role.AGENCY_ADMIN, null, null);
    private final Actor secondAdmin = new Actor("admin-totrinn-2-test", "Andre Administrator", Role.AGENCY_ADMIN, null, null);
    private final Actor secondCaseworker = new Actor("saksbehandler-totrinn-2-test", "Andre Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private LocalDate planned;

    @BeforeEach
    void setUp() {
        planned = TestClock.today().plusDays(10);
        fixtures.resetMunicipality(FJORD);
        fixtures.decidePlannedYear(FJORD, planned, 40, 0);
        for (Kind kind : Kind.values()) {
            policy.set(kind, true, admin).value();
        }
    }

    @AfterEach
    void policyOffAgain() {
        // The test profile runs with two-step control off (ApprovalPolicy), as the other tests' flows expect.
        for (Kind kind : Kind.values()) {
            policy.set(kind, false, admin).value();
        }
    }

    private long offeredCase() {
        long caseId = fixtures.household(fixtures.centre(FJORD), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, FJORD);
        proposals.accept(fixtures.municipality(FJORD), proposalId, fixtures.plannedDates(caseId, planned), null).value();
        return caseId;
    }

    private CaseStatus caseStatus(long caseId) {
        return cases.summaryForSystem(caseId).orElseThrow().status();
    }

    private Approval pendingOf(long caseId) {
        return approvals.forCase(caseId).stream().filter(Approval::pending).findFirst().orElseThrow();
    }

    private void approveOnTheWeb(Actor actor, long approvalId) throws Exception {
        mvc.perform(post("/godkjenninger/{id}/godkjenn", approvalId).with(as(actor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private void returnOnTheWeb(Actor actor, long approvalId) throws Exception {
        mvc.perform(post("/godkjenninger/{id}/returner", approvalId).with(as(actor)).with(csrf())
                        .param("returnReason", "FACTS").param("returnText", "Dokumentasjonen mangler"))
                .andExpect(status().is3xxRedirection());
    }

    private void closeOnTheWeb(long caseId) throws Exception {
        mvc.perform(post("/saker/{id}/avslutt", caseId).with(as(fixtures.caseworker())).with(csrf())
                        .param("closeReason", "LEFT_NORWAY").param("text", "Reist til Sverige"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void closingForAReasonOtherThanTheRefugeesChoiceWaitsForASecondPersonWhoApproves() throws Exception {
        long caseId = fixtures.household(fixtures.centre(FJORD), 0);
        closeOnTheWeb(caseId);

        assertThat(caseStatus(caseId)).as("nothing changed yet").isEqualTo(CaseStatus.UNDER_MAPPING);
        Approval pending = pendingOf(caseId);
        assertThat(pending.kind()).isEqualTo(Kind.CLOSE_CASE);
        assertThat(pending.proposedBy()).isEqualTo(fixtures.caseworker().username());
        assertThat(pending.reason()).isEqualTo("Reist til Sverige");
        mvc.perform(get("/saker/{id}", caseId).with(as(secondCaseworker)))
                .andExpect(content().string(containsString("Venter på godkjenning")));
        mvc.perform(get("/godkjenninger").with(as(secondCaseworker)))
                .andExpect(content().string(containsString(pending.caseReference())))
                .andExpect(content().string(containsString("Viser ")));

        for (String page : List.of("/godkjenninger/" + pending.id(), "/godkjenninger", "/saker/" + caseId)) {
            mvc.perform(get(page).param("lang", "en").with(as(secondCaseworker)))
                    .andExpect(content().string(containsString(page.equals("/godkjenninger") ? "Showing 1" : "Awaiting approval")))
                    .andExpect(content().string(not(containsString("??"))));
        }
        mvc.perform(get("/godkjenninger/innstillinger").param("lang", "en").with(as(admin)))
                .andExpect(content().string(containsString("Closing a case for a reason other than the refugee")))
                .andExpect(content().string(not(containsString("??"))));
        // The proposer cannot approve their own proposal: refused with a clear message, nothing changes.
        mvc.perform(post("/godkjenninger/{id}/godkjenn", pending.id()).with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Du kan ikke godkjenne eller returnere ditt eget forslag")));
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(approvals.find(pending.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
        // Nor may they return it, and the page offers them neither.
        assertThat(approvals.giveBack(pending.id(), fixtures.caseworker(), ReturnReason.OTHER, "x").failure().messageKey())
                .isEqualTo("error.approval.ownProposal");
        mvc.perform(get("/godkjenninger/{id}", pending.id()).with(as(fixtures.caseworker())))
                .andExpect(content().string(not(containsString("/godkjenn\""))));

        approveOnTheWeb(secondCaseworker, pending.id());
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.CLOSED);
        assertThat(approvals.find(pending.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
        // The history shows both persons: the command as proposed by the first, the approval by the second.
        assertThat(cases.history(caseId)).extracting(h -> h.command() + " " + h.actor())
                .contains("TWO_STEP_PROPOSED " + fixtures.caseworker().username(), "CLOSE " + fixtures.caseworker().username(),
                        "TWO_STEP_APPROVED " + secondCaseworker.username());
        assertThat(approvals.history(pending.id())).extracting(ApprovalHistoryEntry::actor)
                .containsExactly(fixtures.caseworker().username(), secondCaseworker.username());
    }

    @Test
    void closingReturnedWithAReasonChangesNothingAndTellsTheProposer() throws Exception {
        long caseId = fixtures.household(fixtures.centre(FJORD), 0);
        closeOnTheWeb(caseId);
        Approval pending = pendingOf(caseId);

        // Both a reason from the list and a text are needed.
        CommandResult<ApprovalStatus> noText = approvals.giveBack(pending.id(), secondCaseworker, ReturnReason.FACTS, " ");
        assertThat(((CommandFailure.RuleBroken) noText.failure()).field()).isEqualTo("returnText");
        assertThat(((CommandFailure.RuleBroken) approvals.giveBack(pending.id(), secondCaseworker, null, "Tekst").failure()).field())
                .isEqualTo("returnReason");

        returnOnTheWeb(secondCaseworker, pending.id());
        Approval returned = approvals.find(pending.id()).orElseThrow();
        assertThat(returned.status()).isEqualTo(ApprovalStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo(ReturnReason.FACTS);
        assertThat(returned.returnText()).isEqualTo("Dokumentasjonen mangler");
        assertThat(returned.decidedBy()).isEqualTo(secondCaseworker.username());
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(jdbc.sql("select count(*) from outbox_message where topic = 'NOTIFICATION' and recipient = :r and case_id = :c")
                .param("r", fixtures.caseworker().username()).param("c", caseId).query(Long.class).single()).isEqualTo(1);
        assertThat(cases.history(caseId)).extracting(h -> h.command()).contains("TWO_STEP_RETURNED").doesNotContain("CLOSE");
        // Both persons by name, and no code on the pages: the reasons are words.
        for (String page : List.of("/saker/" + caseId, "/godkjenninger/" + pending.id())) {
            mvc.perform(get(page).with(as(secondCaseworker)))
                    .andExpect(content().string(containsString("Saken er ikke godt nok opplyst")))
                    .andExpect(content().string(containsString(secondCaseworker.displayName())))
                    .andExpect(content().string(not(containsString(">FACTS"))))
                    .andExpect(content().string(not(containsString("(LEFT_NORWAY)"))))
                    .andExpect(content().string(not(containsString("(FACTS)"))))
                    .andExpect(content().string(not(containsString("??"))));
        }
        // A returned proposal cannot be approved afterwards.
        assertThat(approvals.approve(pending.id(), secondCaseworker).failure()).isInstanceOf(CommandFailure.WrongState.class);
    }

    @Test
    void closingByTheRefugeesOwnChoiceIsNotHeld() {
        long caseId = fixtures.household(fixtures.centre(FJORD), 0);
        CommandResult<?> ran = approvals.orNow(Kind.CLOSE_CASE, caseId, fixtures.caseworker(),
                java.util.Map.of("closeReason", "MOVED_OUT_OF_RECEPTION"), () -> CommandResult.ok(CaseStatus.CLOSED));
        assertThat(ran.value()).isEqualTo(CaseStatus.CLOSED);
        assertThat(approvals.forCase(caseId)).isEmpty();
    }

    @Test
    void approvalChecksTheCommandsGuardAgainAndFailsTypedWhenTheCaseMovedOn() throws Exception {
        long caseId = fixtures.household(fixtures.centre(FJORD), 0);
        fixtures.ready(caseId);
        closeOnTheWeb(caseId);
        Approval pending = pendingOf(caseId);
        // Meanwhile the household is proposed to a municipality: a case with a proposal is not closed that way.
        fixtures.propose(caseId, FJORD);

        CommandResult<ApprovalStatus> approved = approvals.approve(pending.id(), secondCaseworker);
        assertThat(approved.failure()).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.PROPOSED);
        assertThat(approvals.find(pending.id()).orElseThrow().status()).as("nothing changed").isEqualTo(ApprovalStatus.PENDING);
        assertThat(approvals.history(pending.id())).hasSize(1);
        mvc.perform(post("/godkjenninger/{id}/godkjenn", pending.id()).with(as(secondCaseworker)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Godkjenningen ble ikke gjennomført")));
    }

    @Test
    void withdrawingAnOfferIsHeldThenApprovedOrReturned() throws Exception {
        long approvedCase = offeredCase();
        int usedBefore = decisions.placesUsed(FJORD, planned.getYear()).used();
        mvc.perform(post("/saker/{id}/trekk-tilbud", approvedCase).with(as(fixtures.caseworker())).with(csrf())
                .param("withdrawReason", "Kommunen har ikke bolig likevel")).andExpect(status().is3xxRedirection());
        assertThat(caseStatus(approvedCase)).isEqualTo(CaseStatus.OFFERED);
        assertThat(decisions.placesUsed(FJORD, planned.getYear()).used()).isEqualTo(usedBefore);
        approveOnTheWeb(secondCaseworker, pendingOf(approvedCase).id());
        assertThat(caseStatus(approvedCase)).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(decisions.forCase(approvedCase)).extracting(d -> d.status()).containsOnly(DecisionStatus.RELEASED);

        long returnedCase = offeredCase();
        mvc.perform(post("/saker/{id}/trekk-tilbud", returnedCase).with(as(fixtures.caseworker())).with(csrf())
                .param("withdrawReason", "Feil registrert")).andExpect(status().is3xxRedirection());
        returnOnTheWeb(secondCaseworker, pendingOf(returnedCase).id());
        assertThat(caseStatus(returnedCase)).isEqualTo(CaseStatus.OFFERED);
        assertThat(decisions.forCase(returnedCase)).extracting(d -> d.status()).containsOnly(DecisionStatus.OFFERED);
    }

    private long informedReconsideration() {
        long caseId = offeredCase();
        reconsiderations.request(caseId, fixtures.caseworker(), new ReconsiderationRequest(RequesterKind.REFUGEE, null,
                ReconsiderationGround.LATE_ESSENTIAL_FACTS, "Nye opplysninger")).value();
        reconsiderations.informMunicipality(caseId, fixtures.caseworker(), null).value();
        return caseId;
    }

    @Test
    void reconsiderationOutcomesAreHeldAndApprovedOnlyByAnotherOfTheDesignatedGroup() throws Exception {
        long granted = informedReconsideration();
        mvc.perform(post("/saker/{id}/omgjoring/innvilg", granted).with(as(admin)).with(csrf())
                .param("reason", "Kommunen mangler tilbud")).andExpect(status().is3xxRedirection());
        assertThat(reconsiderations.find(granted).orElseThrow().status()).isEqualTo(ReconsiderationStatus.MUNICIPALITY_INFORMED);
        Approval grant = pendingOf(granted);
        // A caseworker is not of the designated group, so not its second person either.
        assertThat(approvals.approve(grant.id(), secondCaseworker).failure().messageKey()).isEqualTo("error.approval.notApprover");
        assertThat(approvals.approve(grant.id(), admin).failure().messageKey()).isEqualTo("error.approval.ownProposal");
        approveOnTheWeb(secondAdmin, grant.id());
        assertThat(reconsiderations.find(granted).orElseThrow().status()).isEqualTo(ReconsiderationStatus.GRANTED);
        assertThat(decisions.forCase(granted)).extracting(d -> d.status()).containsOnly(DecisionStatus.REVOKED);

        long refused = informedReconsideration();
        mvc.perform(post("/saker/{id}/omgjoring/avslag", refused).with(as(admin)).with(csrf())
                .param("reason", "Ikke grunnlag")).andExpect(status().is3xxRedirection());
        long refusal = pendingOf(refused).id();
        returnOnTheWeb(secondAdmin, refusal);
        assertThat(reconsiderations.find(refused).orElseThrow().status()).isEqualTo(ReconsiderationStatus.MUNICIPALITY_INFORMED);
        assertThat(approvals.find(refusal).orElseThrow().status()).isEqualTo(ApprovalStatus.RETURNED);
    }

    @Test
    void anAcceptanceBeyondThePlacesTakesNoPlaceUntilApproved() throws Exception {
        fixtures.resetMunicipality(FJORD);
        fixtures.decidePlannedYear(FJORD, planned, 1, 0);
        long caseId = fixtures.household(fixtures.centre(FJORD), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, FJORD);
        mvc.perform(post("/forslag/{id}/aksepter", proposalId).with(as(fixtures.caseworker())).with(csrf())
                .param("plannedDate", planned.toString()).param("overrideReason", "Familie i kommunen"))
                .andExpect(status().is3xxRedirection());
        assertThat(decisions.placesUsed(FJORD, planned.getYear()).used()).as("no place taken yet").isZero();
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.PROPOSED);
        Approval pending = pendingOf(caseId);
        assertThat(pending.kind()).isEqualTo(Kind.BEYOND_PLACES);
        mvc.perform(get("/godkjenninger/{id}", pending.id()).with(as(secondCaseworker)))
                .andExpect(content().string(containsString("Familie i kommunen")));

        approveOnTheWeb(secondCaseworker, pending.id());
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.OFFERED);
        assertThat(decisions.placesUsed(FJORD, planned.getYear()).used()).isEqualTo(2);
        assertThat(decisions.forCase(caseId)).extracting(d -> d.overrideReason()).containsOnly("Familie i kommunen");
    }

    @Test
    void anAcceptanceBeyondThePlacesReturnedLeavesTheProposalOpen() throws Exception {
        fixtures.resetMunicipality(FJORD);
        fixtures.decidePlannedYear(FJORD, planned, 1, 0);
        long caseId = fixtures.household(fixtures.centre(FJORD), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, FJORD);
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposalId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plannedDate\":\"" + planned + "\",\"overrideReason\":\"Familie i kommunen\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"));
        Approval pending = pendingOf(caseId);
        returnOnTheWeb(secondCaseworker, pending.id());
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.PROPOSED);
        assertThat(decisions.placesUsed(FJORD, planned.getYear()).used()).isZero();
    }

    @Test
    void theApiRefusesTheProposerAndLetsASecondPersonApprove() throws Exception {
        long caseId = offeredCase();
        mvc.perform(post("/api/v1/cases/{id}/withdraw-offer", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Feil kommune\"}"))
                .andExpect(status().isAccepted());
        long id = pendingOf(caseId).id();
        mvc.perform(get("/api/v1/approvals").with(as(secondCaseworker)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").isNumber());
        mvc.perform(post("/api/v1/approvals/{id}/approve", id).with(as(fixtures.caseworker())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("eget forslag")));
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.OFFERED);
        mvc.perform(post("/api/v1/approvals/{id}/approve", id).with(as(secondCaseworker)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
    }

    @Test
    void withThePolicyOffTheCommandRunsAtOnceAsBefore() throws Exception {
        mvc.perform(post("/godkjenninger/innstillinger").with(as(admin)).with(csrf())
                .param("BEYOND_PLACES", "on")).andExpect(status().is3xxRedirection());
        assertThat(policy.required(Kind.CLOSE_CASE)).isFalse();
        assertThat(policy.required(Kind.BEYOND_PLACES)).isTrue();
        long caseId = fixtures.household(fixtures.centre(FJORD), 0);
        closeOnTheWeb(caseId);
        assertThat(caseStatus(caseId)).isEqualTo(CaseStatus.CLOSED);
        assertThat(approvals.forCase(caseId)).isEmpty();
        // Only the administrator changes the policy.
        assertThat(policy.set(Kind.CLOSE_CASE, true, fixtures.caseworker()).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(List.of(Kind.values())).hasSize(5);
    }
}
