package no.bosetting.introduction.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.Interviews;
import no.bosetting.introduction.IntroductionRegister;
import no.bosetting.introduction.RegisterData;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The introduction register on /api/v1: a person's entry read with the case's scope and logged with the API path; the
 * settling municipality records through the same command and guards as the page, refusals as problems; the public
 * results carry shares only, with small cells withheld.
 */
@IntegrationTest
class IntroductionApiTest {

    /** Time and Gjesdal (Rogaland): no other test uses them. */
    private static final String TIME = "1121";
    private static final String GJESDAL = "1122";
    /** A completion year no other test records. */
    private static final int YEAR = 1993;

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Interviews interviews;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    IntroductionRegister register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final List<Long> inserted = new ArrayList<>();

    @AfterEach
    void removeTheResults() {
        // Other tests and the outcome model read every year's results: this test's old year must not stay among them.
        Long[] ids = inserted.toArray(Long[]::new);
        jdbc.sql("delete from intro_outcome where person_id = any(:p)").param("p", ids).update();
        jdbc.sql("delete from intro_participation where person_id = any(:p)").param("p", ids).update();
    }

    @Test
    void theEntryIsReadWithTheCasesScopeAndTheSettlingMunicipalityRecordsThroughTheCommand() throws Exception {
        long caseId = new RegisterData(fixtures, interviews, proposals, decisions, register).settled(TIME, 0, true);
        long person = decisions.forCase(caseId).get(0).personId();
        Actor officer = fixtures.municipality(TIME);
        String path = "/api/v1/cases/" + caseId + "/introduction/" + person;
        LocalDate today = TestClock.today();

        mvc.perform(get(path).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseId").value((int) caseId))
                .andExpect(jsonPath("$.personId").value((int) person))
                .andExpect(jsonPath("$.settlement.municipalityNumber").value(TIME))
                .andExpect(jsonPath("$.participation").value(nullValue()))
                .andExpect(jsonPath("$.validCommands[0]").value("RECORD"));
        assertThat(logged(officer, person, path)).isEqualTo(1);

        // another municipality does not find it, the agency may read but not record
        mvc.perform(get(path).with(as(fixtures.municipality(GJESDAL))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(endsWith("/not-found")));
        assertThat(logged(fixtures.municipality(GJESDAL), person, path)).isZero();
        mvc.perform(put(path + "/programme").with(as(fixtures.municipality(GJESDAL))).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("startedOn", today.toString()))))
                .andExpect(status().isNotFound());
        mvc.perform(get(path).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.validCommands.length()").value(0));
        mvc.perform(put(path + "/programme").with(as(fixtures.caseworker())).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("startedOn", today.toString()))))
                .andExpect(status().isForbidden());

        // bad input is a problem at its field, and nothing is saved
        mvc.perform(post(path + "/training").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("subject", "NORWEGIAN", "hours", 10))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].code").value("introduction.error.noProgramme"));
        mvc.perform(put(path + "/programme").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("startedOn", today.plusDays(1).toString()))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("startedOn"))
                .andExpect(jsonPath("$.errors[0].code").value("introduction.error.future"));
        mvc.perform(put(path + "/programme").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startedOn\": \"i dag\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").isNotEmpty());

        mvc.perform(put(path + "/programme").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("startedOn", today.toString()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participation.startedOn").value(today.toString()))
                .andExpect(jsonPath("$.participation.completedOn").value(nullValue()));
        mvc.perform(post(path + "/training").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("subject", "NORWEGIAN", "hours", 4000))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("hours"));
        mvc.perform(post(path + "/training").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("subject", "NORWEGIAN", "hours", 120))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.training.length()").value(1))
                .andExpect(jsonPath("$.hours.NORWEGIAN").value(120));
        mvc.perform(put(path + "/outcome").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("status", "WORK", "measuredOn", today.toString()))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("introduction.error.notCompleted"));

        // a year and more later: the programme completed, then the status a year after
        LocalDate later = today.plusDays(800);
        ShiftableClock.runAt(later.atTime(12, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant(), () -> {
            try {
                mvc.perform(post(path + "/periods").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                                .content(body(Map.of("periodKind", "LEAVE", "periodFrom", today.plusDays(20).toString(),
                                        "periodTo", today.plusDays(40).toString()))))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.periods[0].kind").value("LEAVE"));
                mvc.perform(put(path + "/programme").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                                .content(body(Map.of("startedOn", today.toString(), "completedOn", today.plusDays(400).toString()))))
                        .andExpect(status().isOk());
                ResultActions outcome = mvc.perform(put(path + "/outcome").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("status", "WORK", "measuredOn", today.plusDays(770).toString()))));
                outcome.andExpect(status().isOk())
                        .andExpect(jsonPath("$.outcome.status").value("WORK"))
                        .andExpect(jsonPath("$.outcome.measuredOn").value(today.plusDays(770).toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void thePublicResultsCarrySharesOnlyWithSmallCellsWithheldAndNeedNoLogin() throws Exception {
        for (int i = 0; i < 5; i++) {
            completed(TIME, i < 4 ? "WORK" : "NEITHER");
        }
        completed(GJESDAL, "WORK");
        completed(GJESDAL, "EDUCATION");

        String body = mvc.perform(get("/api/v1/statistics/introduction").param("year", String.valueOf(YEAR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(YEAR))
                .andExpect(jsonPath("$.nationalShare").value(6.0 / 7))
                .andExpect(jsonPath("$.municipalities.total").value(2))
                .andExpect(jsonPath("$.municipalities.items[0].name").value("Gjesdal"))
                .andExpect(jsonPath("$.municipalities.items[0].share").value(nullValue()))
                .andExpect(jsonPath("$.municipalities.items[1].municipalityNumber").value(TIME))
                .andExpect(jsonPath("$.municipalities.items[1].share").value(0.8))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("persons", "byStatus", "workOrEducation", "Testesen");

        mvc.perform(get("/api/v1/statistics/introduction").param("year", String.valueOf(YEAR)).param("size", "1").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalities.page").value(1))
                .andExpect(jsonPath("$.municipalities.totalPages").value(2))
                .andExpect(jsonPath("$.municipalities.items.length()").value(1))
                .andExpect(jsonPath("$.municipalities.items[0].name").value("Time"));
        mvc.perform(get("/api/v1/statistics/introduction").param("year", String.valueOf(TestClock.today().getYear() + 1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].message").value("Året må være fra 1990 til " + TestClock.today().getYear() + "."));
        mvc.perform(get("/api/v1/statistics/introduction").param("size", "500"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    /** One person who completed the programme in {@link #YEAR} in {@code municipality}, with the status a year later. */
    private void completed(String municipality, String status) {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long person = jdbc.sql("select id from person where case_id = :c").param("c", caseId).query(Long.class).single();
        jdbc.sql("""
                insert into intro_participation (person_id, case_id, municipality_number, started_on, completed_on, registered_at,
                    registered_by, updated_at, updated_by)
                values (:p, :c, :m, make_date(:y - 2, 1, 1), make_date(:y, 6, 1), now(), 'test', now(), 'test')""")
                .param("p", person).param("c", caseId).param("m", municipality).param("y", YEAR).update();
        jdbc.sql("""
                insert into intro_outcome (person_id, status, measured_on, registered_at, registered_by)
                values (:p, :s, make_date(:y + 1, 6, 1), now(), 'test')""")
                .param("p", person).param("s", status).param("y", YEAR).update();
        inserted.add(person);
    }

    private String body(Map<String, ?> fields) {
        return json.writeValueAsString(fields);
    }

    private long logged(Actor actor, long personId, String purpose) {
        return jdbc.sql("select count(*) from person_access_log where person_id = :p and username = :u and purpose = :purpose")
                .param("p", personId).param("u", actor.username()).param("purpose", "api:" + purpose).query(Long.class).single();
    }
}
