package no.bosetting.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class YearPlannerTest {

    @Test
    void weeklyBatchesRespectAnnualCapacityAndPacing() {
        Instance annual = RandomInstances.create(5, 300, 12);
        List<Municipality> roomy = new ArrayList<>();
        for (Municipality m : annual.municipalities()) {
            roomy.add(m.withPlaces(m.remainingPlaces() + 40, m.remainingMinorPlaces()));
        }
        annual = new Instance(annual.name(), annual.households(), roomy);
        int[] weeks = new int[annual.households().size()];
        Random r = new Random(5);
        for (int i = 0; i < weeks.length; i++) {
            weeks[i] = r.nextInt(YearPlanner.WEEKS);
        }
        Options options = Options.defaults().withTimeLimit(Duration.ofSeconds(5));
        AllocationResult hindsight = new AllocationEngine().solve(annual, Policy.defaults(), options);
        YearPlanner.YearResult online = new YearPlanner().run(annual, weeks, Policy.defaults(),
                YearPlanner.engine(Policy.defaults(), options, hindsight.dualPrices()), 0.10, 1);

        assertThat(FeasibilityChecker.check(annual, online.assignment()).violations()).isEmpty();
        assertThat(online.objective()).isLessThanOrEqualTo(hindsight.upperBound() + 1e-6);
        assertThat(online.quarterNationalFill()).hasSize(4);
        double[] fill = online.quarterNationalFill();
        for (int q = 0; q < 4; q++) {
            // Even pacing: nobody may run ahead of (q+1)/4 of the year by more than the 10 % tolerance.
            assertThat(fill[q]).isLessThanOrEqualTo((q + 1) / 4.0 * 1.10 + 1e-9);
        }
        assertThat(online.objective()).isGreaterThan(0.8 * hindsight.objective());

        YearPlanner.YearResult myopic = new YearPlanner().run(annual, weeks, Policy.defaults(),
                YearPlanner.engine(Policy.defaults(), options, Map.of()), 0.10, 1);
        assertThat(FeasibilityChecker.check(annual, myopic.assignment()).violations()).isEmpty();
    }

    @Test
    void solverSeesTheWeekAndTheAnnualPlacesStillFree() {
        Instance annual = roomy(RandomInstances.create(11, 200, 10), 30);
        int[] weeks = randomWeeks(annual, 11);
        Options options = Options.defaults().withTimeLimit(Duration.ofSeconds(2));
        YearPlanner.WeeklySolver myopic = YearPlanner.engine(Policy.defaults(), options, Map.of());
        List<YearPlanner.YearState> states = new ArrayList<>();
        List<Map<String, String>> placedPerCall = new ArrayList<>();
        YearPlanner.WeeklySolver recording = new YearPlanner.WeeklySolver() {
            @Override
            public Map<String, String> solve(Instance week) {
                throw new AssertionError("run() must pass the year state");
            }

            @Override
            public Map<String, String> solve(Instance week, YearPlanner.YearState state) {
                states.add(state);
                Map<String, String> placed = myopic.solve(week);
                placedPerCall.add(placed);
                return placed;
            }
        };
        new YearPlanner().run(annual, weeks, Policy.defaults(), recording, 0.10, 1);

        assertThat(states).isNotEmpty();
        Map<String, Integer> persons = new java.util.HashMap<>();
        for (Household h : annual.households()) {
            persons.put(h.id(), h.persons());
        }
        Map<String, Integer> used = new java.util.HashMap<>();
        int previousWeek = -1;
        for (int i = 0; i < states.size(); i++) {
            YearPlanner.YearState state = states.get(i);
            assertThat(state.week()).isGreaterThan(previousWeek).isLessThan(YearPlanner.WEEKS);
            previousWeek = state.week();
            // Annual places minus everything placed in earlier weeks, without the pacing cap.
            for (int m = 0; m < annual.municipalities().size(); m++) {
                Municipality a = annual.municipalities().get(m);
                assertThat(state.remaining().get(m).remainingPlaces())
                        .isEqualTo(a.remainingPlaces() - used.getOrDefault(a.number(), 0));
            }
            for (Map.Entry<String, String> e : placedPerCall.get(i).entrySet()) {
                used.merge(e.getValue(), persons.get(e.getKey()), Integer::sum);
            }
        }
    }

    @Test
    void reforecastingPotentialsKeepTheYearFeasibleAndPaced() {
        Instance annual = RandomInstances.create(21, 400, 12);
        int[] weeks = randomWeeks(annual, 21);
        Instance forecastYear = RandomInstances.create(22, 400, 12);
        // The forecast is another sample of households against the same municipalities.
        int[] forecastWeeks = randomWeeks(forecastYear, 22);
        Options options = Options.defaults().withTimeLimit(Duration.ofSeconds(4));
        AllocationResult hindsight = new AllocationEngine().solve(annual, Policy.defaults(), options);
        YearPlanner.WeeklySolver reforecasting = YearPlanner.reforecasting(Policy.defaults(), options,
                forecastYear.households(), forecastWeeks, 13, Duration.ofSeconds(1));
        YearPlanner.YearResult online = new YearPlanner().run(annual, weeks, Policy.defaults(), reforecasting,
                0.10, 1);

        assertThat(FeasibilityChecker.check(annual, online.assignment()).violations()).isEmpty();
        assertThat(online.objective()).isLessThanOrEqualTo(hindsight.upperBound() + 1e-6);
        double[] fill = online.quarterNationalFill();
        for (int q = 0; q < 4; q++) {
            assertThat(fill[q]).isLessThanOrEqualTo((q + 1) / 4.0 * 1.10 + 1e-9);
        }
        assertThat(online.objective()).isGreaterThan(0.8 * hindsight.objective());
    }

    @Test
    void reforecastingRefusesMismatchedForecastWeeks() {
        Instance forecastYear = RandomInstances.create(3, 20, 4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> YearPlanner.reforecasting(Policy.defaults(),
                Options.defaults(), forecastYear.households(), new int[3], 13, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instance roomy(Instance annual, int extra) {
        List<Municipality> out = new ArrayList<>();
        for (Municipality m : annual.municipalities()) {
            out.add(m.withPlaces(m.remainingPlaces() + extra, m.remainingMinorPlaces()));
        }
        return new Instance(annual.name(), annual.households(), out);
    }

    private static int[] randomWeeks(Instance annual, long seed) {
        int[] weeks = new int[annual.households().size()];
        Random r = new Random(seed);
        for (int i = 0; i < weeks.length; i++) {
            weeks[i] = r.nextInt(YearPlanner.WEEKS);
        }
        return weeks;
    }
}
