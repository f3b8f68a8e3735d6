package no.bosetting.cases.api;

import java.time.LocalDate;
import java.util.Map;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CaseApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void receptionStaffReadOwnResidentsButNotAnotherCentres() throws Exception {
        long own = fixtures.centre("0301");
        long other = fixtures.centre("0301");
        long ownCase = fixtures.household(own, 1);
        long otherCase = fixtures.household(other, 1);

        mvc.perform(get("/api/v1/cases/{id}", ownCase).with(as(fixtures.reception(own))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.id").value(ownCase))
                .andExpect(jsonPath("$.persons[0].givenName").value("Testa"))
                .andExpect(jsonPath("$.history[0].command").value("IMPORT_PERMIT"));
        mvc.perform(get("/api/v1/cases/{id}", otherCase).with(as(fixtures.reception(own))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(endsWith("/not-found")))
                .andExpect(jsonPath("$.title").value("not-found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Fant ikke saken."));
        mvc.perform(get("/api/v1/cases").param("size", "200").with(as(fixtures.reception(own))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) ownCase)))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) otherCase))));
    }

    @Test
    void everyReadOfACaseWithIdentitiesIsLogged() throws Exception {
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 2);

        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(fixtures.caseworker()))).andExpect(status().isOk());

        long logged = jdbc.sql("""
                select count(*) from person_access_log l join person p on p.id = l.person_id
                where p.case_id = :c and l.purpose = :purpose and l.username = :u
                """)
                .param("c", caseId).param("purpose", "api:/api/v1/cases/" + caseId).param("u", fixtures.caseworker().username())
                .query(Long.class).single();
        assertThat(logged).isEqualTo(3);
    }

    @Test
    void theListFiltersAndRefusesTooLargePages() throws Exception {
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 0, TestClock.today().minusDays(400));

        mvc.perform(get("/api/v1/cases").with(as(fixtures.caseworker()))
                        .param("status", "UNDER_MAPPING").param("minDays", "399").param("maxDays", "401")
                        .param("householdType", "SINGLE_WOMAN").param("minor", "false").param("living", "RECEPTION_CENTRE")
                        .param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) caseId)))
                .andExpect(jsonPath("$.items[0].givenName").doesNotExist());
        mvc.perform(get("/api/v1/cases").with(as(fixtures.caseworker())).param("size", "201"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/cases").with(as(fixtures.caseworker())).param("status", "WAITING"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void closingNeedsConfirmationThatThePersonWasInformed() throws Exception {
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 0);

        mvc.perform(post("/api/v1/cases/{id}/close", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("closeReason", "MOVED_OUT_OF_RECEPTION", "text", "Flyttet til venner"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("informed"))
                .andExpect(jsonPath("$.detail").value(notNullValue()));
        mvc.perform(post("/api/v1/cases/{id}/close", caseId).with(as(fixtures.reception(centre)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("closeReason", "LEFT_NORWAY", "text", "Reiste hjem", "informed", true, "informedOn", TestClock.today().toString(), "informedChannel", "CONVERSATION_WITH_INTERPRETER", "informedLanguage", "Arabisk", "interpreter", "Tolk 12"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cases/{id}/close", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("closeReason", "LEFT_NORWAY", "text", "Reiste hjem", "informed", true, "informedOn", TestClock.today().toString(), "informedChannel", "CONVERSATION_WITH_INTERPRETER", "informedLanguage", "Arabisk", "interpreter", "Tolk 12"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/api/v1/cases/{id}/close", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("closeReason", "LEFT_NORWAY", "informed", true, "informedOn", TestClock.today().toString(), "informedChannel", "CONVERSATION_WITH_INTERPRETER", "informedLanguage", "Arabisk", "interpreter", "Tolk 12"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentState").value("CLOSED"));
    }

    @Test
    void receptionStaffRecordMoveOut() throws Exception {
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 0);

        mvc.perform(post("/api/v1/cases/{id}/move-out", caseId).with(as(fixtures.reception(centre)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("date", TestClock.today().toString(), "newSituation", "PRIVATE",
                                "municipalityNumber", "0301"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.livingSituation").value("PRIVATE"));
        mvc.perform(get("/api/v1/cases/{id}", caseId).with(as(fixtures.caseworker())))
                .andExpect(jsonPath("$.summary.livingSituation").value("PRIVATE"))
                .andExpect(jsonPath("$.history[-1].command").value("RECORD_MOVE_OUT"));
    }
}
