package no.bosetting.access;

import java.time.LocalDate;

import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Per role: what it must not reach, by page or by changing an id in the URL. */
@IntegrationTest
class RoleAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Interviews interviews;
    @Autowired
    JdbcClient jdbc;

    @Test
    void receptionStaffSeeOnlyTheirOwnResidents() throws Exception {
        long own = fixtures.centre("3301");
        long other = fixtures.centre("3301");
        long ownCase = fixtures.household(own, 0);
        long otherCase = fixtures.household(other, 0);
        mvc.perform(get("/saker/" + ownCase).with(as(fixtures.reception(own)))).andExpect(status().isOk());
        mvc.perform(get("/saker/" + otherCase).with(as(fixtures.reception(own)))).andExpect(status().isNotFound());
        String otherRef = jdbc.sql("select reference from settlement_case where id = :id").param("id", otherCase).query(String.class).single();
        mvc.perform(get("/mottak").with(as(fixtures.reception(own)))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(otherRef))));
        mvc.perform(post("/saker/" + otherCase + "/utflytting").with(csrf()).with(as(fixtures.reception(own)))
                        .param("date", TestClock.today().toString()).param("newSituation", "PRIVATE"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select living_situation from settlement_case where id = :id").param("id", otherCase)
                .query(String.class).single()).isEqualTo("RECEPTION_CENTRE");
        mvc.perform(get("/kommune").with(as(fixtures.reception(own)))).andExpect(status().isForbidden());
        mvc.perform(get("/fordeling").with(as(fixtures.reception(own)))).andExpect(status().isForbidden());
    }

    @Test
    void healthDetailsReachTheMunicipalityOnlyWithConsent() throws Exception {
        String m = "4601";
        long centre = fixtures.centre(m);
        long withConsent = fixtures.household(centre, 0);
        long withoutConsent = fixtures.household(centre, 0);
        fixtures.ready(withConsent); // consent given, health details "Astma"
        InterviewAnswers noConsent = new InterviewAnswers(TestClock.today().minusDays(1), null, null, null, null,
                "Trenger bolig uten trapper", false, "Diabetes type 1", null, null, null, false, false, null, null);
        assertThat(interviews.record(withoutConsent, noConsent, fixtures.caseworker()).isSuccess()).isFalse();
        assertThat(interviews.find(withoutConsent)).isEmpty();
        InterviewAnswers consentWithdrawn = new InterviewAnswers(TestClock.today().minusDays(1), null, null, null, null,
                "Trenger bolig uten trapper", false, null, null, null, null, false, false, null, null);
        assertThat(interviews.record(withoutConsent, consentWithdrawn, fixtures.caseworker()).isSuccess()).isTrue();

        long p1 = fixtures.propose(withConsent, m);
        long p2 = fixtures.propose(withoutConsent, m);
        mvc.perform(get("/kommune/forslag/" + p1).with(as(fixtures.municipality(m)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Astma")));
        mvc.perform(get("/kommune/forslag/" + p2).with(as(fixtures.municipality(m)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Trenger bolig uten trapper")))
                .andExpect(content().string(not(containsString("Diabetes"))));
    }

    @Test
    void aMunicipalityCannotAnswerAnotherMunicipalitysProposal() throws Exception {
        long centre = fixtures.centre("1103");
        long caseId = fixtures.household(centre, 0);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, "1103");
        mvc.perform(post("/kommune/forslag/" + proposal + "/avslaa").with(csrf()).with(as(fixtures.municipality("1108")))
                .param("rejectionCode", "OTHER").param("rejectionText", "Forsøk på å avslå andres forslag"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/kommune/forslag/" + proposal + "/aksepter").with(csrf()).with(as(fixtures.municipality("1108")))
                .param("plannedDateAll", TestClock.today().plusDays(3).toString()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status from proposal where id = :id").param("id", proposal).query(String.class).single()).isEqualTo("PENDING");
    }

    @Test
    void rolesWithoutCaseworkCannotImportOrAllocate() throws Exception {
        mvc.perform(get("/import").with(as(fixtures.planner()))).andExpect(status().isForbidden());
        mvc.perform(get("/fordeling").with(as(fixtures.planner()))).andExpect(status().isForbidden());
        mvc.perform(get("/saker").with(as(fixtures.statistics()))).andExpect(status().isForbidden());
        mvc.perform(get("/statistikk").with(as(fixtures.statistics()))).andExpect(status().isOk());
        mvc.perform(get("/kapasitet").with(as(fixtures.statistics()))).andExpect(status().isForbidden());
        mvc.perform(get("/kommune/forslag").with(as(fixtures.caseworker()))).andExpect(status().isForbidden());
    }

    @Test
    void everyFormNeedsACsrfToken() throws Exception {
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 0);
        mvc.perform(post("/saker/" + caseId + "/avslutt").with(as(fixtures.caseworker()))
                .param("closeReason", "OTHER").param("informed", "true")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select status from settlement_case where id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo("UNDER_MAPPING");
    }
}
