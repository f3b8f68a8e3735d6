package no.bosetting.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.shared.CommandFailure;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Need, inputs and versioned requests through the real service and pages. */
@IntegrationTest
class CapacityRequestsTest {

    private static final String BERGEN = "4601";
    private static final String VARDO = "5634";

    @Autowired
    CapacityRequests requests;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    /** A year no other test plans for, so the national need and requests are this test's own. */
    private int freshYear() {
        int year = TestClock.today().getYear() + 3;
        jdbc.sql("delete from capacity_request where year = :y").param("y", year).update();
        jdbc.sql("delete from request_input where year = :y").param("y", year).update();
        jdbc.sql("delete from request_criteria where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need_county where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need where year = :y").param("y", year).update();
        return year;
    }

    @Test
    void aRevisedRequestIsANewVersionAndEveryVersionStaysVisible() {
        int year = freshYear();
        assertThat(requests.saveNeed(fixtures.planner(), year, 5_500, TestClock.today().minusDays(30), Map.of()).isSuccess()).isTrue();
        assertThat(requests.issue(fixtures.planner(), year, TestClock.today().minusDays(20), "Opprinnelig anmodning").value()).isEqualTo(357);
        CapacityRequest first = requests.versions(BERGEN, year).get(0);
        assertThat(first.version()).isEqualTo(1);

        // 18 March 2022 style: the need rises sharply; every request changes and becomes version 2.
        requests.saveNeed(fixtures.planner(), year, 35_000, TestClock.today().minusDays(5), Map.of(), "Krigen i Ukraina").value();
        int revised = requests.issue(fixtures.planner(), year, TestClock.today(), "Revidert etter krigen i Ukraina").value();

        List<CapacityRequest> bergen = requests.versions(BERGEN, year);
        assertThat(revised).isGreaterThan(300);
        assertThat(bergen).extracting(CapacityRequest::version).containsExactly(2, 1);
        assertThat(bergen.get(0).persons()).isGreaterThan(first.persons());
        assertThat(bergen.get(0).reason()).isEqualTo("Revidert etter krigen i Ukraina");
        assertThat(bergen.get(0).requestedOn()).isEqualTo(TestClock.today());
        assertThat(bergen.get(1)).isEqualTo(first);
        assertThat(requests.latestForYear(year).get(BERGEN).version()).isEqualTo(2);
        assertThat(requests.rounds(year)).hasSize(2);

        // A single manual adjustment re-issues only that municipality.
        RequestInput vardo = requests.input(VARDO, year);
        requests.saveInput(fixtures.planner(), year, new RequestInput(VARDO, vardo.countyNumber(), vardo.population(), vardo.centrality(),
                1.0, 1.0, null, false, 15, "Har ledige boliger", "Fylket støtter", "KS: ingen merknad")).value();
        assertThat(requests.issue(fixtures.planner(), year, TestClock.today(), "Justert for Vardø").value()).isEqualTo(1);
        assertThat(requests.versions(VARDO, year)).extracting(CapacityRequest::version).containsExactly(3, 2, 1);
        assertThat(requests.versions(VARDO, year).get(0).explanation()).contains("adjustment=15");
        assertThat(requests.input(VARDO, year).countyInput()).isEqualTo("Fylket støtter");
    }

    @Test
    void onlyPlannersChangeThePlanAndAdjustmentsNeedAReason() {
        int year = freshYear();
        assertThat(requests.saveNeed(fixtures.caseworker(), year, 100, null, Map.of()).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(requests.saveNeed(fixtures.planner(), year, 100, null, Map.of("46", 60, "03", 30)).failure())
                .isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(requests.issue(fixtures.planner(), year, TestClock.today(), "Uten behov").failure())
                .isInstanceOf(CommandFailure.RuleBroken.class);
        RequestInput bergen = requests.input(BERGEN, year);
        assertThat(requests.saveInput(fixtures.planner(), year, new RequestInput(BERGEN, bergen.countyNumber(), bergen.population(),
                bergen.centrality(), 1.0, 1.0, null, false, 5, " ", null, null)).failure())
                .isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(requests.issue(fixtures.municipality(BERGEN), year, TestClock.today(), "x").failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
    }

    @Test
    void theRegionalSplitKeepsEachCountysNeedInsideTheCounty() {
        int year = freshYear();
        Map<String, Integer> split = new java.util.TreeMap<>();
        jdbc.sql("select number from county").query(String.class).list().forEach(c -> split.put(c, 100));
        split.put("46", 1_000);
        int total = split.values().stream().mapToInt(Integer::intValue).sum();
        requests.saveNeed(fixtures.planner(), year, total, null, split).value();

        int vestland = requests.compute(year).stream().filter(c -> "46".equals(c.input().countyNumber()))
                .mapToInt(RequestComputation::computed).sum();

        // Rounding and the minimum of 10 per municipality move the sum a little, never far.
        assertThat(vestland).isBetween(1_000 - 43, 1_000 + 43 * 10);
        assertThat(requests.need(year).orElseThrow().byCounty()).containsEntry("46", 1_000);
    }

    @Test
    void thePlanningPagesShowHowTheNumberWasComputed() throws Exception {
        int year = freshYear();
        mvc.perform(post("/kapasitet/anmodninger/behov").with(as(fixtures.planner())).with(csrf())
                        .param("year", String.valueOf(year)).param("need", "5000"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/kapasitet/anmodninger/scenarioer").with(as(fixtures.planner())).with(csrf())
                        .param("year", String.valueOf(year)).param("scenario.LOW", "3000").param("scenario.EXPECTED", "5000")
                        .param("scenario.HIGH", "35000"))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.scenarios(year).get(PlanningScenario.Kind.HIGH).persons()).isEqualTo(35_000);
        mvc.perform(post("/kapasitet/anmodninger/send").with(as(fixtures.planner())).with(csrf())
                        .param("year", String.valueOf(year)).param("requestedOn", TestClock.today().toString()).param("reason", "Første runde"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/kapasitet/anmodninger").param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("4601 Bergen")))
                .andExpect(content().string(containsString("Første runde")));
        mvc.perform(get("/kapasitet/anmodninger/{nr}", BERGEN).param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("folketall")))
                .andExpect(content().string(containsString("Første runde")));
        mvc.perform(get("/kapasitet/anmodninger").with(as(fixtures.municipality(BERGEN))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theMunicipalitySeesItsQuarterlyTargets() throws Exception {
        String roros = "5025";
        fixtures.resetMunicipality(roros);
        fixtures.decide(roros, TestClock.today().getYear(), 41, 0);

        mvc.perform(get("/kommune").with(as(fixtures.municipality(roros))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"pace-heading\"")))
                .andExpect(content().string(containsString(">11<")));
    }
}
