package no.bosetting.approvals;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl.Kind;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.CloseReason;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
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
import org.springframework.test.web.servlet.ResultActions;

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
 * Two-step control of the place-rule override made through a household change (kind HOUSEHOLD_BEYOND_PLACES): a
 * member joining an offered household beyond the decided places with the agency's reason, and a household corrected
 * into an unaccompanied minor beyond the minors' places, wait for a second person — no member added, no place taken —
 * and run as the proposer, guard checked again, when approved; a change within the places runs at once.
 */
@IntegrationTest
class HouseholdTwoStepControlTest {

    /** Aure, Smøla and Surnadal: no other test uses them. */
    private static final String AURE = "1576";
    private static final String SMOLA = "1573";
    private static final String SURNADAL = "1566";
    private static final String REASON = "Født etter vedtaket; kommunen har bekreftet plass";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalPolicy policy;
    @Autowired
    CaseQueries cases;
    @Autowired
    CaseCommands caseCommands;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final Actor admin = new Actor("admin-totrinn-hh-test", "Test Administrator", Role.AGENCY_ADMIN, null, null);
    private final Actor secondCaseworker = new Actor("saksbehandler-totrinn-hh-2-test", "Andre Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private LocalDate planned;

    @BeforeEach
    void setUp() {
        planned = TestClock.today().plusDays(14);
        policy.set(Kind.HOUSEHOLD_BEYOND_PLACES, true, admin).value();
    }

    @AfterEach
    void policyOffAgain() {
        policy.set(Kind.HOUSEHOLD_BEYOND_PLACES, false, admin).value();
    }

    /** A household of two accepted by {@code municipality}, which decided {@code places} places and {@code minors} for minors. */
    private long offeredCase(String municipality, int places, int minors) {
        fixtures.resetMunicipality(municipality);
        fixtures.decide(municipality, planned.getYear(), places, minors);
        long caseId = fixtures.household(fixtures.centre(municipality), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, municipality);
        proposals.accept(fixtures.municipality(municipality), proposalId, fixtures.plannedDates(caseId, planned), null).value();
        return caseId;
    }

    private ResultActions addBabyOnTheWeb(long caseId, String overrideReason) throws Exception {
        return mvc.perform(post("/saker/{id}/husstand/medlem", caseId).with(csrf()).with(as(fixtures.caseworker()))
                .param("joinReason", "BIRTH").param("givenName", "Nyfødt").param("familyName", "Testesen")
                .param("birthDate", TestClock.today().minusDays(1).toString()).param("sex", "M").param("citizenship", "UKR")
                .param("relation", "CHILD").param("dufNumber", Fixtures.duf()).param("overrideReason", overrideReason));
    }

    private CaseSummary summary(long caseId) {
        return cases.summaryForSystem(caseId).orElseThrow();
    }

    private int used(String municipality) {
        return decisions.placesUsed(municipality, planned.getYear()).used();
    }

    private Approval pendingOf(long caseId) {
        return approvals.forCase(caseId).stream().filter(Approval::pending).findFirst().orElseThrow();
    }

    @Test
    void aMemberJoiningBeyondThePlacesWaitsForASecondPersonWhoApproves() throws Exception {
        long caseId = offeredCase(AURE, 2, 0);
        assertThat(used(AURE)).isEqualTo(2);

        addBabyOnTheWeb(caseId, REASON).andExpect(status().is3xxRedirection());
        assertThat(summary(caseId).persons()).as("no member added yet").isEqualTo(2);
        assertThat(cases.personIds(caseId)).hasSize(2);
        assertThat(used(AURE)).as("no place taken yet").isEqualTo(2);
        assertThat(decisions.forCase(caseId)).hasSize(2);
        Approval pending = pendingOf(caseId);
        assertThat(pending.kind()).isEqualTo(Kind.HOUSEHOLD_BEYOND_PLACES);
        assertThat(pending.subjectId()).isEqualTo(caseId);
        assertThat(pending.reason()).isEqualTo(REASON);
        assertThat(pending.proposedBy()).isEqualTo(fixtures.caseworker().username());
        mvc.perform(get("/saker/{id}", caseId).with(as(secondCaseworker)))
                .andExpect(content().string(containsString("Venter på godkjenning")))
                // What would change, on the case page too, in the reader's language.
                .andExpect(content().string(containsString("Et nytt medlem (Nyfødt Testesen) legges til husstanden")));
        mvc.perform(get("/saker/{id}", caseId).param("lang", "en").with(as(secondCaseworker)))
                .andExpect(content().string(containsString("A new member (Nyfødt Testesen) joins the household")));
        mvc.perform(get("/godkjenninger/{id}", pending.id()).with(as(secondCaseworker)))
                .andExpect(content().string(containsString(REASON)))
                .andExpect(content().string(containsString("Nyfødt Testesen")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/godkjenninger/{id}", pending.id()).param("lang", "en").with(as(secondCaseworker)))
                .andExpect(content().string(containsString("A new member joins the household beyond")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/godkjenninger/innstillinger").with(as(admin)))
                .andExpect(content().string(containsString("Husstandsendring ut over kommunens vedtatte plasser")));
        mvc.perform(get("/godkjenninger/innstillinger").param("lang", "en").with(as(admin)))
                .andExpect(content().string(containsString("Household change beyond the municipality")))
                .andExpect(content().string(not(containsString("??"))));

        // The proposer cannot approve their own proposal.
        assertThat(approvals.approve(pending.id(), fixtures.caseworker()).failure().messageKey()).isEqualTo("error.approval.ownProposal");
        assertThat(summary(caseId).persons()).isEqualTo(2);

        mvc.perform(post("/godkjenninger/{id}/godkjenn", pending.id()).with(as(secondCaseworker)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(approvals.find(pending.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(summary(caseId).persons()).isEqualTo(3);
        assertThat(used(AURE)).isEqualTo(3);
        assertThat(decisions.forCase(caseId)).filteredOn(d -> d.overrideReason() != null)
                .extracting(d -> d.overrideReason()).containsExactly(REASON);
        // The member was added as the proposer; the approval by the second person.
        assertThat(cases.history(caseId)).extracting(h -> h.command() + " " + h.actor())
                .contains("TWO_STEP_PROPOSED " + fixtures.caseworker().username(), "ADD_MEMBER " + fixtures.caseworker().username(),
                        "TWO_STEP_APPROVED " + secondCaseworker.username());
    }

    @Test
    void aMemberBeyondThePlacesReturnedChangesNothingAndTellsTheProposer() throws Exception {
        long caseId = offeredCase(AURE, 2, 0);
        addBabyOnTheWeb(caseId, REASON).andExpect(status().is3xxRedirection());
        Approval pending = pendingOf(caseId);
        mvc.perform(post("/godkjenninger/{id}/returner", pending.id()).with(as(secondCaseworker)).with(csrf())
                        .param("returnReason", "RULES").param("returnText", "Kommunen har ikke bekreftet"))
                .andExpect(status().is3xxRedirection());
        assertThat(approvals.find(pending.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.RETURNED);
        assertThat(summary(caseId).persons()).isEqualTo(2);
        assertThat(used(AURE)).isEqualTo(2);
        assertThat(cases.history(caseId)).extracting(h -> h.command()).contains("TWO_STEP_RETURNED").doesNotContain("ADD_MEMBER");
        assertThat(jdbc.sql("select count(*) from outbox_message where topic = 'NOTIFICATION' and recipient = :r and case_id = :c")
                .param("r", fixtures.caseworker().username()).param("c", caseId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void approvalFailsTypedAndChangesNothingWhenTheCaseMovedOn() throws Exception {
        long caseId = offeredCase(AURE, 2, 0);
        addBabyOnTheWeb(caseId, REASON).andExpect(status().is3xxRedirection());
        Approval pending = pendingOf(caseId);
        // Meanwhile the offer is withdrawn and the case closed (directly, not through the held routes).
        caseCommands.withdrawOffer(caseId, fixtures.caseworker(), "Feil kommune").value();
        caseCommands.close(caseId, fixtures.caseworker(), CloseReason.LEFT_NORWAY, "Reist", null).value();

        CommandResult<ApprovalStatus> approved = approvals.approve(pending.id(), secondCaseworker);
        assertThat(approved.failure()).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(summary(caseId).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(summary(caseId).persons()).isEqualTo(2);
        assertThat(cases.personIds(caseId)).hasSize(2);
        assertThat(approvals.find(pending.id()).orElseThrow().status()).as("nothing changed").isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void aMemberWithinThePlacesOrWithoutAnOverrideRunsAsToday() throws Exception {
        long within = offeredCase(AURE, 5, 0);
        addBabyOnTheWeb(within, REASON).andExpect(status().is3xxRedirection());
        assertThat(summary(within).persons()).as("ran at once").isEqualTo(3);
        assertThat(used(AURE)).isEqualTo(3);
        assertThat(approvals.forCase(within)).isEmpty();

        long full = offeredCase(AURE, 2, 0);
        addBabyOnTheWeb(full, "").andExpect(status().isOk())
                .andExpect(content().string(containsString("Det er feil i skjemaet")));
        assertThat(summary(full).persons()).as("refused as today").isEqualTo(2);
        assertThat(approvals.forCase(full)).isEmpty();
    }

    @Test
    void theApiAnswers202WithTheProposalForAMemberBeyondThePlaces() throws Exception {
        long caseId = offeredCase(AURE, 2, 0);
        mvc.perform(post("/api/v1/cases/{id}/household/members", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"joinReason\":\"BIRTH\",\"givenName\":\"Api\",\"familyName\":\"Testesen\",\"birthDate\":\""
                                + TestClock.today().minusDays(1) + "\",\"sex\":\"M\",\"citizenship\":\"UKR\",\"relation\":\"CHILD\","
                                + "\"dufNumber\":\"" + Fixtures.duf() + "\",\"overrideReason\":\"" + REASON + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"));
        assertThat(summary(caseId).persons()).isEqualTo(2);
        long id = pendingOf(caseId).id();
        mvc.perform(post("/api/v1/approvals/{id}/approve", id).with(as(fixtures.caseworker())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/approvals/{id}/approve", id).with(as(secondCaseworker)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(summary(caseId).persons()).isEqualTo(3);
        assertThat(used(AURE)).isEqualTo(3);
    }

    /**
     * A member reunified with a household already settled takes a place in its municipality in the year of arrival
     * (report 003 lines 2292–2294): beyond a full number with the agency's reason, that too waits for a second person.
     */
    @Test
    void aReunifiedMemberJoiningASettledHouseholdBeyondThePlacesIsHeldThenApproved() throws Exception {
        LocalDate today = TestClock.today();
        fixtures.resetMunicipality(SURNADAL);
        fixtures.decide(SURNADAL, today.getYear(), 2, 0);
        long caseId = fixtures.household(fixtures.centre(SURNADAL), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, SURNADAL);
        proposals.accept(fixtures.municipality(SURNADAL), proposalId, fixtures.plannedDates(caseId, today), null).value();
        decisions.forCase(caseId).forEach(d -> decisions.registerSettlementDate(d.id(), today, null, fixtures.municipality(SURNADAL)).value());
        assertThat(summary(caseId).status()).isEqualTo(CaseStatus.SETTLED);
        assertThat(decisions.placesUsed(SURNADAL, today.getYear()).used()).isEqualTo(2);

        mvc.perform(post("/saker/{id}/husstand/medlem", caseId).with(csrf()).with(as(fixtures.caseworker()))
                        .param("joinReason", "FAMILY_REUNIFICATION").param("givenName", "Gjenforent").param("familyName", "Testesen")
                        .param("birthDate", "1984-05-05").param("sex", "M").param("citizenship", "UKR").param("relation", "SPOUSE")
                        .param("dufNumber", Fixtures.duf()).param("permitType", "COLLECTIVE_PROTECTION")
                        .param("permitDate", today.toString()).param("permitReference", "UDI-FG-" + Fixtures.next())
                        .param("overrideReason", REASON))
                .andExpect(status().is3xxRedirection());
        assertThat(summary(caseId).persons()).as("no member added yet").isEqualTo(2);
        assertThat(decisions.placesUsed(SURNADAL, today.getYear()).used()).as("no place taken yet").isEqualTo(2);
        Approval pending = pendingOf(caseId);
        assertThat(pending.kind()).isEqualTo(Kind.HOUSEHOLD_BEYOND_PLACES);

        approvals.approve(pending.id(), secondCaseworker).value();
        assertThat(summary(caseId).persons()).isEqualTo(3);
        assertThat(decisions.placesUsed(SURNADAL, today.getYear()).used()).isEqualTo(3);
        assertThat(decisions.forCase(caseId)).filteredOn(d -> REASON.equals(d.overrideReason()))
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(no.bosetting.decisions.DecisionStatus.SETTLED));
    }

    @Test
    void aMinorFlagBeyondTheMinorsPlacesIsHeldThenApproved() throws Exception {
        long caseId = offeredCase(SMOLA, 10, 0);
        long main = cases.personIds(caseId).get(0);
        String body = jdbc.sql("select given_name, family_name, birth_date, sex, relation from person where id = :p").param("p", main)
                .query((rs, n) -> "{\"givenName\":\"" + rs.getString(1) + "\",\"familyName\":\"" + rs.getString(2)
                        + "\",\"birthDate\":\"" + rs.getString(3) + "\",\"sex\":\"" + rs.getString(4) + "\",\"relation\":\""
                        + rs.getString(5) + "\",\"unaccompaniedMinor\":true,\"reason\":\"Følgeperson, ikke forelder\","
                        + "\"overrideReason\":\"Kommunen tar imot likevel\"}").single();
        mvc.perform(post("/api/v1/cases/{id}/household/members/{p}/corrections", caseId, main).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"));
        assertThat(summary(caseId).unaccompaniedMinor()).as("nothing changed yet").isFalse();
        assertThat(decisions.placesUsed(SMOLA, planned.getYear()).minorsUsed()).isZero();
        Approval pending = pendingOf(caseId);
        assertThat(pending.kind()).isEqualTo(Kind.HOUSEHOLD_BEYOND_PLACES);
        mvc.perform(get("/godkjenninger/{id}", pending.id()).with(as(secondCaseworker)))
                .andExpect(content().string(containsString("Kommunen tar imot likevel")))
                .andExpect(content().string(containsString("enslig mindreårig")))
                .andExpect(content().string(not(containsString("??"))));

        approvals.approve(pending.id(), secondCaseworker).value();
        assertThat(summary(caseId).unaccompaniedMinor()).isTrue();
        assertThat(decisions.placesUsed(SMOLA, planned.getYear()).minorsUsed()).isEqualTo(2);
        assertThat(decisions.forCase(caseId)).allMatch(d -> "Kommunen tar imot likevel".equals(d.overrideReason()));
        assertThat(List.of(Kind.values())).contains(Kind.HOUSEHOLD_BEYOND_PLACES);
    }
}
