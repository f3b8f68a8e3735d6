package no.bosetting.interview;

import java.util.List;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Report 004: health information is gathered only with the refugee's consent (line 32), the anonymised overview a
 * municipality gets includes health (line 42), and IMDi passes the collected health information to the settling
 * municipality (line 59). Consent is per person, dated, and says who recorded it; every read of health details is logged.
 */
@IntegrationTest
class HealthConsentTest {

    private static final String BODO = "1804";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Interviews interviews;
    @Autowired
    HealthConsents consents;
    @Autowired
    CaseQueries cases;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;

    private static InterviewAnswers answers(String practical, boolean consent, String health) {
        return new InterviewAnswers(TestClock.today().minusDays(2), "ukrainsk", "Bror i Bodø", null, null, practical, consent,
                health, null, "Lærer", "Lærer i 5 år", true, false, "ukrainsk", null);
    }

    private long healthReads(String username, long caseId) {
        return jdbc.sql("select count(*) from person_access_log where username = :u and purpose like 'health:%' "
                        + "and person_id in (select id from person where case_id = :c)")
                .param("u", username).param("c", caseId).query(Long.class).single();
    }

    @Test
    void withoutConsentTheAnonymisedProfileCarriesNoHealthTextAnywhere() throws Exception {
        long centre = fixtures.centre(BODO);
        long caseId = fixtures.household(centre, 1);
        Actor staff = fixtures.reception(centre);

        // Health words in the practical field are refused: the practical part is what every proposed municipality sees.
        CommandResult<?> refused = interviews.record(caseId, answers("Barn med autisme, trenger tett oppfølging", false, null), staff);
        assertThat(refused.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> {
            assertThat(r.field()).isEqualTo("adaptationNeeds");
            assertThat(r.messageKey()).isEqualTo("error.needs.healthInPractical");
        });
        assertThat(interviews.find(caseId)).isEmpty();

        interviews.record(caseId, answers("Trenger bolig på bakkeplan", false, null), staff).value();
        assertThat(consents.consenting(caseId)).isEmpty();
        // Text recorded before needs were split (as migration V38 found it) is withheld from the profile without consent.
        jdbc.sql("update settlement_interview set adaptation_needs = 'Barn med autisme, trenger bolig på bakkeplan' where case_id = :c")
                .param("c", caseId).update();
        long proposal = fixtures.propose(caseId, BODO);
        Actor bodo = fixtures.municipality(BODO);
        String profile = mvc.perform(get("/api/v1/proposals/{id}", proposal).with(as(bodo)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.healthDetails").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).doesNotContain("autisme");
        mvc.perform(get("/kommune/forslag/" + proposal).with(as(bodo))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("autisme"))));
        assertThat(healthReads(bodo.username(), caseId)).isZero();
    }

    @Test
    void consentPerPersonCarriesTheHealthSummaryAndTheSettlingMunicipalitySeesTheDetailsWithTheReadLogged() throws Exception {
        fixtures.resetMunicipality(BODO);
        long centre = fixtures.centre(BODO);
        long caseId = fixtures.household(centre, 1);
        Actor staff = fixtures.reception(centre);
        List<Long> members = cases.personIds(caseId);
        long child = members.get(1);

        // Only the child's consent (given by the parent), dated before the interview, recorded by the centre's staff.
        interviews.record(caseId, answers("Trenger bolig nær sykehus", false, "Barnet har astma"), Set.of(child),
                TestClock.today().minusDays(5), staff).value();
        HealthConsents.Consent consent = consents.current(caseId).get(child);
        assertThat(consent.given()).isTrue();
        assertThat(consent.consentDate()).isEqualTo(TestClock.today().minusDays(5));
        assertThat(consent.recordedBy()).isEqualTo(staff.username());
        assertThat(consents.current(caseId)).doesNotContainKey(members.get(0));
        assertThat(interviews.find(caseId).orElseThrow().answers().healthDetails()).isEqualTo("Barnet har astma");

        // The anonymised profile carries the health summary; the read is logged for the consenting child only.
        long proposal = fixtures.propose(caseId, BODO);
        Actor bodo = fixtures.municipality(BODO);
        mvc.perform(get("/api/v1/proposals/{id}", proposal).with(as(bodo)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.healthDetails").value("Barnet har astma"))
                .andExpect(jsonPath("$.profile.adaptationNeeds").value("Trenger bolig nær sykehus"));
        assertThat(healthReads(bodo.username(), caseId)).isEqualTo(1);
        assertThat(jdbc.sql("select person_id from person_access_log where username = :u and purpose like 'health:%'")
                .param("u", bodo.username()).query(Long.class).list()).containsOnly(child);

        // After acceptance the settling municipality sees the health details on the case page, and the read is logged.
        fixtures.decidePlannedYear(BODO, TestClock.today().plusDays(5), 20, 0);
        mvc.perform(post("/kommune/forslag/" + proposal + "/aksepter").with(csrf()).with(as(bodo))
                .param("plannedDateAll", TestClock.today().plusDays(5).toString()));
        mvc.perform(get("/saker/" + caseId).with(as(bodo))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Barnet har astma")))
                .andExpect(content().string(not(containsString("Bror i Bodø"))));
        assertThat(healthReads(bodo.username(), caseId)).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from person_access_log where username = :u and purpose = :p and person_id = :c")
                .param("u", bodo.username()).param("p", "health:web:/saker/" + caseId).param("c", child)
                .query(Long.class).single()).isEqualTo(1);
        // Another municipality does not reach the case at all.
        mvc.perform(get("/saker/" + caseId).with(as(fixtures.municipality("1806")))).andExpect(status().isNotFound());
    }

    @Test
    void withdrawingEveryonesConsentDeletesTheHealthDetailsAndKeepsTheConsentHistory() {
        long centre = fixtures.centre(BODO);
        long caseId = fixtures.household(centre, 1);
        Actor staff = fixtures.reception(centre);

        interviews.record(caseId, answers("Trenger bolig uten trapper", true, "Astma"), staff).value();
        assertThat(consents.consenting(caseId)).containsExactlyInAnyOrderElementsOf(cases.personIds(caseId));
        assertThat(consents.current(caseId).values()).allSatisfy(c -> assertThat(c.consentDate()).isEqualTo(TestClock.today().minusDays(2)));

        interviews.record(caseId, answers("Trenger bolig uten trapper", false, null), staff).value();
        assertThat(consents.consenting(caseId)).isEmpty();
        assertThat(interviews.find(caseId).orElseThrow().answers().healthDetails()).isNull();
        assertThat(consents.history(caseId)).hasSize(4).extracting(HealthConsents.Consent::given).containsExactly(true, true, false, false);
        assertThat(interviews.profile(caseId).healthDetails()).isNull();
    }
}
