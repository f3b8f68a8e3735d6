package no.bosetting.allocation;

import java.util.List;
import java.util.Map;

import no.bosetting.cases.HouseholdType;
import no.bosetting.planning.ForecastAssumptions;
import no.bosetting.planning.NationalPlan;
import no.bosetting.planning.PacePlan;
import no.bosetting.planning.PlanForecast;
import no.bosetting.planning.PlanForecasts;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 23 item 5: the year what-if is run from the application's data, stored, and comparable. */
@IntegrationTest
class YearWhatIfsTest {

    @Autowired
    YearWhatIfs whatIfs;
    @Autowired
    NationalPlan plan;
    @Autowired
    PlanForecasts forecasts;
    @Autowired
    AllocationPolicies policies;
    @Autowired
    Fixtures fixtures;
    @Autowired
    no.bosetting.interview.InterviewFacts interviewFacts;
    @Autowired
    MockMvc mvc;

    @Test
    void runsNextYearFromTheForecastStoresItAndComparesTwoRuns() throws Exception {
        int year = TestClock.today().getYear() + 1;
        String a = "3905"; // Tønsberg
        String b = "3907"; // Sandefjord
        fixtures.resetMunicipality(a);
        fixtures.resetMunicipality(b);
        fixtures.decide(a, year, 40, 0);
        fixtures.decide(b, year, 60, 0);
        long centre = fixtures.centre(a);
        long waiting = fixtures.household(centre, 2);
        fixtures.ready(waiting);
        // Its close family lives in Tønsberg, so the run places it there whatever other municipalities have room next year
        // (on 31 December the other tests have decided many of next year's numbers in the shared database).
        assertThat(CommandResult.attempt(() -> interviewFacts.record(waiting, new no.bosetting.interview.AllocationFacts(a,
                no.bosetting.interview.AllocationFacts.CloseFamilyKind.PARENT, null, null, null, null, null, null, null),
                fixtures.caseworker())).isSuccess()).isTrue();
        ForecastAssumptions assumptions = new ForecastAssumptions(null,
                Map.of(HouseholdType.SINGLE_MAN, 40.0, HouseholdType.COUPLE_WITH_CHILDREN, 40.0, HouseholdType.UNACCOMPANIED_MINOR, 20.0), 10.0);
        assertThat(plan.saveScenario(fixtures.planner(), year, PlanningScenario.Kind.EXPECTED, 1200, null, assumptions, "test")
                .isSuccess()).isTrue();
        assertThat(plan.saveScenario(fixtures.planner(), year, PlanningScenario.Kind.HIGH, 2400, null, assumptions, "test")
                .isSuccess()).isTrue();

        long id = CommandResult.attempt(() -> whatIfs.run(fixtures.planner(), year, PlanningScenario.Kind.EXPECTED)).value();
        YearWhatIf run = whatIfs.find(id).orElseThrow();

        // Stored: who, when, inputs.
        assertThat(run.createdBy()).isEqualTo(fixtures.planner().username());
        assertThat(run.year()).isEqualTo(year);
        assertThat(run.scenario()).isEqualTo(PlanningScenario.Kind.EXPECTED);
        assertThat(run.scenarioPersons()).isEqualTo(1200);
        assertThat(run.scenarioVersion()).isEqualTo(plan.scenarios(year).get(PlanningScenario.Kind.EXPECTED).version());
        assertThat(run.startDate()).isEqualTo(java.time.LocalDate.of(year, 1, 1));
        assertThat(run.policy().version()).isEqualTo(policies.current().version());
        assertThat(run.seconds()).isLessThan(30);

        // The forecast's persons enter in the quarter the forecast needs their place: the numbers add up per quarter.
        PlanForecast.Result forecast = forecasts.forecast(year, PlanningScenario.Kind.EXPECTED).orElseThrow();
        for (PlanForecast.Quarter q : forecast.quarters()) {
            assertThat(run.entering(YearWhatIf.Source.FORECAST, q.quarter())).as("quarter %d", q.quarter()).isEqualTo(q.fromArrivals());
        }
        // The waiting household is in the run from the first quarter.
        assertThat(run.entering(YearWhatIf.Source.WAITING, 1)).isGreaterThanOrEqualTo(3);
        // Every person entering is placed in some quarter or counted as without a place at year end.
        assertThat(run.placedPersons() + run.unplacedPersons())
                .isEqualTo(run.entering(YearWhatIf.Source.WAITING) + run.entering(YearWhatIf.Source.FORECAST));

        // Per municipality: never beyond the decided places, and held to the even pace of the weekly rounds.
        YearWhatIf.MunicipalityFigures tonsberg = run.municipalities().stream().filter(m -> m.number().equals(a)).findFirst().orElseThrow();
        assertThat(tonsberg.decided()).isEqualTo(40);
        assertThat(tonsberg.quarters()).hasSize(4);
        PacePlan pace = PacePlan.of(a, year, 40, PacePlan.Period.valueOf(run.pacePeriod()));
        for (YearWhatIf.QuarterFigures q : tonsberg.quarters()) {
            assertThat(q.usedToEnd()).isLessThanOrEqualTo(pace.cumulativeTargetAt(java.time.LocalDate.of(year, q.quarter() * 3, 1)));
        }
        assertThat(tonsberg.last().usedToEnd()).isPositive();
        int nationalPlaced = run.national().stream().mapToInt(YearWhatIf.QuarterFigures::placedPersons).sum();
        assertThat(nationalPlaced).isEqualTo(run.placedPersons());

        // A second run from the page, with another scenario, is stored next to it and the two compare side by side.
        String location = mvc.perform(post("/kapasitet/hva-om").param("year", String.valueOf(year)).param("scenario", "HIGH")
                        .with(as(fixtures.planner())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/kapasitet/hva-om/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long second = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        YearWhatIf high = whatIfs.find(second).orElseThrow();
        assertThat(high.entering(YearWhatIf.Source.FORECAST)).isGreaterThan(run.entering(YearWhatIf.Source.FORECAST));
        assertThat(whatIfs.recent(50)).extracting(YearWhatIf::id).contains(id, second);

        mvc.perform(get("/kapasitet/hva-om/" + id).with(as(fixtures.planner()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tønsberg")))
                .andExpect(content().string(containsString("1. kvartal")));
        mvc.perform(get("/kapasitet/hva-om/sammenlign").param("a", String.valueOf(id)).param("b", String.valueOf(second))
                        .with(as(fixtures.planner()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sandefjord")))
                .andExpect(content().string(containsString("Forventet")))
                .andExpect(content().string(containsString("Høyt")));
        mvc.perform(get("/kapasitet/hva-om").param("lang", "en").with(as(fixtures.planner()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("What if: the rest of the year")));
    }

    @Test
    void refusesAYearOutsideThisAndNextAtTheField() throws Exception {
        mvc.perform(post("/kapasitet/hva-om").param("year", "1999").param("scenario", "EXPECTED")
                        .with(as(fixtures.planner())).with(csrf()))
                .andExpect(redirectedUrl("/kapasitet/hva-om"))
                .andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasKey("year")));
        assertThat(CommandResult.attempt(() -> whatIfs.run(fixtures.caseworker(), TestClock.today().getYear(),
                PlanningScenario.Kind.EXPECTED)).isSuccess()).isFalse();
    }
}
