package no.bosetting.planning;

import java.util.stream.IntStream;

import no.bosetting.planning.CapacityDecision.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period decision's year share for per-year overviews (statistics, even pace) spreads the total over the period
 * instead of repeating it in every year, which would multiply the capacity shown (issue 14 item 3).
 */
class CapacityDecisionYearShareTest {

    @Test
    void bærumsThreeHundredForThreeYearsIsAHundredAYearAndMoldesTotalAddsUp() {
        // Report 003 lines 2347–2348: 300 persons in 2008–2010 (100 per year); lines 2420–2421: Molde 115 for 2008–2011.
        assertThat(IntStream.rangeClosed(2008, 2010).map(y -> period(y, 2008, 2010, 300).yearShare())).containsExactly(100, 100, 100);
        assertThat(IntStream.rangeClosed(2008, 2011).map(y -> period(y, 2008, 2011, 115).yearShare()))
                .containsExactly(29, 29, 29, 28);
        assertThat(IntStream.rangeClosed(2008, 2011).map(y -> period(y, 2008, 2011, 115).yearShare()).sum()).isEqualTo(115);
    }

    @Test
    void aRangeSharesItsMinimumAndAYearItsNumber() {
        CapacityDecision range = new CapacityDecision(1, "5007", 2011, 30, 0, null, Kind.RANGE, 50, null, null, false);
        assertThat(range.yearShare()).isEqualTo(30);
        assertThat(range.ceiling()).isEqualTo(50);
        assertThat(new CapacityDecision(1, "4602", 2011, 35, 5, null, Kind.YEAR, null, null, null, true).yearShare()).isEqualTo(35);
    }

    private static CapacityDecision period(int year, int first, int last, int total) {
        return new CapacityDecision(1, "3201", year, total, 0, null, Kind.PERIOD, null, first, last, false);
    }
}
