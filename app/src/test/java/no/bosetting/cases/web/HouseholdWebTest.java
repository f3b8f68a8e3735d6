package no.bosetting.cases.web;

import no.bosetting.cases.CaseQueries;
import no.bosetting.shared.Identifiers;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The household page and API (issue 20 item 1): a refused form comes back with the problem next to its field in
 * Norwegian, what was typed kept and nothing saved; the API answers an RFC 9457 problem naming the field; every read of
 * the household is in the access log.
 */
@IntegrationTest
class HouseholdWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    JdbcClient jdbc;

    private String badCheckDigits() {
        String valid = Identifiers.withCheckDigits("0103851" + String.format("%02d", Fixtures.next() % 50 + 10));
        while (valid == null) {
            valid = Identifiers.withCheckDigits("0203851" + String.format("%02d", Fixtures.next() % 50 + 10));
        }
        return valid.substring(0, 10) + (valid.charAt(10) == '9' ? '0' : (char) (valid.charAt(10) + 1));
    }

    @Test
    void aRefusedMemberComesBackWithTheErrorNextToTheFieldAndWhatWasTyped() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        String bad = badCheckDigits();
        mvc.perform(post("/saker/{id}/husstand/medlem", caseId).with(csrf()).with(as(fixtures.caseworker()))
                        .param("joinReason", "BIRTH").param("givenName", "Skrevet Inn").param("familyName", "Testesen")
                        .param("birthDate", TestClock.today().plusDays(3).toString()).param("sex", "F").param("citizenship", "ukr")
                        .param("relation", "CHILD").param("dufNumber", Fixtures.duf()).param("nationalId", bad)
                        .header("Referer", "http://localhost/saker/" + caseId + "/husstand"))
                .andExpect(status().isOk())
                // The page is at the form's address, which only takes the form: the language link leads to the form's page.
                .andExpect(content().string(containsString("href=\"/saker/" + caseId + "/husstand?lang=en\"")))
                .andExpect(content().string(allOf(containsString("Det er feil i skjemaet"),
                        containsString("id=\"birthDate-error\""), containsString("Fødselsdatoen kan ikke være frem i tid."),
                        containsString("value=\"Skrevet Inn\""), containsString("value=\"" + bad + "\""))));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().persons()).isEqualTo(1);

        mvc.perform(post("/saker/{id}/husstand/medlem", caseId).with(csrf()).with(as(fixtures.caseworker()))
                        .param("joinReason", "BIRTH").param("givenName", "Skrevet Inn").param("familyName", "Testesen")
                        .param("birthDate", TestClock.today().minusDays(3).toString()).param("sex", "F").param("citizenship", "UKR")
                        .param("relation", "CHILD").param("dufNumber", Fixtures.duf()).param("nationalId", bad))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"nationalId-error\""), containsString("Kontrollsifrene i " + bad),
                        containsString("value=\"" + bad + "\""))));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().persons()).isEqualTo(1);

        mvc.perform(post("/saker/{id}/husstand/medlem", caseId).with(csrf()).with(as(fixtures.caseworker()))
                        .param("joinReason", "BIRTH").param("givenName", "Lille").param("familyName", "Testesen")
                        .param("birthDate", TestClock.today().minusDays(3).toString()).param("sex", "F").param("citizenship", "UKR")
                        .param("relation", "CHILD").param("dufNumber", Fixtures.duf()))
                .andExpect(redirectedUrl("/saker/" + caseId + "/husstand"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().persons()).isEqualTo(2);
    }

    @Test
    void removingTheLastMemberIsRefusedOnTheForm() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        long child = cases.personIds(caseId).get(1);
        mvc.perform(post("/saker/{id}/husstand/{p}/fjern", caseId, child).with(csrf()).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"removeReason-error\""), containsString("Skriv en begrunnelse."))));
        assertThat(cases.personIds(caseId)).hasSize(2);
    }

    @Test
    void thePageAndTheApiShowTheHouseholdAndLogTheRead() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        long before = jdbc.sql("select count(*) from person_access_log where person_id in (select id from person where case_id = :c)")
                .param("c", caseId).query(Long.class).single();
        mvc.perform(get("/saker/{id}/husstand", caseId).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Husstand BS-"), containsString("Legg til medlem"),
                        containsString("Del husstanden"), containsString("DUF-nummer"))));
        mvc.perform(get("/saker/{id}", caseId).with(as(fixtures.caseworker())))
                .andExpect(content().string(containsString("/saker/" + caseId + "/husstand")));
        mvc.perform(get("/api/v1/cases/{id}/household", caseId).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].givenName").value("Testa"))
                .andExpect(jsonPath("$.members[0].identityNumbers[0].kind").value("DUF"));
        long after = jdbc.sql("select count(*) from person_access_log where person_id in (select id from person where case_id = :c)")
                .param("c", caseId).query(Long.class).single();
        assertThat(after - before).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theApiAnswersAProblemOnTheFieldAndChangesNothing() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long main = cases.personIds(caseId).get(0);
        String bad = badCheckDigits();
        mvc.perform(post("/api/v1/cases/{id}/household/members/{p}/identity-numbers", caseId, main).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NATIONAL_ID\",\"number\":\"" + bad + "\",\"validFrom\":\"" + TestClock.today() + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("number"))
                .andExpect(jsonPath("$.errors[0].code").value("error.nin.checksum"));
        mvc.perform(post("/api/v1/cases/{id}/household/members/{p}/remove", caseId, main).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Feil\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("error.member.last"));
        mvc.perform(post("/api/v1/cases/{id}/household/members/{p}/remove", caseId, main).with(as(fixtures.planner()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Feil\"}"))
                .andExpect(status().isForbidden());
        assertThat(cases.personIds(caseId)).containsExactly(main);
        mvc.perform(post("/api/v1/cases/{id}/household/members", caseId).with(as(fixtures.caseworker()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"joinReason\":\"BIRTH\",\"givenName\":\"Api\",\"familyName\":\"Testesen\",\"birthDate\":\""
                                + TestClock.today().minusDays(1) + "\",\"sex\":\"M\",\"citizenship\":\"UKR\",\"relation\":\"CHILD\","
                                + "\"dufNumber\":\"" + Fixtures.duf() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseId").value(caseId));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().persons()).isEqualTo(2);
    }
}
