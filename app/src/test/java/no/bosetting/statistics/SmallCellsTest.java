package no.bosetting.statistics;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The published small-cell rule and the waiting-time arithmetic, without Spring. */
class SmallCellsTest {

    @Test
    void countsFromOneToFourAreSuppressedZeroAndFiveAreNot() {
        assertThat(SmallCells.count(0)).isZero();
        assertThat(SmallCells.count(1)).isNull();
        assertThat(SmallCells.count(4)).isNull();
        assertThat(SmallCells.count(5)).isEqualTo(5);
        assertThat(SmallCells.derived(12.5, 3)).isNull();
        assertThat(SmallCells.derived(12.5, 7)).isEqualTo(12.5);
    }

    @Test
    void aSuppressedWaitingRowHidesSmallCountsAndWhatIsDerivedFromThem() {
        WaitingRow row = new WaitingRow("SINGLE_MAN", 7, 40.0, 3, 50.0, 2, 60.0, 60.0, 0.5, 1.0, 1.0, List.of(0, 2, 0, 0, 0));

        WaitingRow shown = row.suppressed();

        assertThat(shown.allocatedHouseholds()).isEqualTo(7);
        assertThat(shown.avgDaysToAllocation()).isEqualTo(40.0);
        assertThat(shown.acceptedHouseholds()).isEqualTo(-1);
        assertThat(shown.avgDaysToAcceptance()).isNull();
        assertThat(shown.settledHouseholds()).isEqualTo(-1);
        assertThat(shown.avgDaysToSettlement()).isNull();
        assertThat(shown.shareWithin6Months()).isNull();
        assertThat(shown.distribution()).containsExactly(0, -1, 0, 0, 0);
        assertThat(new LivingSituationRow("PRIVATE", 3, 1).suppressed()).isEqualTo(new LivingSituationRow("PRIVATE", -1, -1));
        assertThat(new LivingSituationRow("AMOT", 12, 5).suppressed()).isEqualTo(new LivingSituationRow("AMOT", 12, 5));
    }

    @Test
    void waitingTimesOnKnownTimelines() {
        LocalDate permit = LocalDate.of(2025, 1, 1);
        List<CaseTimeline> timelines = List.of(
                new CaseTimeline(1, "SINGLE_MAN", 1, permit, permit.plusDays(10), permit.plusDays(20), permit.plusDays(40)),
                new CaseTimeline(2, "SINGLE_MAN", 1, permit, permit.plusDays(30), permit.plusDays(40), LocalDate.of(2025, 5, 1)),
                new CaseTimeline(3, "COUPLE_WITH_CHILDREN", 4, permit, permit.plusDays(50), null, null),
                new CaseTimeline(4, "COUPLE_WITH_CHILDREN", 3, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1),
                        LocalDate.of(2024, 7, 1), LocalDate.of(2025, 2, 1)));

        List<WaitingRow> rows = WaitingStatistics.compute(timelines, 2025, List.of("SINGLE_MAN", "COUPLE_WITH_CHILDREN"));

        WaitingRow all = rows.get(0);
        assertThat(all.householdType()).isEqualTo(WaitingStatistics.ALL);
        assertThat(all.allocatedHouseholds()).isEqualTo(3);
        assertThat(all.avgDaysToAllocation()).isCloseTo(30.0, within(1e-9));
        assertThat(all.acceptedHouseholds()).isEqualTo(2);
        assertThat(all.settledHouseholds()).isEqualTo(3);
        // 40, 120 and 397 days; within 3 months: one; within 6: two; within 12: two.
        assertThat(all.avgDaysToSettlement()).isCloseTo((40 + 120 + 397) / 3.0, within(1e-9));
        assertThat(all.medianDaysToSettlement()).isEqualTo(120.0);
        assertThat(all.shareWithin3Months()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(all.shareWithin6Months()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(all.shareWithin12Months()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(all.distribution()).containsExactly(0, 1, 1, 0, 1);
        assertThat(rows.get(1).settledHouseholds()).isEqualTo(2);
        assertThat(rows.get(2).settledHouseholds()).isEqualTo(1);
    }
}
