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
}
