package no.bosetting.decisions.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 20 item 7: a settlement date is never before the decision on settlement municipality, whichever path registers
 * it — the municipality on the web, the API, the reception centre's move-out — and each says so in the same words
 * (one rule, {@code SettlementDateRule}).
 */
@IntegrationTest
class SettlementDateBeforeDecisionTest {

    private static final String MIDT_TELEMARK = "4020";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    CaseQueries cases;

    private long offered(long centre) throws Exception {
        LocalDate planned = TestClock.today().plusDays(3);
        fixtures.decidePlannedYear(MIDT_TELEMARK, planned, 40, 0);
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MIDT_TELEMARK);
        mvc.perform(post("/kommune/forslag/" + proposalId + "/aksepter").with(csrf()).with(as(fixtures.municipality(MIDT_TELEMARK)))
                .param("plannedDateAll", planned.toString()));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        return caseId;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> flashed(MvcResult result, String name) {
        return (Map<String, String>) result.getFlashMap().get(name);
    }

    @Test
    void webApiAndMoveOutRefuseADateBeforeTheDecisionWithTheSameMessage() throws Exception {
        fixtures.resetMunicipality(MIDT_TELEMARK);
        long centre = fixtures.centre(MIDT_TELEMARK);
        long caseId = offered(centre);
        Actor officer = fixtures.municipality(MIDT_TELEMARK);
        LocalDate today = TestClock.today();
        LocalDate yesterday = today.minusDays(1);
        String expected = "Bosettingsdatoen kan ikke være før vedtaket (" + today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ").";
        List<SettlementDecision> ds = decisions.forCase(caseId);
        long first = ds.get(0).id();

        // The municipality's registration on the web.
        MvcResult web = mvc.perform(post("/vedtak/" + first + "/bosettingsdato").with(csrf()).with(as(officer))
                .param("date", yesterday.toString())).andReturn();
        assertThat(flashed(web, "dateErrors")).containsEntry("date-" + first, expected);

        // The API.
        mvc.perform(put("/api/v1/decisions/{id}/settlement-date", first).with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"" + yesterday + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].code").value("error.settlementDate.beforeDecision"))
                .andExpect(jsonPath("$.errors[0].message").value(expected));

        // The reception centre's move-out to the settlement municipality.
        var moveOut = post("/saker/" + caseId + "/flyttet-til-kommunen").with(csrf()).with(as(fixtures.reception(centre)))
                .param("moveOutDate", today.toString());
        for (SettlementDecision d : ds) {
            moveOut.param("settled-" + d.id(), yesterday.toString());
        }
        MvcResult moved = mvc.perform(moveOut).andReturn();
        assertThat(flashed(moved, "moveOutSettledErrors")).containsEntry("settled-" + first, expected);

        // Nothing was registered on any path; the decision day itself is accepted.
        assertThat(decisions.forCase(caseId)).allSatisfy(d -> assertThat(d.settlementDate()).isNull());
        assertThat(decisions.registerSettlementDate(first, today, null, officer).value().settlementDate()).isEqualTo(today);
    }
}
