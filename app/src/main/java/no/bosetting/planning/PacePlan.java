package no.bosetting.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Even pace through the year: a municipality's decided number spread over the four quarters, the
 * remainder going to the earliest quarters so the year's total is exact.
 *
 * @param decided the decided persons, or null without a decision (then there are no targets)
 */
public record PacePlan(String municipalityNumber, int year, Integer decided, List<QuarterTarget> quarters) {

    public record QuarterTarget(int quarter, LocalDate from, LocalDate to, int target, int cumulative) {
    }

    public static PacePlan of(String municipalityNumber, int year, Integer decided) {
        List<QuarterTarget> quarters = new ArrayList<>();
        if (decided != null) {
            int base = decided / 4;
            int remainder = decided % 4;
            int cumulative = 0;
            for (int q = 1; q <= 4; q++) {
                int target = base + (q <= remainder ? 1 : 0);
                cumulative += target;
                LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
                quarters.add(new QuarterTarget(q, from, from.plusMonths(3).minusDays(1), target, cumulative));
            }
        }
        return new PacePlan(municipalityNumber, year, decided, List.copyOf(quarters));
    }

    /** Persons that should be settled or accepted by the end of the quarter containing the date. */
    public int cumulativeTargetAt(LocalDate date) {
        if (decided == null || date.getYear() < year) {
            return 0;
        }
        if (date.getYear() > year) {
            return decided;
        }
        return quarters.get((date.getMonthValue() - 1) / 3).cumulative();
    }

    public int quarterOf(LocalDate date) {
        return (date.getMonthValue() - 1) / 3 + 1;
    }
}
