package no.bosetting.decisions.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import no.bosetting.access.Actor;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import static no.bosetting.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A household from residence permit to settled, every step through the API by the role that does it. */
@IntegrationTest
class SettlementFlowApiTest {

    private static final String RANA = "1833";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JsonMapper json;

    @Test
    void fromPermitToSettled() throws Exception {
        LocalDate today = TestClock.today();
        LocalDate planned = today.plusDays(14);
        long centre = fixtures.centre(RANA);
        Actor caseworker = fixtures.caseworker();
        Actor staff = fixtures.reception(centre);
        Actor rana = fixtures.municipality(RANA);
        fixtures.resetMunicipality(RANA);

        // Agency: the permit arrives.
        Map<String, Object> permit = new LinkedHashMap<>();
        permit.put("permitReference", "FLOW-" + Fixtures.next());
        permit.put("permitType", "ASYLUM");
        permit.put("permitDate", today.minusDays(40).toString());
        permit.put("livingSituation", "RECEPTION_CENTRE");
        permit.put("receptionCentreId", centre);
        permit.put("persons", List.of(
                person(Fixtures.duf(), "Amina", "1990-02-03", "F", "MAIN"),
                person(Fixtures.duf(), "Yusuf", "2018-07-09", "M", "CHILD")));
        String created = mvc.perform(json(post("/api/v1/permits"), permit).with(as(caseworker)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(created, "$.caseId")).longValue();

        // Reception centre: the settlement interview makes the household ready.
        Map<String, Object> interview = new LinkedHashMap<>();
        interview.put("heldOn", today.minusDays(5).toString());
        interview.put("interpreterLanguage", "arabisk");
        interview.put("familyInNorway", "Ingen");
        interview.put("healthConsent", false);
        interview.put("drivingLicence", false);
        interview.put("hasCar", false);
        interview.put("languages", "arabisk");
        mvc.perform(json(put("/api/v1/cases/{id}/interview", caseId), interview).with(as(rana)))
                .andExpect(status().isNotFound());
        mvc.perform(json(put("/api/v1/cases/{id}/interview", caseId), interview).with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("READY_FOR_ALLOCATION"));

        // Municipality: the council decision for the year.
        mvc.perform(json(put("/api/v1/municipalities/{m}/capacity-decisions/{y}", RANA, planned.getYear()),
                        Map.of("persons", 40, "unaccompaniedMinors", 5, "decidedOn", today.minusDays(60).toString())).with(as(rana)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/municipalities/{m}/capacity-decisions/{y}", RANA, planned.getYear()).with(as(caseworker)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.persons").value(40))
                .andExpect(jsonPath("$.history[0].changedBy").value(rana.username()));

        // Agency: a distribution list to Rana.
        mvc.perform(json(post("/api/v1/allocation-lists"), Map.of("municipalityNumber", RANA, "caseIds", List.of(caseId))).with(as(rana)))
                .andExpect(status().isForbidden());
        String list = mvc.perform(json(post("/api/v1/allocation-lists"),
                        Map.of("municipalityNumber", RANA, "caseIds", List.of(caseId), "note", "Uke 12")).with(as(caseworker)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/allocation-lists/")))
                .andExpect(jsonPath("$.proposals[0].status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        long proposal = ((Number) JsonPath.read(list, "$.proposals[0].id")).longValue();

        // Municipality: sees the proposal, accepts with a planned date per member.
        mvc.perform(get("/api/v1/proposals").param("status", "PENDING").with(as(rana)))
                .andExpect(jsonPath("$[*].id").value(hasItem((int) proposal)));
        mvc.perform(get("/api/v1/proposals/{id}", proposal).with(as(rana)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[1].age").value(greaterThanOrEqual(7)))
                .andExpect(jsonPath("$.proposal.deadline").value(today.plusDays(7).toString()));
        mvc.perform(json(post("/api/v1/proposals/{id}/accept", proposal),
                        Map.of("plannedDatesByPosition", Map.of("1", planned.toString(), "2", planned.toString()))).with(as(staff)))
                .andExpect(status().isNotFound());
        String accepted = mvc.perform(json(post("/api/v1/proposals/{id}/accept", proposal),
                        Map.of("plannedDatesByPosition", Map.of("1", planned.toString(), "2", planned.plusDays(1).toString()))).with(as(rana)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseStatus").value("OFFERED"))
                .andReturn().getResponse().getContentAsString();
        List<Number> decisionIds = JsonPath.read(accepted, "$.decisions[*].decisionId");

        // Municipality: now sees who is coming, and registers the actual settlement dates.
        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(rana)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.persons[*].givenName").value(hasItems("Amina", "Yusuf")));
        mvc.perform(get("/api/v1/cases/{id}/decisions", caseId).with(as(rana)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].status").value(hasItem("OFFERED")));
        mvc.perform(json(put("/api/v1/decisions/{id}/settlement-date", decisionIds.get(0)), Map.of("date", today.toString())).with(as(rana)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SETTLED"));
        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(rana))).andExpect(jsonPath("$.summary.status").value("OFFERED"));
        mvc.perform(json(put("/api/v1/decisions/{id}/settlement-date", decisionIds.get(1)), Map.of("date", today.toString())).with(as(rana)))
                .andExpect(status().isOk());

        // Correcting its own mistake needs a reason and leaves a trail (to the day before: decided that day or earlier).
        fixtures.decisionsMadeOn(caseId, today.minusDays(1));
        mvc.perform(json(put("/api/v1/decisions/{id}/settlement-date", decisionIds.get(1)), Map.of("date", today.minusDays(1).toString())).with(as(rana)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(put("/api/v1/decisions/{id}/settlement-date", decisionIds.get(1)),
                        Map.of("date", today.minusDays(1).toString(), "reason", "Feil dato registrert")).with(as(rana)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settlementDate").value(today.minusDays(1).toString()))
                .andExpect(jsonPath("$.dateChanges.length()").value(2))
                .andExpect(jsonPath("$.dateChanges[1].reason").value("Feil dato registrert"));

        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(rana)))
                .andExpect(jsonPath("$.summary.status").value("SETTLED"))
                .andExpect(jsonPath("$.history[*].command").value(hasItems("IMPORT_PERMIT", "RECORD_INTERVIEW", "PROPOSE", "ACCEPT",
                        "REGISTER_SETTLED", "CORRECT_SETTLEMENT_DATE")))
                .andExpect(jsonPath("$.history[?(@.command == 'RECORD_INTERVIEW')].actorRole").value(hasItem("RECEPTION_STAFF")))
                .andExpect(jsonPath("$.history[?(@.command == 'ACCEPT')].actorRole").value(hasItem("MUNICIPALITY_OFFICER")));
        mvc.perform(get("/api/v1/municipalities/{m}/places/{y}", RANA, today.getYear()).with(as(rana)))
                .andExpect(jsonPath("$.settled").value(greaterThanOrEqual(1)));
    }

    @Test
    void theAgencyRecordsThatTheRefugeeDeclinedTheOffer() throws Exception {
        long caseId = fixtures.household(fixtures.centre(RANA), 0);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, RANA);
        Map<String, Object> accept = Map.of("plannedDate", TestClock.today().plusDays(5).toString(), "overrideReason", "Haster");
        mvc.perform(json(post("/api/v1/proposals/{id}/accept", proposal), accept).with(as(fixtures.caseworker())))
                .andExpect(status().isOk());

        mvc.perform(json(post("/api/v1/cases/{id}/decline", caseId), Map.of("reason", "Vil bo hos familie")).with(as(fixtures.caseworker())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("informed"));
        mvc.perform(json(post("/api/v1/cases/{id}/decline", caseId), Map.of("reason", "Vil bo hos familie", "informed", true, "informedOn", TestClock.today().toString(), "informedChannel", "CONVERSATION_WITH_INTERPRETER", "informedLanguage", "Arabisk", "interpreter", "Tolk 12"))
                        .with(as(fixtures.municipality(RANA))))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/cases/{id}/decline", caseId), Map.of("reason", "Vil bo hos familie", "informed", true, "informedOn", TestClock.today().toString(), "informedChannel", "CONVERSATION_WITH_INTERPRETER", "informedLanguage", "Arabisk", "interpreter", "Tolk 12"))
                        .with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"));
        mvc.perform(get("/api/v1/cases/{id}/decisions", caseId).with(as(fixtures.caseworker())))
                .andExpect(jsonPath("$[0].status").value("DECLINED"));
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    private static Map<String, Object> person(String duf, String given, String birth, String sex, String relation) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dufNumber", duf);
        p.put("givenName", given);
        p.put("familyName", "Flytsen");
        p.put("birthDate", birth);
        p.put("sex", sex);
        p.put("citizenship", "SYR");
        p.put("relation", relation);
        return p;
    }

    private static org.hamcrest.Matcher<Integer> greaterThanOrEqual(int value) {
        return org.hamcrest.Matchers.greaterThanOrEqualTo(value);
    }
}
