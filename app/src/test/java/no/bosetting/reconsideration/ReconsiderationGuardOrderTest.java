package no.bosetting.reconsideration;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Every step of a reconsideration answers in the one guard order, and the page offers exactly the valid steps. */
@IntegrationTest
class ReconsiderationGuardOrderTest {

    private static final String OWN = "1832"; // Hemnes

    @Autowired
    Fixtures fixtures;
    @Autowired
    Reconsiderations reconsiderations;
    @Autowired
    Proposals proposals;
    @Autowired
    MockMvc mvc;

    private final Actor admin = new Actor("admin-omgjoring-rekkefolge", "Test Administrator", Role.AGENCY_ADMIN, null, null);
    private LocalDate planned;

    @BeforeEach
    void capacity() {
        planned = TestClock.today().plusDays(10);
        fixtures.resetMunicipality(OWN);
        fixtures.decidePlannedYear(OWN, planned, 100, 0);
    }

    private long requested() {
        long caseId = fixtures.household(fixtures.centre(OWN), 0);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, OWN);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(OWN), proposal, fixtures.plannedDates(caseId, planned), null)).value();
        reconsiderations.request(caseId, fixtures.caseworker(), new ReconsiderationRequest(RequesterKind.REFUGEE, null,
                ReconsiderationGround.WORK_OR_HOUSING_ELSEWHERE, "Fast jobb i Bodø")).value();
        return caseId;
    }

    @Test
    void scopeThenRoleThenStateThenTheRules() throws Exception {
        long caseId = requested();
        Actor officer = fixtures.municipality(OWN);
        assertThat(reconsiderations.informMunicipality(caseId, officer, null).failure()).isInstanceOf(CommandFailure.NotFound.class);
        assertThat(reconsiderations.grant(caseId, officer, "Grunn", null).failure()).isInstanceOf(CommandFailure.NotFound.class);
        assertThat(reconsiderations.refuse(caseId, officer, "Grunn").failure()).isInstanceOf(CommandFailure.NotFound.class);
        assertThat(reconsiderations.grant(Long.MAX_VALUE, admin, "Grunn", null).failure()).isInstanceOf(CommandFailure.NotFound.class);

        assertThat(reconsiderations.informMunicipality(caseId, fixtures.planner(), null).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        // A caseworker deciding before the municipality is informed: the role is answered first.
        CommandFailure caseworker = reconsiderations.grant(caseId, fixtures.caseworker(), "Grunn", null).failure();
        assertThat(caseworker).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(caseworker.messageKey()).isEqualTo("error.reconsideration.designatedGroup");
        // The designated group before the municipality is informed: the state, before the missing reason.
        CommandFailure early = reconsiderations.refuse(caseId, admin, " ").failure();
        assertThat(early).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(early.messageKey()).isEqualTo("error.reconsideration.notInformed");

        Reconsideration open = reconsiderations.find(caseId).orElseThrow();
        assertThat(Reconsiderations.validCommands(fixtures.caseworker(), open)).containsExactly(ReconsiderationCommand.INFORM_MUNICIPALITY);
        assertThat(Reconsiderations.validCommands(admin, open)).containsExactly(ReconsiderationCommand.INFORM_MUNICIPALITY);
        assertThat(Reconsiderations.validCommands(officer, open)).isEmpty();
        mvc.perform(get("/saker/{id}/omgjoring", caseId).with(as(fixtures.caseworker())))
                .andExpect(content().string(containsString("/omgjoring/informer")))
                .andExpect(content().string(not(containsString("/omgjoring/innvilg"))));

        reconsiderations.informMunicipality(caseId, fixtures.caseworker(), "Vi vurderer saken").value();
        Reconsideration informed = reconsiderations.find(caseId).orElseThrow();
        assertThat(Reconsiderations.validCommands(admin, informed)).containsExactly(ReconsiderationCommand.GRANT, ReconsiderationCommand.REFUSE);
        assertThat(Reconsiderations.validCommands(fixtures.caseworker(), informed)).isEmpty();
        mvc.perform(get("/saker/{id}/omgjoring", caseId).with(as(admin)))
                .andExpect(content().string(containsString("/omgjoring/innvilg")))
                .andExpect(content().string(containsString("/omgjoring/avslag")))
                .andExpect(content().string(not(containsString("/omgjoring/informer"))));
        mvc.perform(get("/saker/{id}/omgjoring", caseId).with(as(fixtures.caseworker())))
                .andExpect(content().string(not(containsString("/omgjoring/innvilg"))));

        CommandFailure noReason = reconsiderations.refuse(caseId, admin, " ").failure();
        assertThat(((CommandFailure.RuleBroken) noReason).field()).isEqualTo("reason");
        reconsiderations.refuse(caseId, admin, "Ikke vesentlig").value();
        // Decided: there is no open request to take a step on.
        assertThat(reconsiderations.grant(caseId, admin, "Grunn", null).failure()).isInstanceOf(CommandFailure.NotFound.class);

        assertThat(reconsiderations.history(informed.id()))
                .extracting(ReconsiderationHistoryEntry::command, ReconsiderationHistoryEntry::actorRole, ReconsiderationHistoryEntry::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REQUEST", "AGENCY_CASEWORKER", ReconsiderationStatus.REQUESTED),
                        org.assertj.core.groups.Tuple.tuple("INFORM_MUNICIPALITY", "AGENCY_CASEWORKER", ReconsiderationStatus.MUNICIPALITY_INFORMED),
                        org.assertj.core.groups.Tuple.tuple("REFUSE", "AGENCY_ADMIN", ReconsiderationStatus.REFUSED));
    }
}
