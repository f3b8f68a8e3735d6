package no.bosetting.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.shared.web.NumberFormat;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Norwegian numbers on the planning pages (issue 14 item 8): thousands grouped with a no-break space ("724 290", Oslo's
 * population), weights and shares with a decimal comma ("1,125", centrality class 2's default weight), years never
 * grouped; the forecast and revision forms through the web.
 */
@IntegrationTest
class PlanningPagesTest {

    /** "724 290" with the no-break space Norwegian groups thousands with, so a number never wraps. */
    private static final String OSLO_POPULATION = "724\u00a0290";
    private static final String CLASS_2_WEIGHT = "1,125";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    NationalPlan plan;
    @Autowired
    CapacityRequests requests;
    @Autowired
    JdbcClient jdbc;

    private int freshYear() {
        int year = TestClock.today().getYear() + 8;
        for (String table : List.of("capacity_request", "request_input", "request_criteria", "national_need_county", "national_need",
                "national_need_version", "planning_scenario", "planning_scenario_version")) {
            jdbc.sql("delete from " + table + " where year = :y").param("y", year).update();
        }
        return year;
    }

    @Test
    void planningPagesPrintNorwegianNumbersAndYearsUngrouped() throws Exception {
        int year = freshYear();
        plan.saveNeed(fixtures.planner(), year, 35_000, LocalDate.of(year, 3, 18), Map.of(), null).value();
        requests.issue(fixtures.planner(), year, LocalDate.of(year, 3, 18), "Revidert anmodning").value();
        String groupedYear = NumberFormat.whole(year, NumberFormat.NORWEGIAN);

        mvc.perform(get("/kapasitet/anmodninger").param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(OSLO_POPULATION)))
                .andExpect(content().string(containsString(CLASS_2_WEIGHT)))
                .andExpect(content().string(containsString("35\u00a0000")))
                .andExpect(content().string(not(containsString(groupedYear))))
                .andExpect(content().string(not(containsString("1.125"))));
        mvc.perform(get("/kapasitet/anmodninger/{nr}", "0301").param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(OSLO_POPULATION)))
                .andExpect(content().string(not(containsString(groupedYear))));
        mvc.perform(get("/kapasitet/anmodninger/{nr}", "5001").param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(CLASS_2_WEIGHT)));
        // In English the same numbers follow English custom.
        mvc.perform(get("/kapasitet/anmodninger").param("year", String.valueOf(year)).param("lang", "en").with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("724,290")))
                .andExpect(content().string(containsString("1.125")));
    }

    @Test
    void theForecastPageSavesAVersionAndShowsPlacesPerQuarter() throws Exception {
        int year = freshYear();
        var form = post("/kapasitet/anmodninger/prognose").with(as(fixtures.planner())).with(csrf())
                .param("year", String.valueOf(year)).param("scenario", "HIGH").param("scenario.HIGH", "31 500")
                .param("share.SINGLE_WOMAN", "40").param("share.SINGLE_ADULT_WITH_CHILDREN", "60").param("privateShare", "12,5");
        mvc.perform(form).andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("success"));
        // A change without a reason is refused next to its field, keeping what was typed.
        mvc.perform(post("/kapasitet/anmodninger/prognose").with(as(fixtures.planner())).with(csrf())
                        .param("year", String.valueOf(year)).param("scenario", "HIGH").param("scenario.HIGH", "35000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasKey("scenarioReason")));
        assertThat(plan.scenarios(year).get(PlanningScenario.Kind.HIGH).persons()).isEqualTo(31_500);
        assertThat(plan.scenarios(year).get(PlanningScenario.Kind.HIGH).assumptions().privateShare()).isEqualTo(12.5);

        mvc.perform(get("/kapasitet/anmodninger/prognose").param("year", String.valueOf(year)).param("scenario", "HIGH")
                        .with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("31\u00a0500")))
                .andExpect(content().string(containsString("12,5")))
                .andExpect(content().string(containsString("Plasser som trengs per kvartal")))
                .andExpect(content().string(not(containsString(NumberFormat.whole(year, NumberFormat.NORWEGIAN)))));
    }

    @Test
    void theRevisionFormRevisesAndRefusesWithoutAReason() throws Exception {
        int year = freshYear();
        plan.saveNeed(fixtures.planner(), year, 5_500, null, Map.of(), null).value();
        requests.issue(fixtures.planner(), year, LocalDate.of(year - 1, 10, 1), "Anmodning").value();

        mvc.perform(post("/kapasitet/anmodninger/revisjon").with(as(fixtures.planner())).with(csrf())
                        .param("year", String.valueOf(year)).param("revisedNeed", "35 000").param("revisedOn", year + "-03-18"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasKey("revisionReason")));
        mvc.perform(post("/kapasitet/anmodninger/revisjon").with(as(fixtures.planner())).with(csrf())
                        .param("year", String.valueOf(year)).param("revisedNeed", "35 000").param("revisedOn", year + "-03-18")
                        .param("revisionReason", "Krigen i Ukraina"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("success"));
        assertThat(plan.needVersions(year)).extracting(NationalNeed::persons).containsExactly(35_000, 5_500);
        mvc.perform(get("/kapasitet/anmodninger").param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Krigen i Ukraina")))
                .andExpect(content().string(containsString("5\u00a0500")));
        // The municipality's decision page says what its request was changed from, when and why.
        mvc.perform(get("/kommune/vedtak").param("year", String.valueOf(year)).with(as(fixtures.municipality("4601"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Anmodningen ble endret 18.03." + year + " fra ")))
                .andExpect(content().string(containsString("Begrunnelse: Krigen i Ukraina")));
    }

    @Test
    void theRequestPageOpensOnTheYearBeingPlannedThatHasData() throws Exception {
        LocalDate today = LocalDate.of(2022, 3, 18);
        assertThat(NationalPlan.yearBeingPlanned(today, List.of(2023, 2022, 2021))).isEqualTo(2023);
        assertThat(NationalPlan.yearBeingPlanned(today, List.of(2022, 2021))).isEqualTo(2022);
        assertThat(NationalPlan.yearBeingPlanned(today, List.of(2030, 2021))).isEqualTo(2021);
        assertThat(NationalPlan.yearBeingPlanned(today, List.of())).isEqualTo(2023);
        int expected = plan.yearBeingPlanned(TestClock.today());
        mvc.perform(get("/kapasitet/anmodninger").with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Planlegging og anmodninger " + expected)));
    }
}
