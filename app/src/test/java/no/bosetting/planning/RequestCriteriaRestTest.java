package no.bosetting.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Settlement experience, dispersal, the unaccompanied-minor request and monthly pace on hand-computed inputs. */
class RequestCriteriaRestTest {

    private static final double[] EQUAL = {1, 1, 1, 1, 1, 1};

    private static RequestInput input(String number, String county, int population, int centrality, boolean minors, Double settled) {
        return new RequestInput(number, county, population, centrality, 1.0, 1.0, null, false, 0, null, null, null, minors, settled, 0.0);
    }

    @Test
    void settlementExperienceMovesTheWeightByItsDistanceFromTheAverage() {
        // Same population; 2 and 6 settled per 1,000 → average 4; weight 1 gives factors 0.5 and 1.5 → 100 and 300 of 400.
        RequestCriteria criteria = new RequestCriteria(EQUAL, 10, 30.0, 1.0, 0.0, 0);
        List<RequestComputation> result = RequestCalculator.compute(400, Map.of(),
                List.of(input("0001", "01", 10_000, 1, false, 2.0), input("0002", "01", 10_000, 1, false, 6.0)), criteria);

        assertThat(result.get(0).averagePer1000()).isCloseTo(4.0, within(1e-9));
        assertThat(result.get(0).experienceFactor()).isCloseTo(0.5, within(1e-9));
        assertThat(result.get(1).experienceFactor()).isCloseTo(1.5, within(1e-9));
        assertThat(result).extracting(RequestComputation::persons).containsExactly(100, 300);
        assertThat(result.get(1).explanation()).contains("settledPer1000=6.00 (entered)").contains("experienceFactor=1.500");

        // The system's own figure is used when nothing is entered; weight 0 ignores experience.
        RequestInput fromSystem = RequestInput.neutral("0003", "01", 10_000, 1).withSystemExperience(3.5);
        assertThat(fromSystem.settledPer1000()).isEqualTo(3.5);
        List<RequestComputation> neutral = RequestCalculator.compute(400, Map.of(),
                List.of(input("0001", "01", 10_000, 1, false, 2.0), input("0002", "01", 10_000, 1, false, 6.0)),
                new RequestCriteria(EQUAL, 10, 30.0));
        assertThat(neutral).extracting(RequestComputation::persons).containsExactly(200, 200);
    }

    @Test
    void experienceFactorStaysWithinItsBounds() {
        RequestCriteria criteria = new RequestCriteria(EQUAL, 0, 30.0, 5.0, 0.0, 0);
        List<RequestComputation> result = RequestCalculator.compute(1000, Map.of(),
                List.of(input("0001", "01", 10_000, 1, false, 0.0), input("0002", "01", 10_000, 1, false, 20.0)), criteria);
        assertThat(result.get(0).experienceFactor()).isEqualTo(0.25);
        assertThat(result.get(1).experienceFactor()).isEqualTo(4.0);
    }

    @Test
    void dispersalMovesSizeClassSharesTowardTheirPopulationShares() {
        // Base weights 40,000 each (40,000 × 1 in class 1; 10,000 × 4 in class 6); population shares 80 % / 20 % by size class.
        double[] weights = {1, 1, 1, 1, 1, 4};
        List<RequestInput> inputs = List.of(input("0001", "01", 40_000, 1, false, null), input("0002", "01", 10_000, 6, false, null));

        List<RequestComputation> none = RequestCalculator.compute(1000, Map.of(), inputs, new RequestCriteria(weights, 10, 30.0, 0, 0, 0));
        assertThat(none).extracting(RequestComputation::persons).containsExactly(500, 500);

        List<RequestComputation> full = RequestCalculator.compute(1000, Map.of(), inputs, new RequestCriteria(weights, 10, 30.0, 0, 1.0, 0));
        assertThat(full.get(0).sizeShares()).containsExactly(0.8, 0.5);
        assertThat(full.get(0).dispersalFactor()).isCloseTo(1.6, within(1e-9));
        assertThat(full.get(1).dispersalFactor()).isCloseTo(0.4, within(1e-9));
        assertThat(full).extracting(RequestComputation::persons).containsExactly(800, 200);

        List<RequestComputation> half = RequestCalculator.compute(1000, Map.of(), inputs, new RequestCriteria(weights, 10, 30.0, 0, 0.5, 0));
        assertThat(half).extracting(RequestComputation::persons).containsExactly(667, 333);
    }

    @Test
    void dispersalCorrectsCountySharesOnlyWithoutARegionalSplit() {
        // Same size class; county 01 has half the population but, through centrality, 75 % of the weight.
        double[] weights = {1, 1, 1, 1, 1, 3};
        List<RequestInput> inputs = List.of(input("0001", "01", 30_000, 6, false, null), input("0002", "02", 30_000, 1, false, null));
        List<RequestComputation> national = RequestCalculator.compute(1000, Map.of(), inputs, new RequestCriteria(weights, 10, 30.0, 0, 1.0, 0));
        assertThat(national.get(0).countyShares()).containsExactly(0.5, 0.75);
        assertThat(national.get(0).sizeShares()).containsExactly(1.0, 1.0);
        assertThat(national).extracting(RequestComputation::persons).containsExactly(500, 500);

        List<RequestComputation> regional = RequestCalculator.compute(1000, Map.of("01", 900, "02", 100), inputs,
                new RequestCriteria(weights, 10, 30.0, 0, 1.0, 0));
        assertThat(regional.get(0).countyShares()).isNull();
        assertThat(regional).extracting(RequestComputation::persons).containsExactly(900, 100);
    }

    @Test
    void theMinorsNeedGoesToOpenMunicipalitiesWithChildWelfareCapacityByTheirRequest() {
        RequestCriteria criteria = new RequestCriteria(EQUAL, 10, 30.0, 0, 0, 40);
        RequestInput closed = new RequestInput("0004", "01", 20_000, 1, 1.0, 1.0, 35.0, false, 0, null, null, null, true, null, 0.0);
        List<RequestComputation> result = RequestCalculator.compute(500, Map.of(),
                List.of(input("0001", "01", 10_000, 1, true, null), input("0002", "01", 30_000, 1, true, null),
                        input("0003", "01", 10_000, 1, false, null), closed), criteria);

        assertThat(result).extracting(RequestComputation::persons).containsExactly(100, 300, 100, 0);
        assertThat(result.get(0).minorsShare()).isCloseTo(0.25, within(1e-9));
        assertThat(result).extracting(RequestComputation::minors).containsExactly(10, 30, 0, 0);
        assertThat(result.get(1).explanation()).contains("minorsCapacity=true").contains("minors=30");
    }

    @Test
    void theMinorsRequestIsNeverAboveThePersonsRequest() {
        List<RequestComputation> result = RequestCalculator.compute(20, Map.of(),
                List.of(input("0001", "01", 10_000, 1, true, null)), new RequestCriteria(EQUAL, 10, 30.0, 0, 0, 50));
        assertThat(result.get(0).persons()).isEqualTo(20);
        assertThat(result.get(0).minors()).isEqualTo(20);
    }

    @Test
    void monthlyPaceSpreadsTheDecisionOverTwelveMonths() {
        PacePlan plan = PacePlan.of("0001", 2026, 30, PacePlan.Period.MONTH);
        assertThat(plan.targets()).hasSize(12);
        assertThat(plan.targets()).extracting(PacePlan.Target::target).containsExactly(3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2);
        assertThat(plan.targets().get(11).cumulative()).isEqualTo(30);
        assertThat(plan.targets().get(1).to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(plan.cumulativeTargetAt(LocalDate.of(2026, 2, 10))).isEqualTo(6);
        assertThat(plan.cumulativeTargetAt(LocalDate.of(2026, 7, 15))).isEqualTo(20);
        assertThat(plan.cumulativeTargetAt(LocalDate.of(2027, 1, 1))).isEqualTo(30);
        // The quarterly plan of the same decision allows more in February.
        assertThat(PacePlan.of("0001", 2026, 30).cumulativeTargetAt(LocalDate.of(2026, 2, 10))).isEqualTo(8);
    }
}
