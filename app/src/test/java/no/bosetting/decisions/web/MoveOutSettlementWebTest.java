package no.bosetting.decisions.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.LivingSituation;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDateChange;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reception centre records that an offered household moved out to its settlement municipality, with
 * each member's actual settlement date; the municipality sees the dates and corrects them with history.
 */
@IntegrationTest
class MoveOutSettlementWebTest {

    private static final String MIDT_TELEMARK = "4020";

    /** The offered household's planned date; its place counts in this date's year (next year in late December). */
    private static LocalDate planned() {
        return TestClock.today().plusDays(3);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    SettlementDecisions decisions;

    /** A household of two in its own centre, accepted by the municipality today. */
    private long offered(long centre) throws Exception {
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MIDT_TELEMARK);
        mvc.perform(post("/kommune/forslag/" + proposalId + "/aksepter").with(csrf()).with(as(fixtures.municipality(MIDT_TELEMARK)))
                .param("plannedDateAll", planned().toString()));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        return caseId;
    }

    private MockHttpServletRequestBuilder moveOut(long caseId, Actor actor, LocalDate moved, LocalDate... settled) {
        MockHttpServletRequestBuilder request = post("/saker/" + caseId + "/flyttet-til-kommunen").with(csrf()).with(as(actor))
                .param("moveOutDate", moved == null ? "" : moved.toString());
        List<SettlementDecision> list = decisions.forCase(caseId);
        for (int i = 0; i < list.size() && i < settled.length; i++) {
            request.param("settled-" + list.get(i).id(), settled[i] == null ? "" : settled[i].toString());
        }
        return request;
    }

    private void unchanged(long caseId, long centre) {
        var summary = cases.summaryForSystem(caseId).orElseThrow();
        assertThat(summary.status()).isEqualTo(CaseStatus.OFFERED);
        assertThat(summary.receptionCentreId()).isEqualTo(centre);
        assertThat(summary.livingSituation()).isEqualTo(LivingSituation.RECEPTION_CENTRE);
        assertThat(decisions.forCase(caseId)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DecisionStatus.OFFERED);
            assertThat(d.settlementDate()).isNull();
        });
        assertThat(decisions.dateChanges(caseId)).isEmpty();
    }

    @Test
    void staffOfAnotherCentreCannotRegisterAndBadDatesAreRefused() throws Exception {
        fixtures.resetMunicipality(MIDT_TELEMARK);
        fixtures.decidePlannedYear(MIDT_TELEMARK, planned(), 20, 0);
        long centre = fixtures.centre(MIDT_TELEMARK);
        long caseId = offered(centre);
        Actor own = fixtures.reception(centre);
        Actor other = fixtures.reception(fixtures.centre(MIDT_TELEMARK));
        LocalDate today = TestClock.today();

        mvc.perform(moveOut(caseId, other, today, today, today)).andExpect(status().isNotFound());
        unchanged(caseId, centre);

        long first = decisions.forCase(caseId).get(0).id();
        var future = mvc.perform(moveOut(caseId, own, today, today.plusDays(1), today)).andReturn();
        assertThat(flashed(future, "moveOutSettledErrors")).containsEntry("settled-" + first,
                "Bosettingsdatoen kan ikke være frem i tid. Registrer den når personen har flyttet inn.");
        var beforeDecision = mvc.perform(moveOut(caseId, own, today, today.minusDays(1), today)).andReturn();
        assertThat(flashed(beforeDecision, "moveOutSettledErrors")).containsOnlyKeys("settled-" + first)
                .containsEntry("settled-" + first, "Bosettingsdatoen kan ikke være før vedtaket ("
                        + today.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ").");
        assertThat(flashed(beforeDecision, "moveOutSettledForm"))
                .containsEntry("settled-" + first, today.minusDays(1).toString());
        mvc.perform(moveOut(caseId, own, today, today)).andExpect(flash().attributeExists("moveOutSettledErrors"));
        mvc.perform(moveOut(caseId, own, today.plusDays(1), today, today)).andExpect(flash().attributeExists("moveOutSettledErrors"));
        mvc.perform(moveOut(caseId, own, null, today, today)).andExpect(flash().attributeExists("moveOutSettledErrors"));
        unchanged(caseId, centre);

        // The plain move-out cannot record a move to the settlement municipality without the dates.
        mvc.perform(post("/saker/" + caseId + "/utflytting").with(csrf()).with(as(own)).param("date", today.toString())
                        .param("newSituation", "SETTLED_IN_MUNICIPALITY").param("municipalityNumber", MIDT_TELEMARK))
                .andExpect(flash().attributeExists("moveOutErrors"));
        unchanged(caseId, centre);
    }

    @Test
    void theCentreRegistersAtMoveOutAndTheMunicipalityCorrectsWithBothInTheHistory() throws Exception {
        fixtures.resetMunicipality(MIDT_TELEMARK);
        fixtures.decidePlannedYear(MIDT_TELEMARK, planned(), 20, 0);
        long centre = fixtures.centre(MIDT_TELEMARK);
        long caseId = offered(centre);
        Actor staff = fixtures.reception(centre);
        Actor officer = fixtures.municipality(MIDT_TELEMARK);
        LocalDate today = TestClock.today();

        mvc.perform(get("/saker/" + caseId).with(as(staff)))
                .andExpect(content().string(allOf(containsString("action=\"/saker/" + caseId + "/flyttet-til-kommunen\""),
                        containsString("Faktisk bosettingsdato per person"))));
        mvc.perform(moveOut(caseId, staff, today, today, today)).andExpect(redirectedUrl("/mottak"));

        var summary = cases.summaryForSystem(caseId).orElseThrow();
        assertThat(summary.status()).isEqualTo(CaseStatus.SETTLED);
        assertThat(summary.livingSituation()).isEqualTo(LivingSituation.SETTLED_IN_MUNICIPALITY);
        assertThat(summary.receptionCentreId()).isNull();
        assertThat(decisions.forCase(caseId)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DecisionStatus.SETTLED);
            assertThat(d.settlementDate()).isEqualTo(today);
        });
        assertThat(cases.history(caseId)).anySatisfy(h -> assertThat(h.command()).isEqualTo("RECORD_MOVE_OUT"))
                .anySatisfy(h -> {
                    assertThat(h.command()).isEqualTo("REGISTER_SETTLED");
                    assertThat(h.actorRole()).isEqualTo(Role.RECEPTION_STAFF.name());
                });
        // The centre no longer has the household; the municipality sees the dates.
        mvc.perform(get("/saker/" + caseId).with(as(staff))).andExpect(status().isNotFound());
        String date = today.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        mvc.perform(get("/saker/" + caseId).with(as(officer)))
                .andExpect(content().string(allOf(containsString(date), containsString("Asylmottak"),
                        not(containsString("flyttet-til-kommunen")))));

        long first = decisions.forCase(caseId).get(0).id();
        fixtures.decisionsMadeOn(caseId, today.minusDays(5));
        mvc.perform(post("/vedtak/" + first + "/bosettingsdato").with(csrf()).with(as(officer))
                        .param("date", today.minusDays(2).toString()).param("reason", "Flyttet inn to dager før mottaket meldte"))
                .andExpect(flash().attributeExists("success"));
        List<SettlementDateChange> changes = decisions.dateChanges(caseId).stream().filter(c -> c.decisionId() == first).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).changedByRole()).isEqualTo(Role.RECEPTION_STAFF.name());
        assertThat(changes.get(0).oldDate()).isNull();
        assertThat(changes.get(0).newDate()).isEqualTo(today);
        assertThat(changes.get(1).changedByRole()).isEqualTo(Role.MUNICIPALITY_OFFICER.name());
        assertThat(changes.get(1).oldDate()).isEqualTo(today);
        assertThat(changes.get(1).newDate()).isEqualTo(today.minusDays(2));
        assertThat(changes.get(1).reason()).isEqualTo("Flyttet inn to dager før mottaket meldte");
        assertThat(decisions.find(first).orElseThrow().settlementDate()).isEqualTo(today.minusDays(2));
        assertThat(cases.history(caseId)).anySatisfy(h -> assertThat(h.command()).isEqualTo("CORRECT_SETTLEMENT_DATE"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> flashed(org.springframework.test.web.servlet.MvcResult result, String name) {
        return (Map<String, String>) result.getFlashMap().get(name);
    }
}
