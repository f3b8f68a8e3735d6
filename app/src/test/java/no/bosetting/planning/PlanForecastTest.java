package no.bosetting.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.WaitingHouseholds.Waiting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast in plain Java: arrivals per month and household type, places per quarter against the decided places. */
class PlanForecastTest {

    private static final int YEAR = 2022;
    private static final LocalDate NEW_YEAR = LocalDate.of(YEAR, 1, 1);

    @Test
    void arrivalsAreSplitByMonthTypeAndLivingSituationAndNeedAPlaceByTheirTarget() {
        ForecastAssumptions a = new ForecastAssumptions(null,
                Map.of(HouseholdType.SINGLE_MAN, 50.0, HouseholdType.COUPLE_WITH_CHILDREN, 50.0), 10.0);

        PlanForecast.Result f = PlanForecast.compute(YEAR, 1_200, a, List.of(), NEW_YEAR, 1_000);

        assertThat(f.months()).hasSize(12).allSatisfy(m -> {
            assertThat(m.permits()).isEqualTo(100);
            assertThat(m.byType()).containsEntry(HouseholdType.SINGLE_MAN, 50).containsEntry(HouseholdType.COUPLE_WITH_CHILDREN, 50);
            assertThat(m.livingPrivately()).isEqualTo(10);
            assertThat(m.needingPlace()).isEqualTo(90);
        });
        // 45 families a month need their place 3 months on, 45 single men 6 months on (settlement-process.md §1).
        assertThat(f.quarters()).extracting(PlanForecast.Quarter::fromArrivals).containsExactly(0, 135, 270, 270);
        assertThat(f.neededAfter()).isEqualTo(135 + 270);
        assertThat(f.arrivals()).isEqualTo(1_200);
        assertThat(f.livingPrivately()).isEqualTo(120);
        // Decided places spread evenly: a quarter per quarter, against the cumulative need.
        assertThat(f.quarters()).extracting(PlanForecast.Quarter::decidedCumulative).containsExactly(250, 500, 750, 1_000);
        assertThat(f.quarters()).extracting(PlanForecast.Quarter::cumulativeNeeded).containsExactly(0, 135, 405, 675);
        assertThat(f.quarters()).extracting(PlanForecast.Quarter::difference).containsExactly(250, 365, 345, 325);
        assertThat(f.sharesSource()).isEqualTo(PlanForecast.SharesSource.ENTERED);
    }

    @Test
    void monthlyPermitsAreUsedAsEnteredAndEveryMonthAddsUp() {
        // The 2022 shape: a normal start, then the war in Ukraine from March.
        int[] months = {400, 450, 3_000, 5_000, 5_000, 4_000, 3_500, 3_000, 2_500, 2_000, 1_500, 1_150};
        ForecastAssumptions a = new ForecastAssumptions(months, Map.of(HouseholdType.SINGLE_WOMAN, 33.3,
                HouseholdType.SINGLE_ADULT_WITH_CHILDREN, 33.3, HouseholdType.SINGLE_MAN, 33.4), null);

        PlanForecast.Result f = PlanForecast.compute(YEAR, 31_500, a, List.of(), NEW_YEAR, 35_000);

        for (int m = 0; m < 12; m++) {
            PlanForecast.Month month = f.months().get(m);
            assertThat(month.permits()).isEqualTo(months[m]);
            assertThat(month.byType().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(months[m]);
            assertThat(month.needingPlace()).isEqualTo(months[m]);
        }
        int inYear = f.neededInYear();
        assertThat(inYear + f.neededAfter()).isEqualTo(31_500);
        // The second quarter holds the single parents who arrived January–March (3-month target): 133 + 150 + 999 by
        // largest remainder (133.2, 149.85, 999.0); the single adults of those months need their places in the third quarter.
        assertThat(f.quarters().get(1).fromArrivals()).isEqualTo(133 + 150 + 999);
        assertThat(f.quarters().get(0).fromArrivals()).isZero();
    }

    @Test
    void householdsAlreadyWaitingNeedTheirPlaceByTheirTargetOrNowWhenItHasPassed() {
        LocalDate today = LocalDate.of(YEAR, 5, 10);
        List<Waiting> waiting = List.of(
                new Waiting(HouseholdType.COUPLE_WITH_CHILDREN, false, LocalDate.of(YEAR, 8, 1), 2, 9),   // third quarter
                new Waiting(HouseholdType.SINGLE_MAN, true, LocalDate.of(YEAR, 3, 1), 3, 3),              // overdue: now (Q2)
                new Waiting(HouseholdType.SINGLE_WOMAN, false, LocalDate.of(YEAR + 1, 2, 1), 1, 1));      // next year

        PlanForecast.Result f = PlanForecast.compute(YEAR, 0, ForecastAssumptions.NONE, waiting, today, 8);

        assertThat(f.quarters()).extracting(PlanForecast.Quarter::fromWaiting).containsExactly(0, 3, 9, 0);
        assertThat(f.neededAfter()).isEqualTo(1);
        assertThat(f.waitingPersons()).isEqualTo(13);
        assertThat(f.quarters()).extracting(PlanForecast.Quarter::difference).containsExactly(2, 1, -6, -4);
        assertThat(f.quarters().get(2).shortfall()).isTrue();
        // Without entered shares, the mix of those waiting is used.
        assertThat(f.sharesSource()).isEqualTo(PlanForecast.SharesSource.WAITING);
        assertThat(f.shares().get(HouseholdType.COUPLE_WITH_CHILDREN)).isEqualTo(9 * 100.0 / 13);
    }

    @Test
    void planningNextYearCountsThoseDueThisYearAsNeededBefore() {
        LocalDate today = LocalDate.of(YEAR - 1, 11, 1);
        List<Waiting> waiting = List.of(new Waiting(HouseholdType.SINGLE_MAN, false, LocalDate.of(YEAR - 1, 12, 1), 1, 1));

        PlanForecast.Result f = PlanForecast.compute(YEAR, 120, ForecastAssumptions.NONE, waiting, today, 0);

        assertThat(f.neededBefore()).isEqualTo(1);
        assertThat(f.months()).allSatisfy(m -> assertThat(m.byType()).containsOnlyKeys(HouseholdType.SINGLE_MAN));
    }

    @Test
    void splitsAddUpByLargestRemainder() {
        assertThat(PlanForecast.spread(1_125, 12)).containsExactly(94, 94, 94, 94, 94, 94, 94, 94, 94, 93, 93, 93);
        Map<HouseholdType, Integer> split = PlanForecast.split(10, Map.of(HouseholdType.SINGLE_MAN, 1.0, HouseholdType.SINGLE_WOMAN, 1.0,
                HouseholdType.OTHER, 1.0));
        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(split).containsEntry(HouseholdType.SINGLE_MAN, 4).containsEntry(HouseholdType.SINGLE_WOMAN, 3);
    }
}
