package no.bosetting.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.HouseholdType;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.Race;
import no.bosetting.support.TestClock;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 23 items 3 and 4: the review at scale (rows, filters, pages, picker) and the careful send. */
@IntegrationTest
class AllocationReviewTest {

    static final String BODO = "1804";
    static final String NARVIK = "1806";
    static final String HEROY = "1515"; // no decision: no places

    @Autowired
    AllocationRuns runs;
    @Autowired
    RunReview review;
    @Autowired
    AllocationPolicies policies;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    /** Ready households of their own: a permit date {@code daysAgo} back, which no other test uses. */
    private List<Long> households(int daysAgo, int... children) {
        long centre = fixtures.centre(BODO);
        List<Long> ids = new ArrayList<>();
        for (int c : children) {
            long id = fixtures.household(centre, c, TestClock.today().minusDays(daysAgo));
            fixtures.ready(id);
            ids.add(id);
        }
        return ids;
    }

    private long propose(int daysAgo) {
        return runs.propose(fixtures.caseworker(), new CaseFilter(null, null, daysAgo, daysAgo, null, null, null, null, null)).value();
    }

    private void places() {
        int year = TestClock.today().getYear();
        for (String m : List.of(BODO, NARVIK)) {
            fixtures.resetMunicipality(m);
            fixtures.decide(m, year, 400, 0);
        }
        fixtures.resetMunicipality(HEROY);
    }

    private String reference(long caseId) {
        return cases.summaryForSystem(caseId).orElseThrow().reference();
    }

    private MockHttpServletResponse hxPin(long runId, long caseId, String municipality) throws Exception {
        return mvc.perform(post("/fordeling/motor/" + runId + "/fest").with(csrf()).with(as(fixtures.caseworker()))
                        .header("HX-Request", "true").param("caseId", String.valueOf(caseId)).param("municipality", municipality))
                .andExpect(status().isOk()).andReturn().getResponse();
    }

    @Test
    void aPinAnswersOnlyTheHouseholdsRowWithTheTotalsThatChangedAndTheFilterShowsWhatItChanged() throws Exception {
        places();
        List<Long> ids = households(5100, 0, 1, 2);
        long runId = propose(5100);
        assertThat(runs.find(runId).orElseThrow().households()).isEqualTo(3);

        MockHttpServletResponse pinned = hxPin(runId, ids.get(0), NARVIK);
        String body = pinned.getContentAsString();
        long second = runs.latest(runId);
        assertThat(second).isNotEqualTo(runId);
        assertThat(body.strip()).startsWith("<tr id=\"row-" + ids.get(0) + "\"");
        assertThat(body).doesNotContain("<main").doesNotContain("<html")
                .contains("<p id=\"total-" + NARVIK + "\"").contains("hx-swap-oob=\"true\"")
                .contains("Valgt av saksbehandler").contains("Nå foreslått: Narvik")
                .contains(reference(ids.get(0)) + " er nå foreslått til Narvik");
        assertThat(pinned.getHeader("HX-Replace-Url")).isEqualTo("/fordeling/motor/" + second);

        // A row of the page that was not reloaded still pins: the old run leads to the newest.
        String next = hxPin(runId, ids.get(1), BODO).getContentAsString();
        assertThat(next.strip()).startsWith("<tr id=\"row-" + ids.get(1) + "\"");
        long third = runs.latest(runId);
        assertThat(third).isNotIn(runId, second);
        AllocationRun run = runs.find(third).orElseThrow();
        assertThat(run.items()).filteredOn(AllocationRun.Item::pinned).extracting(AllocationRun.Item::caseId)
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1));

        // "Changed by a pin" shows exactly the changed households, as a fragment for htmx and as a whole page without it.
        String changed = mvc.perform(get("/fordeling/motor/" + third).param("changed", "true").header("HX-Request", "true")
                .with(as(fixtures.caseworker()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(changed).startsWith("<div id=\"run-results\"").doesNotContain("<html");
        for (AllocationRun.Item i : run.items()) {
            if (i.changed()) {
                assertThat(changed).contains(i.caseReference());
            } else {
                assertThat(changed).doesNotContain(i.caseReference());
            }
        }
        String whole = mvc.perform(get("/fordeling/motor/" + third).param("changed", "true").with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(whole).contains("<html").contains("id=\"changed\" name=\"changed\" value=\"true\" checked");
    }

    @Test
    void aRefusedPinIsShownAtTheHouseholdNamingItAndTheMunicipalityAndThePickerSaysWhy() throws Exception {
        places();
        long caseId = households(5200, 1).get(0);
        long runId = propose(5200);
        String ref = reference(caseId);

        String body = hxPin(runId, caseId, HEROY).getContentAsString();
        assertThat(body.strip()).startsWith("<tr id=\"row-" + caseId + "\"");
        assertThat(body).contains("id=\"pin-error-" + caseId + "\"")
                .contains(ref + " kan ikke festes til Herøy (Møre og Romsdal): Valget bryter en absolutt regel")
                .doesNotContain("<main");
        assertThat(runs.latest(runId)).isEqualTo(runId);
        assertThat(runs.find(runId).orElseThrow().draft()).isTrue();

        // The picker loads on demand, shows places left, and why a municipality is not allowed for this household.
        String heroy = mvc.perform(get("/fordeling/motor/" + runId + "/husstand/" + caseId + "/kommuner").param("q", "Herøy")
                .header("HX-Request", "true").with(as(fixtures.caseworker()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(heroy).startsWith("<div class=\"picker\"").contains("1515 Herøy (Møre og Romsdal)")
                .contains("ikke mulig: bare 0 plasser igjen").doesNotContain("Velg 1515");
        String bodo = mvc.perform(get("/fordeling/motor/" + runId + "/husstand/" + caseId + "/kommuner").param("q", "Bodø")
                .header("HX-Request", "true").with(as(fixtures.caseworker()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(bodo).contains("plasser igjen").doesNotContain("ikke mulig");
        assertThat(bodo.contains("Velg 1804 Bodø") || bodo.contains("Foreslått nå")).isTrue();
        String page = mvc.perform(get("/fordeling/motor/" + runId + "/husstand/" + caseId + "/kommuner").with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Velg kommune for " + ref + "</h1>");
    }

    private static AllocationRun.Item item(long id, String type, String municipality, boolean pinned, LocalDate permit, String first) {
        return new AllocationRun.Item(id, "T-" + id, type, 1, false, 0, municipality, pinned, null, null,
                municipality == null ? "CAPACITY_EXHAUSTED" : null, null, permit, first, false);
    }

    @Test
    void filtersAndPagesGroupByMunicipalityAndTheSummaryCountsWhatGoesWhere() {
        LocalDate today = TestClock.today();
        List<String> numbers = jdbc.sql("select number from municipality order by number limit 40").query(String.class).list();
        List<AllocationRun.Item> items = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            String type = k % 2 == 0 ? "SINGLE_MAN" : "COUPLE_WITH_CHILDREN";
            String m = numbers.get(k % 40);
            items.add(item(-1 - k, type, m, k == 3, today.minusDays(k < 5 ? 400 : 10), k == 7 ? numbers.get(8) : m));
        }
        items.add(item(-1000, "SINGLE_MAN", null, false, today.minusDays(400), null));
        AllocationRun run = new AllocationRun(0, policies.current(), "DRAFT", 101, 100, 0, 0, 0, 0, TestClock.zonedNow().toOffsetDateTime(), "test", items);

        RunReview.Page first = review.page(run, RunReview.Filter.none(), 0);
        assertThat(first.groups().stream().mapToInt(g -> g.items().size()).sum()).isEqualTo(RunReview.HOUSEHOLDS_PER_PAGE);
        assertThat(first.groups()).allSatisfy(g -> assertThat(g.items())
                .allSatisfy(i -> assertThat(i.municipalityNumber()).isEqualTo(g.total().number())));
        // The municipality with the caseworker's pin first, then by name.
        assertThat(first.groups().get(0).total().number()).isEqualTo(numbers.get(3));
        assertThat(first.groups().subList(1, first.groups().size())).extracting(g -> g.total().name()).isSorted();
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.matching()).isEqualTo(100);
        RunReview.Page last = review.page(run, RunReview.Filter.none(), 2);
        assertThat(last.groups().stream().mapToInt(g -> g.items().size()).sum()).isEqualTo(20);
        assertThat(review.page(run, RunReview.Filter.none(), 99).page()).as("past the end: the last page").isEqualTo(2);
        assertThat(review.page(run, new RunReview.Filter(null, true, false), 0).matching()).as("pinned and moved").isEqualTo(2);
        assertThat(review.page(run, new RunReview.Filter(HouseholdType.SINGLE_MAN, false, false), 0).matching()).isEqualTo(50);
        RunReview.Page longWaiting = review.page(run, new RunReview.Filter(null, false, true), 0);
        assertThat(longWaiting.matching()).isEqualTo(5);
        assertThat(longWaiting.unassigned()).extracting(AllocationRun.Item::caseId).containsExactly(-1000L);

        RunReview.Summary summary = review.summary(run);
        assertThat(summary.households()).isEqualTo(100);
        assertThat(summary.persons()).isEqualTo(100);
        assertThat(summary.municipalities()).hasSize(40);
        assertThat(summary.pinned()).isEqualTo(1);
        assertThat(summary.changed()).isEqualTo(2);
        assertThat(summary.longWaitingLeftOut()).extracting(AllocationRun.Item::caseId).containsExactly(-1000L);
    }

    @Test
    void theSummaryComesFirstThenASelectionIsSentAndNothingIsEverSentTwice() throws Exception {
        places();
        List<Long> ids = households(5300, 0, 1, 2, 0);
        long runId = propose(5300);
        hxPin(runId, ids.get(0), BODO);
        hxPin(runId, ids.get(1), NARVIK);
        hxPin(runId, ids.get(2), NARVIK);
        long id = runs.latest(runId);
        AllocationRun run = runs.find(id).orElseThrow();
        List<AllocationRun.Item> placed = run.items().stream().filter(i -> i.municipalityNumber() != null).toList();
        long municipalities = placed.stream().map(AllocationRun.Item::municipalityNumber).distinct().count();
        int persons = placed.stream().mapToInt(AllocationRun.Item::persons).sum();

        // The summary: households and persons per municipality, pins and changes; a confirm with all or a selection.
        String summary = mvc.perform(get("/fordeling/motor/" + id + "/send").with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(summary).contains(placed.size() + " husstander med " + persons + " personer til " + municipalities + " kommuner.")
                .contains("3 husstander er valgt av saksbehandler").contains("name=\"m-" + BODO + "\"").contains("Bekreft og send");
        // Places used since the run: the summary warns that Narvik now gets more persons than it has places for.
        int toNarvik = placed.stream().filter(i -> NARVIK.equals(i.municipalityNumber())).mapToInt(AllocationRun.Item::persons).sum();
        fixtures.resetMunicipality(NARVIK);
        assertThat(review.summary(run).over()).extracting(RunReview.Total::number).containsExactly(NARVIK);
        assertThat(mvc.perform(get("/fordeling/motor/" + id + "/send").with(as(fixtures.caseworker()))).andReturn().getResponse()
                .getContentAsString()).contains("Narvik får " + toNarvik + " personer, men har bare 0 plasser igjen");
        fixtures.decide(NARVIK, TestClock.today().getYear(), 400, 0);

        // "Send a selection" with nothing ticked: the error is at the field, nothing is sent.
        assertThat(mvc.perform(post("/fordeling/motor/" + id + "/send").with(csrf()).with(as(fixtures.caseworker())).param("choice", "selected"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"choice-error\"").contains("Kryss av for minst én kommune eller husstand");
        assertThat(proposals.forCase(ids.get(0))).isEmpty();

        // Bodø only: its households get their proposal, the rest wait; the run stays open for them.
        mvc.perform(post("/fordeling/motor/" + id + "/send").with(csrf()).with(as(fixtures.caseworker()))
                .param("choice", "selected").param("m-" + BODO, "true")).andExpect(status().is3xxRedirection());
        assertThat(proposals.forCase(ids.get(0))).hasSize(1);
        assertThat(proposals.forCase(ids.get(1))).isEmpty();
        assertThat(runs.find(id).orElseThrow().draft()).isTrue();
        // The same form again (back button, second click): nothing more is sent.
        mvc.perform(post("/fordeling/motor/" + id + "/send").with(csrf()).with(as(fixtures.caseworker()))
                        .param("choice", "selected").param("m-" + BODO, "true")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "Ingenting ble sendt: husstandene du valgte, er allerede sendt."));
        assertThat(proposals.forCase(ids.get(0))).hasSize(1);

        // One chosen household of Narvik's two: only it goes.
        mvc.perform(post("/fordeling/motor/" + id + "/send").with(csrf()).with(as(fixtures.caseworker()))
                .param("choice", "selected").param("c-" + ids.get(1), "true")).andExpect(status().is3xxRedirection());
        assertThat(proposals.forCase(ids.get(1))).hasSize(1);
        assertThat(proposals.forCase(ids.get(2))).as("Narvik's other household waits").isEmpty();
        long left = runs.find(id).orElseThrow().items().stream().filter(i -> i.municipalityNumber() != null && !i.sent())
                .map(AllocationRun.Item::municipalityNumber).distinct().count();

        // "Send all" submitted twice at the same moment (a double click): one sends, the other finds it sent.
        List<String> both = Race.race(
                () -> mvc.perform(post("/fordeling/motor/" + id + "/send").with(csrf()).with(as(fixtures.caseworker())).param("choice", "all"))
                        .andReturn().getFlashMap().get("success").toString(),
                () -> mvc.perform(post("/fordeling/motor/" + id + "/send").with(csrf()).with(as(fixtures.caseworker())).param("choice", "all"))
                        .andReturn().getFlashMap().get("success").toString());
        assertThat(both).containsExactlyInAnyOrder("Fordelingslister er sendt til " + left + " kommuner.",
                "Ingenting ble sendt: husstandene du valgte, er allerede sendt.");
        for (AllocationRun.Item i : placed) {
            assertThat(proposals.forCase(i.caseId())).as(i.caseReference()).hasSize(1);
        }
        assertThat(runs.find(id).orElseThrow().status()).isEqualTo("SENT");
        assertThat(mvc.perform(get("/fordeling/motor/" + id + "/send").with(as(fixtures.caseworker()))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/fordeling/motor/" + id);
    }
}
