package no.bosetting.interview.api;

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
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class InterviewApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JsonMapper json;

    @Test
    void everyProblemOfAnInterviewIsReportedAtOnce() throws Exception {
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 0);
        Map<String, Object> answers = answers();
        answers.remove("heldOn");
        answers.put("healthConsent", false);
        answers.put("healthDetails", "Epilepsi");

        mvc.perform(put("/api/v1/cases/{id}/interview", caseId).with(as(fixtures.reception(centre)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(answers)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("heldOn", "healthDetails")))
                .andExpect(jsonPath("$.errors[*].code").value(hasItems("error.date.required", "error.health.noConsent")));
        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(fixtures.caseworker())))
                .andExpect(jsonPath("$.summary.status").value("UNDER_MAPPING"));
    }

    @Test
    void onlyTheOwnCentreRecordsAndACorrectionKeepsTheStatus() throws Exception {
        long centre = fixtures.centre("0301");
        long otherCentre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 0);
        Actor staff = fixtures.reception(centre);

        mvc.perform(put("/api/v1/cases/{id}/interview", caseId).with(as(fixtures.reception(otherCentre)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(answers())))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/cases/{id}/interview", caseId).with(as(staff))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(answers())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("READY_FOR_ALLOCATION"))
                .andExpect(jsonPath("$.questionSetVersion").value("2023-03-UA"));

        Map<String, Object> corrected = answers();
        corrected.put("pets", "Hund");
        mvc.perform(put("/api/v1/cases/{id}/interview", caseId).with(as(staff))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(corrected)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("READY_FOR_ALLOCATION"));
        mvc.perform(get("/api/v1/cases/{id}/interview", caseId).with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pets").value("Hund"))
                .andExpect(jsonPath("$.healthDetails").value("Migrene"));
        mvc.perform(get("/api/v1/cases/{id}/interview", caseId).with(as(fixtures.reception(otherCentre))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(fixtures.caseworker())))
                .andExpect(jsonPath("$.history[*].command").value(hasItems("RECORD_INTERVIEW", "CORRECT_INTERVIEW")));
    }

    private static Map<String, Object> answers() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("heldOn", TestClock.today().minusDays(1).toString());
        a.put("interpreterLanguage", "ukrainsk");
        a.put("familyInNorway", "Ingen");
        a.put("adaptationNeeds", "Ingen");
        a.put("healthConsent", true);
        a.put("healthDetails", "Migrene");
        a.put("pets", "Katt");
        a.put("education", "Ingeniør");
        a.put("workExperience", "Ingeniør i 8 år");
        a.put("drivingLicence", true);
        a.put("hasCar", false);
        a.put("languages", "ukrainsk, engelsk");
        return a;
    }
}
