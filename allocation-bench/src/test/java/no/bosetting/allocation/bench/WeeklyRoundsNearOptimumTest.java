package no.bosetting.allocation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.bosetting.allocation.engine.AllocationEngine;
import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.FeasibilityChecker;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.engine.Policy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15 item 1: the engine's share of the optimum on benchmark rounds of weekly size, in deterministic mode (work
 * counts only, so the same on any machine). The optima were proven offline with the benchmark's exact method on
 * the same instances (README, fourth pass): {@code bin/bench-allocation --households N --seed S --methods exact
 * --exact-solver SCIP --exact-time-limit 40}, OR-Tools 9.14 SCIP, every allowed pair a binary, relative gap 10⁻⁴;
 * the reference below is SCIP's best bound (an upper bound on the optimum, so the share is understated by at most
 * 0.01 point). For 1,000 households no optimum is proven; the reference is CBC's best bound after 98 s (fourth
 * pass, CBC table), again an upper bound. The floor of each row lies between the share before the sixth pass's
 * moves (ejection chains, exact neighbourhoods, kicks) and after them, so the test fails if they are lost:
 * 200/2 99.836 % → 99.888 %, 200/3 99.854 % → 99.978 %, 300/2 99.803 % → 99.876 %, 1,000/2 99.839 % → 99.854 %.
 * (The floors were raised, never lowered: the fifth pass's were 99.80, 99.80, 99.78 and 99.82, between the shares
 * before class re-assignment, 99.705, 99.725, 99.737 and 99.774 %, and after it.)
 */
class WeeklyRoundsNearOptimumTest {

    @ParameterizedTest(name = "{0} households, seed {1}")
    @CsvSource({
        "200, 2, 3720.16, 99.86",
        "200, 3, 3745.43, 99.90",
        "300, 2, 5768.65, 99.84",
        "1000, 2, 21191.01, 99.845",
    })
    void deterministicShareOfTheProvenOptimum(int households, long seed, double optimumBound, double floorPercent) {
        String key = "bosetting.engine.deterministic";
        String before = System.getProperty(key);
        System.setProperty(key, "true");
        try {
            Instance instance = InstanceGenerator.generate(households, seed);
            AllocationResult r = new AllocationEngine().solve(instance, Policy.defaults(),
                    Options.defaults().withSeed(seed).withTimeLimit(Duration.ofSeconds(10)));
            double share = 100 * r.objective() / optimumBound;
            System.out.printf("SHARE %d %d %.4f %.3f%n", households, seed, r.objective(), share);
            assertThat(FeasibilityChecker.check(instance, r.assignment()).feasible()).isTrue();
            assertThat(r.objective()).isLessThanOrEqualTo(optimumBound);
            assertThat(share).isGreaterThanOrEqualTo(floorPercent);
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
