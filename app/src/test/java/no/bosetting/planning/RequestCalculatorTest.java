package no.bosetting.planning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The request rule on small, hand-computed inputs. */
class RequestCalculatorTest {

    private static final RequestCriteria EQUAL = new RequestCriteria(new double[]{1, 1, 1, 1, 1, 1}, 10, 30.0);

    private static RequestInput open(String number, String county, int population, int centrality) {
        return RequestInput.neutral(number, county, population, centrality);
    }

    @Test
    void splitsTheNationalNeedByPopulation() {
        List<RequestComputation> result = RequestCalculator.compute(1000, Map.of(),
                List.of(open("0001", "01", 60_000, 1), open("0002", "01", 30_000, 1), open("0003", "02", 10_000, 1)), EQUAL);

        assertThat(result).extracting(RequestComputation::persons).containsExactly(600, 300, 100);
        assertThat(result.get(0).share()).isCloseTo(0.6, within(1e-9));
        assertThat(result.get(0).poolCounty()).isNull();
        assertThat(result.get(0).poolNeed()).isEqualTo(1000);
    }

    @Test
    void weightsCentralityLabourMarketAndIntroductionResults() {
        // Weights: 10,000 × 1.0 = 10,000 and 10,000 × 2.0 (class 6) × 1.5 × 1.0 = 30,000 → 25 % and 75 % of 400.
        RequestCriteria criteria = new RequestCriteria(new double[]{1, 1, 1, 1, 1, 2}, 10, 30.0);
        RequestInput central = open("0001", "01", 10_000, 1);
        RequestInput rural = new RequestInput("0002", "01", 10_000, 6, 1.5, 1.0, null, false, 0, null, null, null);

        List<RequestComputation> result = RequestCalculator.compute(400, Map.of(), List.of(central, rural), criteria);

        assertThat(result.get(0).persons()).isEqualTo(100);
        assertThat(result.get(1).persons()).isEqualTo(300);
        assertThat(result.get(1).centralityWeight()).isEqualTo(2.0);
        assertThat(result.get(1).weight()).isCloseTo(30_000.0, within(1e-9));
    }

    @Test
    void appliesTheMinimumClosuresAndTheManualAdjustment() {
        RequestInput big = open("0001", "01", 99_000, 1);
        RequestInput tiny = open("0002", "01", 1_000, 1);
        RequestInput immigrantShare = new RequestInput("0003", "01", 50_000, 1, 1.0, 1.0, 31.5, false, 0, null, null, null);
        RequestInput closedByPlanner = new RequestInput("0004", "01", 50_000, 1, 1.0, 1.0, 5.0, true, 0, null, null, null);
        RequestInput adjusted = new RequestInput("0005", "01", 100_000, 1, 1.0, 1.0, null, false, -25, "Mangler boliger", "Fylket: ok", "KS: ok");

        List<RequestComputation> result = RequestCalculator.compute(200, Map.of(),
                List.of(big, tiny, immigrantShare, closedByPlanner, adjusted), EQUAL);

        // Open weight 200,000: big 99/200 × 200 = 99, tiny 1 → raised to 10, adjusted 100 − 25 = 75.
        assertThat(result.get(0).persons()).isEqualTo(99);
        assertThat(result.get(1).raw()).isCloseTo(1.0, within(1e-9));
        assertThat(result.get(1).minimumApplied()).isTrue();
        assertThat(result.get(1).persons()).isEqualTo(10);
        assertThat(result.get(2).closure()).isEqualTo(RequestComputation.Closure.IMMIGRANT_SHARE);
        assertThat(result.get(2).persons()).isZero();
        assertThat(result.get(3).closure()).isEqualTo(RequestComputation.Closure.PLANNER);
        assertThat(result.get(3).persons()).isZero();
        assertThat(result.get(4).computed()).isEqualTo(100);
        assertThat(result.get(4).persons()).isEqualTo(75);
        assertThat(result.get(4).explanation()).contains("adjustment=-25", "persons=75", "pool=national");
    }

    @Test
    void splitsWithinEachCountyWhenTheCommitteeGaveARegionalSplit() {
        List<RequestComputation> result = RequestCalculator.compute(300, Map.of("01", 100, "02", 200),
                List.of(open("0101", "01", 10_000, 1), open("0102", "01", 30_000, 1), open("0201", "02", 1_000_000, 1)), EQUAL);

        assertThat(result).extracting(RequestComputation::persons).containsExactly(25, 75, 200);
        assertThat(result.get(0).poolCounty()).isEqualTo("01");
        assertThat(result.get(2).poolNeed()).isEqualTo(200);
    }

    @Test
    void defaultCentralityWeightsFollowThe2022RequestPerThousandInhabitants() {
        RequestCriteria defaults = RequestCriteria.defaults();
        assertThat(defaults.weight(1)).isEqualTo(1.0);
        assertThat(defaults.weight(6)).isCloseTo(23.7 / 4.0, within(1e-9));
        assertThat(defaults.minimumPersons()).isEqualTo(10);
        assertThat(defaults.closedImmigrantShare()).isEqualTo(30.0);
        assertThat(RequestCriteria.parseWeights(defaults.weightsText())).containsExactly(RequestCriteria.DEFAULT_WEIGHTS);
    }

    @Test
    void quarterlyTargetsSpreadTheDecisionEvenly() {
        PacePlan plan = PacePlan.of("0001", 2026, 42);

        assertThat(plan.targets()).extracting(PacePlan.Target::target).containsExactly(11, 11, 10, 10);
        assertThat(plan.targets()).extracting(PacePlan.Target::cumulative).containsExactly(11, 22, 32, 42);
        assertThat(plan.cumulativeTargetAt(java.time.LocalDate.of(2026, 5, 15))).isEqualTo(22);
        assertThat(plan.cumulativeTargetAt(java.time.LocalDate.of(2025, 12, 31))).isZero();
        assertThat(plan.cumulativeTargetAt(java.time.LocalDate.of(2027, 1, 1))).isEqualTo(42);
        assertThat(PacePlan.of("0001", 2026, null).targets()).isEmpty();
    }
}
