package no.bosetting.allocation;

import java.util.List;

import no.bosetting.cases.CaseFilter;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.ReadyHouseholds;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 23 item 3: the engine review at 330 and 1,000 households, from generated ready cases. Prints one JSON line per
 * step: "Foreslå fordeling" to the first review page (engine run + page), the first page's size, a filter, a picker and a
 * pin, each through the web layer (server time; the browser adds parsing a page of at most 500 KB). Runs alone:
 * {@code mvn -B -o -pl app -am test -Dbosetting.excluded-groups=none -Dtest=AllocationReviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The engine runs with the test profile's time limit (PT1S); production allows PT5S, which a larger run may use.
 */
@IntegrationTest
@Tag("benchmark")
class AllocationReviewBenchmark {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AllocationRuns runs;
    @Autowired
    RunReview review;
    @Autowired
    MockMvc mvc;

    @Test
    void theReviewStaysSmallAndFastAt330AndAThousandHouseholds() throws Exception {
        int year = TestClock.today().getYear();
        List<String> numbers = jdbc.sql("select number from municipality order by number").query(String.class).list();
        for (int k = 0; k < numbers.size(); k += 2) {
            fixtures.resetMunicipality(numbers.get(k));
            fixtures.decide(numbers.get(k), year, 60, 4);
        }
        seed(330, 7000);
        // The first run meets a cold JVM (engine, templates); the application has warmed up before its weekly rounds.
        measure(330, "cold", new CaseFilter(null, null, 7000, 7010, null, null, null, null, null));
        measure(330, "warm", new CaseFilter(null, null, 7000, 7010, null, null, null, null, null));
        seed(670, 7050);
        measure(1000, "warm", new CaseFilter(null, null, 7000, 7060, null, null, null, null, null));
    }

    private void measure(int households, String jvm, CaseFilter filter) throws Exception {
        var caseworker = fixtures.caseworker();
        long t0 = System.nanoTime();
        long runId = runs.propose(caseworker, filter).value();
        long engine = System.nanoTime();
        MockHttpServletResponse page = mvc.perform(get("/fordeling/motor/" + runId).with(as(caseworker))).andReturn().getResponse();
        long t1 = System.nanoTime();
        assertThat(page.getStatus()).isEqualTo(200);
        int bytes = page.getContentAsByteArray().length;
        AllocationRun run = runs.find(runId).orElseThrow();
        assertThat(run.households()).isEqualTo(households);
        System.out.printf("{\"benchmark\":\"allocation-review\",\"jvm\":\"%s\",\"households\":%d,\"step\":\"propose-to-first-page\",\"ms\":%.0f,"
                        + "\"engineAndStoreMs\":%.0f,\"pageMs\":%.0f,\"firstPageBytes\":%d,\"assigned\":%d}%n",
                jvm, households, (t1 - t0) / 1e6, (engine - t0) / 1e6, (t1 - engine) / 1e6, bytes, run.assigned());
        assertThat(bytes).as("first page ≤ 500 KB").isLessThanOrEqualTo(500 * 1024);

        long f0 = System.nanoTime();
        MockHttpServletResponse filtered = mvc.perform(get("/fordeling/motor/" + runId).param("long", "true").param("page", "1")
                .header("HX-Request", "true").with(as(caseworker))).andReturn().getResponse();
        System.out.printf("{\"benchmark\":\"allocation-review\",\"jvm\":\"%s\",\"households\":%d,\"step\":\"filter-fragment\",\"ms\":%.0f,\"bytes\":%d}%n",
                jvm, households, (System.nanoTime() - f0) / 1e6, filtered.getContentAsByteArray().length);

        AllocationRun.Item item = run.items().stream().filter(i -> i.municipalityNumber() != null).findFirst().orElseThrow();
        long p0 = System.nanoTime();
        MockHttpServletResponse picker = mvc.perform(get("/fordeling/motor/" + runId + "/husstand/" + item.caseId() + "/kommuner")
                .header("HX-Request", "true").with(as(caseworker))).andReturn().getResponse();
        System.out.printf("{\"benchmark\":\"allocation-review\",\"jvm\":\"%s\",\"households\":%d,\"step\":\"picker-fragment\",\"ms\":%.0f,\"bytes\":%d}%n",
                jvm, households, (System.nanoTime() - p0) / 1e6, picker.getContentAsByteArray().length);

        String target = review.choices(run, item.caseId(), null, caseworker).orElseThrow().stream()
                .filter(c -> c.allowed() && !c.current()).findFirst().orElseThrow().number();
        // The rows on the first page, as htmx sends them with a pin.
        String[] shown = review.page(run, RunReview.Filter.none(), 0).groups().stream().flatMap(g -> g.items().stream())
                .map(i -> String.valueOf(i.caseId())).toArray(String[]::new);
        long q0 = System.nanoTime();
        MockHttpServletResponse pinned = mvc.perform(post("/fordeling/motor/" + runId + "/fest").with(csrf()).with(as(caseworker))
                .header("HX-Request", "true").param("caseId", String.valueOf(item.caseId())).param("municipality", target)
                .param("shown", shown))
                .andReturn().getResponse();
        System.out.printf("{\"benchmark\":\"allocation-review\",\"jvm\":\"%s\",\"households\":%d,\"step\":\"pin\",\"ms\":%.0f,\"bytes\":%d,\"refused\":%s}%n",
                jvm, households, (System.nanoTime() - q0) / 1e6, pinned.getContentAsByteArray().length,
                pinned.getContentAsString().contains("pin-error-"));
    }

    private void seed(int n, int daysAgo) {
        ReadyHouseholds.seed(jdbc, n, daysAgo);
    }
}
