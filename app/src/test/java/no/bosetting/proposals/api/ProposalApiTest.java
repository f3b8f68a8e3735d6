package no.bosetting.proposals.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ProposalApiTest {

    private static final String BODO = "1804";
    private static final String NARVIK = "1806";
    private static final String TRAENA = "1835";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JsonMapper json;

    private final LocalDate planned = TestClock.today().plusDays(10);

    @Test
    void aMunicipalitySeesOnlyItsOwnProposalsAndIdentitiesOnlyAfterAccepting() throws Exception {
        fixtures.decide(BODO, planned.getYear(), 100_000, 100);
        long centre = fixtures.centre(BODO);
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, BODO);
        Actor bodo = fixtures.municipality(BODO);
        Actor narvik = fixtures.municipality(NARVIK);

        mvc.perform(get("/api/v1/proposals/{id}", proposal).with(as(narvik)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(endsWith("/not-found")));
        mvc.perform(get("/api/v1/proposals").with(as(narvik)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(not(hasItem((int) proposal))));
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(narvik))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("plannedDate", planned.toString()))))
                .andExpect(status().isNotFound());

        String profile = mvc.perform(get("/api/v1/proposals/{id}", proposal).with(as(bodo)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposal.status").value("PENDING"))
                .andExpect(jsonPath("$.members.length()").value(2))
                .andExpect(jsonPath("$.members[0].position").value(1))
                .andExpect(jsonPath("$.members[0].relation").value("MAIN"))
                .andExpect(jsonPath("$.members[0].id").doesNotExist())
                .andExpect(jsonPath("$.members[0].personId").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).doesNotContain("Testa", "Testesen", "Søster i Bergen", "Venner i Oslo");
        mvc.perform(get("/api/v1/proposals").with(as(bodo)))
                .andExpect(jsonPath("$[*].id").value(hasItem((int) proposal)));
        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(bodo))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/{id}/decisions", caseId).with(as(bodo))).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(bodo))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("plannedDate", planned.toString()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decisions.length()").value(2));

        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(bodo)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.status").value("OFFERED"))
                .andExpect(jsonPath("$.persons[0].givenName").value("Testa"));
        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(narvik))).andExpect(status().isNotFound());
    }

    @Test
    void healthDetailsReachTheMunicipalityOnlyWithConsent() throws Exception {
        long centre = fixtures.centre(BODO);
        long withoutConsent = fixtures.household(centre, 0);
        long withConsent = fixtures.household(centre, 0);
        Actor staff = fixtures.reception(centre);

        mvc.perform(put("/api/v1/cases/{id}/interview", withoutConsent).with(as(staff))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(interview(false, "Diabetes"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("healthDetails"))
                .andExpect(jsonPath("$.errors[0].code").value("error.health.noConsent"));
        mvc.perform(put("/api/v1/cases/{id}/interview", withoutConsent).with(as(staff))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(interview(false, null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("READY_FOR_ALLOCATION"));
        mvc.perform(put("/api/v1/cases/{id}/interview", withConsent).with(as(staff))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(interview(true, "Astma"))))
                .andExpect(status().isOk());

        String hidden = mvc.perform(get("/api/v1/proposals/{id}", fixtures.propose(withoutConsent, BODO)).with(as(fixtures.municipality(BODO))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.adaptationNeeds").value("Trenger bolig uten trapper"))
                .andExpect(jsonPath("$.profile.needsFollowUp").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(hidden).doesNotContain("Diabetes", "Bror i Bodø", "Nettverk i kirken");
        mvc.perform(get("/api/v1/proposals/{id}", fixtures.propose(withConsent, BODO)).with(as(fixtures.municipality(BODO))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.healthDetails").value("Astma"))
                .andExpect(jsonPath("$.profile.familyInNorway").doesNotExist());
    }

    @Test
    void rejectingNeedsACodeAndAText() throws Exception {
        long caseId = fixtures.household(fixtures.centre(BODO), 0);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, BODO);
        Actor bodo = fixtures.municipality(BODO);

        mvc.perform(post("/api/v1/proposals/{id}/reject", proposal).with(as(bodo))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("code", "NO_SUITABLE_DWELLING"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(endsWith("/rule-broken")))
                .andExpect(jsonPath("$.title").value("rule-broken"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.detail").value("Skriv en begrunnelse for avslaget."))
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/v1/proposals/{id}/reject", proposal).with(as(bodo))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("text", "Ingen bolig"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(post("/api/v1/proposals/{id}/reject", proposal).with(as(bodo))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("code", "NO_SUITABLE_DWELLING", "text", "Ingen ledig bolig for enslige"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.caseStatus").value("READY_FOR_ALLOCATION"));
        mvc.perform(post("/api/v1/proposals/{id}/reject", proposal).with(as(bodo))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("code", "OTHER", "text", "Igjen"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/wrong-state")));
        // Never proposed to the same municipality again.
        mvc.perform(post("/api/v1/allocation-lists").with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("municipalityNumber", BODO, "caseIds", new long[]{caseId}))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("error.proposal.alreadyProposed"));
    }

    @Test
    void exceedingTheDecidedNumberIsRefusedUnlessTheAgencyOverridesWithAReason() throws Exception {
        fixtures.resetMunicipality(TRAENA);
        Actor traena = fixtures.municipality(TRAENA);
        mvc.perform(put("/api/v1/municipalities/{m}/capacity-decisions/{y}", TRAENA, planned.getYear()).with(as(traena))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("persons", 2, "unaccompaniedMinors", 0,
                                "decidedOn", TestClock.today().minusDays(3).toString()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.persons").value(2));
        long caseId = fixtures.household(fixtures.centre(TRAENA), 2);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, TRAENA);
        String accept = json.writeValueAsString(Map.of("plannedDate", planned.toString()));

        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(traena))
                        .contentType(MediaType.APPLICATION_JSON).content(accept))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(endsWith("/rule-broken")))
                .andExpect(jsonPath("$.code").value("error.capacity.exceeded"))
                .andExpect(jsonPath("$.detail").value(containsString("Træna")))
                .andExpect(jsonPath("$.detail").value(containsString("Bare IMDi kan overstyre")));
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(traena)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(accept))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("Only the agency can override")));
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content(accept))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("overrideReason"));

        Map<String, Object> override = new LinkedHashMap<>();
        override.put("plannedDate", planned.toString());
        override.put("overrideReason", "Akutt behov, avtalt med kommunen på telefon");
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(override)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions.length()").value(3))
                .andExpect(jsonPath("$.decisions[0].overrideReason").value("Akutt behov, avtalt med kommunen på telefon"));

        mvc.perform(get("/api/v1/proposals/{id}", proposal).with(as(traena)))
                .andExpect(jsonPath("$.proposal.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.proposal.overrideReason").value("Akutt behov, avtalt med kommunen på telefon"));
        mvc.perform(get("/api/v1/cases/{id}/decisions", caseId).with(as(traena)))
                .andExpect(jsonPath("$[*].overrideReason").value(hasItem("Akutt behov, avtalt med kommunen på telefon")));
        mvc.perform(get("/api/v1/municipalities/{m}/places/{y}", TRAENA, planned.getYear()).with(as(traena)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(2))
                .andExpect(jsonPath("$.used").value(3))
                .andExpect(jsonPath("$.exceeded").value(true));
        mvc.perform(get("/api/v1/municipalities/{m}/places/{y}", TRAENA, planned.getYear()).with(as(fixtures.municipality(BODO))))
                .andExpect(status().isForbidden());
    }

    @Test
    void membersAreAddressedByPositionAndUnknownPositionsAreRefused() throws Exception {
        fixtures.decide(BODO, planned.getYear(), 100_000, 100);
        long caseId = fixtures.household(fixtures.centre(BODO), 1);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, BODO);
        Actor bodo = fixtures.municipality(BODO);

        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(bodo)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("plannedDatesByPosition", Map.of("1", planned.toString(), "3", planned.toString())))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("plannedDatesByPosition[3]")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("plannedDatesByPosition[2]")));
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(bodo)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("plannedDatesByPosition",
                                Map.of("1", planned.toString(), "2", TestClock.today().minusDays(1).toString())))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("plannedDatesByPosition[2]"))
                .andExpect(jsonPath("$.errors[0].code").value("error.planned.past"));
        mvc.perform(post("/api/v1/proposals/{id}/accept", proposal).with(as(bodo)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("plannedDatesByPosition",
                                Map.of("1", planned.toString(), "2", planned.plusDays(7).toString())))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[?(@.position == 2)].plannedSettlementDate").value(hasItem(planned.plusDays(7).toString())));
    }

    @Test
    void theAgencyWithdrawsAnUnansweredProposalWithAReason() throws Exception {
        long caseId = fixtures.household(fixtures.centre(BODO), 0);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, BODO);

        // The municipality knows its proposal, but its role may not withdraw it: not allowed (issue 19: the one guard order).
        mvc.perform(post("/api/v1/proposals/{id}/withdraw", proposal).with(as(fixtures.municipality(BODO)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("reason", "Ikke aktuelt"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/proposals/{id}/withdraw", proposal).with(as(fixtures.municipality(NARVIK)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("reason", "Ikke aktuelt"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/proposals/{id}/withdraw", proposal).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/proposals/{id}/withdraw", proposal).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("reason", "Svarfristen er ute"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.caseStatus").value("READY_FOR_ALLOCATION"));
        mvc.perform(get("/api/v1/proposals").param("status", "WITHDRAWN").param("municipality", BODO).with(as(fixtures.caseworker())))
                .andExpect(jsonPath("$[*].id").value(hasItem((int) proposal)));
    }

    private static Map<String, Object> interview(boolean consent, String health) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("heldOn", TestClock.today().minusDays(2).toString());
        a.put("interpreterLanguage", "ukrainsk");
        a.put("familyInNorway", "Bror i Bodø");
        a.put("networkInNorway", "Nettverk i kirken");
        a.put("adaptationNeeds", "Trenger bolig uten trapper");
        a.put("healthConsent", consent);
        a.put("healthDetails", health);
        a.put("pets", "Ingen");
        a.put("education", "Lærer");
        a.put("workExperience", "Lærer i 5 år");
        a.put("drivingLicence", true);
        a.put("hasCar", false);
        a.put("languages", "ukrainsk, russisk");
        return a;
    }
}
