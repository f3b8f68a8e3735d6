package no.bosetting.reconsideration;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reconsideration: REQUESTED → MUNICIPALITY_INFORMED → GRANTED | REFUSED, who may do what, and what granting releases. */
@IntegrationTest
class ReconsiderationTest {

    private static final String ORSTA = "1520";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Reconsiderations reconsiderations;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    CaseQueries cases;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final Actor admin = new Actor("admin-omgjoring-test", "Test Administrator", Role.AGENCY_ADMIN, null, null);
    private LocalDate planned;

    @BeforeEach
    void capacity() {
        planned = TestClock.today().plusDays(10);
        fixtures.resetMunicipality(ORSTA);
        fixtures.decide(ORSTA, planned.getYear(), 40, 0);
        users.createIfMissing(fixtures.municipality(ORSTA), null, null);
    }

    /** A household of two with an offered decision in Ørsta. */
    private long offeredCase() {
        long caseId = fixtures.household(fixtures.centre(ORSTA), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, ORSTA);
        proposals.accept(fixtures.municipality(ORSTA), proposalId, fixtures.plannedDates(caseId, planned), null).value();
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        return caseId;
    }

    private static ReconsiderationRequest request() {
        return new ReconsiderationRequest(RequesterKind.REFUGEE, null, ReconsiderationGround.LATE_ESSENTIAL_FACTS,
                "Nedsatt hørsel oppdaget etter vedtaket; kommunen mangler tilbud.");
    }

    @Test
    void grantedOnlyByTheDesignatedGroupAfterTheMunicipalityWasInformedAndReleasesThePlaces() {
        long caseId = offeredCase();
        int usedBefore = decisions.placesUsed(ORSTA, planned.getYear()).used();

        assertThat(reconsiderations.request(caseId, fixtures.caseworker(), request()).isSuccess()).isTrue();
        assertThat(reconsiderations.find(caseId).orElseThrow().status()).isEqualTo(ReconsiderationStatus.REQUESTED);

        // Not before the municipality is informed, not even by the designated group.
        CommandResult<ReconsiderationStatus> early = reconsiderations.grant(caseId, admin, "Vesentlige opplysninger", null);
        assertThat(early.failure()).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(early.failure().messageKey()).isEqualTo("error.reconsideration.notInformed");

        assertThat(reconsiderations.informMunicipality(caseId, fixtures.caseworker(), "Vi vurderer omgjøring.").isSuccess()).isTrue();
        Reconsideration informed = reconsiderations.find(caseId).orElseThrow();
        assertThat(informed.status()).isEqualTo(ReconsiderationStatus.MUNICIPALITY_INFORMED);
        assertThat(informed.informedAt()).isNotNull();
        assertThat(jdbc.sql("select count(*) from outbox_message where topic = 'NOTIFICATION' and recipient = :r and case_id = :c and subject like 'Omgjøring%'")
                .param("r", fixtures.municipality(ORSTA).username()).param("c", caseId).query(Long.class).single()).isEqualTo(1);

        // A caseworker is not the designated group.
        CommandResult<ReconsiderationStatus> byCaseworker = reconsiderations.grant(caseId, fixtures.caseworker(), "Begrunnelse", null);
        assertThat(byCaseworker.failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(reconsiderations.refuse(caseId, fixtures.planner(), "Begrunnelse").failure()).isInstanceOf(CommandFailure.NotAllowed.class);

        CommandResult<ReconsiderationStatus> noReason = reconsiderations.grant(caseId, admin, "  ", null);
        assertThat(noReason.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(((CommandFailure.RuleBroken) noReason.failure()).field()).isEqualTo("reason");

        assertThat(reconsiderations.grant(caseId, admin, "Kommunen har ikke tilbud til hørselshemmede", "Husstand TEST-1 til Ørsta")
                .value()).isEqualTo(ReconsiderationStatus.GRANTED);

        assertThat(decisions.placesUsed(ORSTA, planned.getYear()).used()).isEqualTo(usedBefore - 2);
        assertThat(decisions.forCase(caseId)).extracting(d -> d.status()).containsOnly(DecisionStatus.REVOKED);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().settlementMunicipality()).isNull();
        Reconsideration granted = reconsiderations.find(caseId).orElseThrow();
        assertThat(granted.decidedBy()).isEqualTo(admin.username());
        assertThat(granted.alternativeSuggestion()).isEqualTo("Husstand TEST-1 til Ørsta");
        assertThat(reconsiderations.history(granted.id())).extracting(ReconsiderationHistoryEntry::to)
                .containsExactly(ReconsiderationStatus.REQUESTED, ReconsiderationStatus.MUNICIPALITY_INFORMED, ReconsiderationStatus.GRANTED);
        assertThat(cases.history(caseId)).extracting(h -> h.command())
                .contains("RECONSIDERATION_REQUESTED", "RECONSIDERATION_MUNICIPALITY_INFORMED", "REOPEN_AFTER_RECONSIDERATION");
        assertThat(reconsiderations.open()).extracting(Reconsideration::caseId).doesNotContain(caseId);
    }

    @Test
    void refusingNeedsAReasonAndChangesNothingElse() {
        long caseId = offeredCase();
        int usedBefore = decisions.placesUsed(ORSTA, planned.getYear()).used();
        reconsiderations.request(caseId, fixtures.caseworker(), request()).value();
        assertThat(reconsiderations.refuse(caseId, admin, "Grunn").failure().messageKey()).isEqualTo("error.reconsideration.notInformed");
        reconsiderations.informMunicipality(caseId, fixtures.caseworker(), null).value();
        assertThat(reconsiderations.informMunicipality(caseId, fixtures.caseworker(), null).failure())
                .isInstanceOf(CommandFailure.WrongState.class);

        CommandResult<ReconsiderationStatus> blank = reconsiderations.refuse(caseId, admin, "");
        assertThat(((CommandFailure.RuleBroken) blank.failure()).field()).isEqualTo("reason");
        assertThat(reconsiderations.refuse(caseId, admin, "Ikke vesentlig for bosettingen").value()).isEqualTo(ReconsiderationStatus.REFUSED);

        assertThat(decisions.placesUsed(ORSTA, planned.getYear()).used()).isEqualTo(usedBefore);
        assertThat(decisions.forCase(caseId)).extracting(d -> d.status()).containsOnly(DecisionStatus.OFFERED);
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        assertThat(reconsiderations.find(caseId).orElseThrow().decisionReason()).isEqualTo("Ikke vesentlig for bosettingen");
        // A decided request can be followed by a new one.
        assertThat(reconsiderations.request(caseId, fixtures.caseworker(), request()).isSuccess()).isTrue();
    }

    @Test
    void aRequestNeedsAnOfferedCaseAGroundAndANameForOthersAndOnlyOneIsOpen() {
        long ready = fixtures.household(fixtures.centre(ORSTA), 0);
        fixtures.ready(ready);
        assertThat(reconsiderations.request(ready, fixtures.caseworker(), request()).failure()).isInstanceOf(CommandFailure.WrongState.class);

        long caseId = offeredCase();
        assertThat(reconsiderations.request(caseId, fixtures.municipality(ORSTA), request()).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(reconsiderations.request(caseId, fixtures.planner(), request()).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(field(reconsiderations.request(caseId, fixtures.caseworker(),
                new ReconsiderationRequest(RequesterKind.REFUGEE, null, null, "Tekst")))).isEqualTo("ground");
        assertThat(field(reconsiderations.request(caseId, fixtures.caseworker(),
                new ReconsiderationRequest(RequesterKind.OTHER, " ", ReconsiderationGround.UNREASONABLE_TIME, "Tekst")))).isEqualTo("requesterName");
        assertThat(field(reconsiderations.request(caseId, fixtures.caseworker(),
                new ReconsiderationRequest(RequesterKind.MUNICIPALITY, null, ReconsiderationGround.UNREASONABLE_TIME, "")))).isEqualTo("explanation");
        reconsiderations.request(caseId, fixtures.caseworker(),
                new ReconsiderationRequest(RequesterKind.OTHER, "Advokat Hansen", ReconsiderationGround.WORK_OR_HOUSING_ELSEWHERE, "Fast jobb i Bodø")).value();
        assertThat(field(reconsiderations.request(caseId, fixtures.caseworker(), request()))).isEqualTo("ground");
        assertThat(reconsiderations.open()).extracting(Reconsideration::caseId).contains(caseId);
    }

    @Test
    void theWebPagesShowErrorsNextToTheFieldsAndAreForTheAgencyOnly() throws Exception {
        long caseId = offeredCase();
        mvc.perform(get("/saker/{id}/omgjoring", caseId).with(as(fixtures.municipality(ORSTA)))).andExpect(status().isNotFound());

        mvc.perform(post("/saker/{id}/omgjoring", caseId).with(as(fixtures.caseworker())).with(csrf())
                        .param("requesterKind", "REFUGEE").param("explanation", "Fikk fast jobb i Bergen"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Velg grunnlaget for omgjøring.")))
                .andExpect(content().string(containsString("id=\"ground-error\"")))
                .andExpect(content().string(containsString("Fikk fast jobb i Bergen")));

        mvc.perform(post("/saker/{id}/omgjoring", caseId).with(as(fixtures.caseworker())).with(csrf())
                        .param("requesterKind", "REFUGEE").param("ground", "WORK_OR_HOUSING_ELSEWHERE").param("explanation", "Fikk fast jobb i Bergen"))
                .andExpect(redirectedUrl("/saker/" + caseId + "/omgjoring"));
        mvc.perform(post("/saker/{id}/omgjoring/informer", caseId).with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(redirectedUrl("/saker/" + caseId + "/omgjoring"));
        mvc.perform(get("/omgjoringer").with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kommunen informert")));
        mvc.perform(post("/saker/{id}/omgjoring/innvilg", caseId).with(as(fixtures.caseworker())).with(csrf()).param("reason", "Jobb"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bare den utpekte gruppen")));
        mvc.perform(post("/saker/{id}/omgjoring/avslag", caseId).with(as(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refuseReason-error\"")));
        mvc.perform(post("/saker/{id}/omgjoring/innvilg", caseId).with(as(admin)).with(csrf()).param("reason", "Fast jobb i Bergen"))
                .andExpect(redirectedUrl("/saker/" + caseId + "/omgjoring"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        mvc.perform(get("/saker/{id}", caseId).with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Innvilget")));
    }

    private static String field(CommandResult<?> result) {
        return result.failure() instanceof CommandFailure.RuleBroken r ? r.field() : String.valueOf(result.failure());
    }
}
