package no.bosetting.proposals;

import java.time.LocalDate;
import java.util.function.Function;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accepting, rejecting and withdrawing a proposal answer in the one guard order: found in the actor's scope (else not
 * found), permitted for the role (else not allowed — the same for all three), the proposal pending (else wrong
 * state), and only then the command's own rules.
 */
@IntegrationTest
class ProposalGuardOrderTest {

    private static final String OWN = "1832"; // Hemnes
    private static final String OTHER = "4645"; // Askvoll

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    CaseQueries cases;
    @Autowired
    MockMvc mvc;

    private LocalDate planned;

    @BeforeEach
    void capacity() {
        planned = TestClock.today().plusDays(10);
        fixtures.resetMunicipality(OWN);
        fixtures.decidePlannedYear(OWN, planned, 100, 0);
    }

    private long caseOf(long proposalId) {
        return proposals.find(proposalId, fixtures.caseworker()).orElseThrow().caseId();
    }

    private long pending() {
        long caseId = fixtures.household(fixtures.centre(OWN), 1);
        fixtures.ready(caseId);
        return fixtures.propose(caseId, OWN);
    }

    private CommandResult<?> accept(Actor actor, long proposalId) {
        return CommandResult.attempt(() -> proposals.accept(actor, proposalId, fixtures.plannedDates(caseOf(proposalId), planned),
                actor.isAgency() ? "Avtalt med kommunen" : null));
    }

    private CommandResult<?> reject(Actor actor, long proposalId) {
        return proposals.reject(actor, proposalId, RejectionReason.NO_SUITABLE_DWELLING, "Ingen bolig");
    }

    private CommandResult<?> withdraw(Actor actor, long proposalId) {
        return proposals.withdraw(actor, proposalId, "Svarfristen er ute");
    }

    private void unchanged(long proposalId) {
        assertThat(proposals.find(proposalId, fixtures.caseworker()).orElseThrow().status()).isEqualTo(ProposalStatus.PENDING);
        assertThat(cases.summaryForSystem(caseOf(proposalId)).orElseThrow().status()).isEqualTo(CaseStatus.PROPOSED);
    }

    @Test
    void outsideTheActorsScopeEveryAnswerIsNotFound() {
        long proposal = pending();
        Actor otherMunicipality = fixtures.municipality(OTHER);
        Actor reception = fixtures.reception(fixtures.centre(OWN));
        for (Actor actor : new Actor[]{otherMunicipality, reception, fixtures.statistics()}) {
            assertThat(accept(actor, proposal).failure()).as("accept by " + actor.role()).isInstanceOf(CommandFailure.NotFound.class);
            assertThat(reject(actor, proposal).failure()).as("reject by " + actor.role()).isInstanceOf(CommandFailure.NotFound.class);
            assertThat(withdraw(actor, proposal).failure()).as("withdraw by " + actor.role()).isInstanceOf(CommandFailure.NotFound.class);
        }
        assertThat(reject(fixtures.municipality(OWN), Long.MAX_VALUE).failure()).isInstanceOf(CommandFailure.NotFound.class);
        unchanged(proposal);
    }

    @Test
    void aRoleThatMayNotAnswerIsNotAllowedTheSameForAcceptRejectAndWithdraw() {
        long proposal = pending();
        Actor officer = fixtures.municipality(OWN);
        Actor caseworker = fixtures.caseworker();
        Actor planner = fixtures.planner();

        assertThat(reject(caseworker, proposal).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(reject(planner, proposal).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(withdraw(officer, proposal).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(withdraw(planner, proposal).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(accept(planner, proposal).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        // The role is answered before the rules: a planner without a reason is not allowed, not asked for one.
        assertThat(CommandResult.attempt(() -> proposals.accept(planner, proposal, fixtures.plannedDates(caseOf(proposal), planned), null))
                .failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        unchanged(proposal);
    }

    @Test
    void onlyAPendingProposalIsAnsweredAndTheRoleIsAnsweredBeforeTheState() {
        long proposal = pending();
        Actor officer = fixtures.municipality(OWN);
        assertThat(accept(officer, proposal).isSuccess()).isTrue();

        for (Function<Long, CommandResult<?>> answer : java.util.List.<Function<Long, CommandResult<?>>>of(
                id -> accept(officer, id), id -> reject(officer, id), id -> withdraw(fixtures.caseworker(), id))) {
            CommandFailure failure = answer.apply(proposal).failure();
            assertThat(failure).isInstanceOf(CommandFailure.WrongState.class);
            assertThat(failure.messageKey()).isEqualTo("error.proposal.answered");
            assertThat(((CommandFailure.WrongState) failure).currentState()).isEqualTo("ACCEPTED");
        }
        assertThat(reject(fixtures.caseworker(), proposal).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(withdraw(officer, proposal).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(reject(fixtures.municipality(OTHER), proposal).failure()).isInstanceOf(CommandFailure.NotFound.class);
    }

    @Test
    void theRulesComeLast() {
        long proposal = pending();
        CommandFailure noCode = proposals.reject(fixtures.municipality(OWN), proposal, null, "Ingen bolig").failure();
        assertThat(noCode).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(((CommandFailure.RuleBroken) noCode).field()).isEqualTo("rejectionCode");
        CommandFailure noReason = CommandResult.attempt(() -> proposals.accept(fixtures.caseworker(), proposal,
                fixtures.plannedDates(caseOf(proposal), planned), " ")).failure();
        assertThat(noReason.messageKey()).isEqualTo("error.proposal.agencyReason");
        unchanged(proposal);
    }

    @Test
    void theValidCommandsFollowRoleScopeAndState() {
        long proposal = pending();
        ProposalRow row = proposals.find(proposal, fixtures.caseworker()).orElseThrow();
        assertThat(proposals.validCommands(fixtures.municipality(OWN), row)).containsExactly(ProposalCommand.ACCEPT, ProposalCommand.REJECT);
        assertThat(proposals.validCommands(fixtures.caseworker(), row)).containsExactly(ProposalCommand.ACCEPT, ProposalCommand.WITHDRAW);
        assertThat(proposals.validCommands(fixtures.municipality(OTHER), row)).isEmpty();
        assertThat(proposals.validCommands(fixtures.planner(), row)).isEmpty();
        assertThat(reject(fixtures.municipality(OWN), proposal).isSuccess()).isTrue();
        ProposalRow rejected = proposals.find(proposal, fixtures.caseworker()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(proposals.validCommands(fixtures.municipality(OWN), rejected)).isEmpty();
    }

    @Test
    void theApiAndThePagesAnswerTheSameWay() throws Exception {
        long proposal = pending();
        Actor officer = fixtures.municipality(OWN);
        mvc.perform(get("/api/v1/proposals/{id}", proposal).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposal.validCommands", containsInAnyOrder("ACCEPT", "REJECT")));
        mvc.perform(get("/api/v1/proposals").param("municipality", OWN).with(as(fixtures.caseworker())))
                .andExpect(jsonPath("$[?(@.id == " + proposal + ")].validCommands[*]", containsInAnyOrder("ACCEPT", "WITHDRAW")));
        // A wrong role is not allowed on every answer, also through the API.
        mvc.perform(post("/api/v1/proposals/{id}/reject", proposal).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"NO_SUITABLE_DWELLING\",\"text\":\"Ingen bolig\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/proposals/{id}/withdraw", proposal).with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Ikke aktuelt\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(fixtures.planner()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(fixtures.municipality(OTHER)))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        unchanged(proposal);

        mvc.perform(get("/kommune/forslag/{id}", proposal).with(as(officer)))
                .andExpect(content().string(containsString("/kommune/forslag/" + proposal + "/aksepter")))
                .andExpect(content().string(containsString("/kommune/forslag/" + proposal + "/avslaa")));
        assertThat(accept(officer, proposal).isSuccess()).isTrue();
        mvc.perform(get("/api/v1/proposals/{id}", proposal).with(as(officer)))
                .andExpect(jsonPath("$.proposal.validCommands", empty()));
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/kommune/forslag/{id}", proposal).with(as(officer)))
                .andExpect(content().string(not(containsString("/kommune/forslag/" + proposal + "/aksepter"))))
                .andExpect(content().string(not(containsString("/kommune/forslag/" + proposal + "/avslaa"))));
    }
}
