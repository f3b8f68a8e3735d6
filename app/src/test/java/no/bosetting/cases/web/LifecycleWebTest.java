package no.bosetting.cases.web;

import java.time.LocalDate;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.LivingSituations;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The life-cycle forms on the case page and the API (issue 20 items 3 and 4): a wrong value is named next to its field in
 * Norwegian (an RFC 9457 problem in the API), what was typed is kept, and nothing changes; the municipality chooses
 * to hold or release its places on the case page.
 */
@IntegrationTest
class LifecycleWebTest {

    private static final String LOM = "3434";
    private static final String HAA = "1119";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    LivingSituations living;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    Proposals proposals;
    @Autowired
    JsonMapper json;

    @SuppressWarnings("unchecked")
    private Map<String, String> flashed(MockHttpServletRequestBuilder request, String name) throws Exception {
        return (Map<String, String>) mvc.perform(request).andExpect(flash().attributeExists(name)).andReturn().getFlashMap().get(name);
    }

    @Test
    void overlappingPeriodsAndMamotOutsideItsWindowAreNamedNextToTheFieldAndTheFormKeepsWhatWasTyped() throws Exception {
        long centre = fixtures.centre(LOM);
        LocalDate permit = TestClock.today().minusDays(30);
        long caseId = fixtures.household(centre, 0, permit);
        String early = permit.minusDays(5).toString();

        var result = mvc.perform(post("/saker/" + caseId + "/bosituasjon").with(csrf()).with(as(fixtures.caseworker()))
                .param("livingKind", "PRIVATE").param("livingFrom", early).param("livingMunicipalityNumber", LOM)).andReturn();
        @SuppressWarnings("unchecked") Map<String, String> errors = (Map<String, String>) result.getFlashMap().get("livingErrors");
        assertThat(errors).containsOnlyKeys("livingFrom").containsEntry("livingFrom",
                "Perioden overlapper perioden som begynner " + permit.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                        + ". Rett den perioden i stedet.");
        @SuppressWarnings("unchecked") Map<String, String> typed = (Map<String, String>) result.getFlashMap().get("livingForm");
        assertThat(typed).containsEntry("livingFrom", early).containsEntry("livingKind", "PRIVATE");

        assertThat(flashed(post("/saker/" + caseId + "/bosituasjon").with(csrf()).with(as(fixtures.caseworker()))
                .param("livingKind", "MAMOT").param("livingFrom", TestClock.today().toString()).param("livingMunicipalityNumber", LOM),
                "livingErrors")).containsEntry("livingKind", "MAMOT kan bare registreres innenfor ordningens periode, 16.03.2022–15.02.2024.");
        assertThat(flashed(post("/saker/" + caseId + "/bosituasjon").with(csrf()).with(as(fixtures.caseworker()))
                .param("livingKind", "AMOT").param("livingFrom", "i går").param("livingMunicipalityNumber", LOM),
                "livingErrors")).containsOnlyKeys("livingFrom");
        assertThat(living.periods(caseId)).hasSize(1);
        assertThat(living.changes(caseId)).isEmpty();

        // The page shows the error next to the field and the value typed.
        mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker())).flashAttr("livingErrors", errors).flashAttr("livingForm", typed))
                .andExpect(content().string(allOf(containsString("id=\"livingFrom-error\""), containsString("value=\"" + early + "\""))));

        mvc.perform(post("/saker/" + caseId + "/bosituasjon").with(csrf()).with(as(fixtures.reception(centre)))
                        .param("livingKind", "AMOT").param("livingFrom", TestClock.today().toString()).param("livingMunicipalityNumber", LOM))
                .andExpect(flash().attributeExists("success")).andExpect(redirectedUrl("/saker/" + caseId));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().livingSituation()).isEqualTo(LivingSituation.AMOT);
        mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker())))
                .andExpect(content().string(allOf(containsString("Bosituasjon over tid"), containsString("Endringer i bosituasjonen"),
                        containsString("Rett perioden"), not(containsString("??")))));
    }

    @Test
    void theApiAnswersAWrongPeriodWithAProblemNamingTheField() throws Exception {
        long caseId = fixtures.household(fixtures.centre(LOM), 0);
        mvc.perform(post("/api/v1/cases/{id}/living-situation", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("kind", "MAMOT", "from", TestClock.today().toString(), "municipalityNumber", LOM))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].code").value("error.residence.mamotWindow"));
        mvc.perform(post("/api/v1/cases/{id}/living-situation", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("kind", "PRIVATE", "from", TestClock.today().toString(), "municipalityNumber", LOM))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current").value("PRIVATE"))
                .andExpect(jsonPath("$.periods.length()").value(2));
        mvc.perform(post("/api/v1/cases/{id}/reopen", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Tilbake\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentState").value("UNDER_MAPPING"));
    }

    @Test
    void theMunicipalityChoosesOnTheCasePageToReleaseItsPlacesWhileTheHouseholdIsAway() throws Exception {
        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.resetMunicipality(HAA);
        int year = fixtures.decidePlannedYear(HAA, planned, 20, 0);
        long caseId = fixtures.household(fixtures.centre(LOM), 0);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, HAA);
        Actor officer = fixtures.municipality(HAA);
        proposals.accept(officer, proposal, fixtures.plannedDates(caseId, planned), null).value();

        mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker())))
                .andExpect(content().string(allOf(containsString("Midlertidig borte"), containsString("Trekk tilbudet"))));
        mvc.perform(post("/saker/" + caseId + "/fravaer").with(csrf()).with(as(fixtures.caseworker()))
                        .param("absenceFrom", TestClock.today().toString()).param("absenceExpectedReturn", TestClock.today().plusDays(40).toString())
                        .param("absenceReason", "Reist til Ukraina"))
                .andExpect(flash().attributeExists("success"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.TEMPORARILY_ABSENT);

        mvc.perform(get("/saker/" + caseId).with(as(officer)))
                .andExpect(content().string(allOf(containsString("value=\"HOLD\""), containsString("value=\"RELEASE\""),
                        containsString("plassene holdes av til den velger"))));
        assertThat(flashed(post("/saker/" + caseId + "/plasser").with(csrf()).with(as(officer)), "placesErrors"))
                .containsEntry("placesChoice", "Velg om kommunen holder av eller frigir plassene.");
        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isEqualTo(1);
        mvc.perform(post("/saker/" + caseId + "/plasser").with(csrf()).with(as(officer)).param("placesChoice", "RELEASE"))
                .andExpect(redirectedUrl("/kommune"));
        assertThat(decisions.placesUsed(HAA, year).acceptedNotSettled()).isZero();

        mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker())))
                .andExpect(content().string(allOf(containsString("Kommunen har frigitt plassene"), containsString("Husstanden er tilbake"))));
        mvc.perform(post("/saker/" + caseId + "/tilbake").with(csrf()).with(as(fixtures.caseworker()))
                .param("backReturnedOn", TestClock.today().toString())).andExpect(flash().attributeExists("success"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
    }
}
