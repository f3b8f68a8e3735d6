package no.bosetting.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Even pace through the year: a municipality's decided number spread over the quarters or the months
 * (a planning setting per year), the remainder going to the earliest periods so the year's total is exact.
 *
 * @param decided the decided persons, or null without a decision (then there are no targets)
 */
public record PacePlan(String municipalityNumber, int year, Integer decided, Period period, List<Target> targets) {

    /** The length of one pace period. */
    public enum Period {
        QUARTER(3), MONTH(1);

        private final int months;

        Period(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }

        public int count() {
            return 12 / months;
        }
    }

    /** One period's target: {@code index} is the quarter (1–4) or month (1–12). */
    public record Target(int index, LocalDate from, LocalDate to, int target, int cumulative) {
    }

    /** Quarterly targets. */
    public static PacePlan of(String municipalityNumber, int year, Integer decided) {
        return of(municipalityNumber, year, decided, Period.QUARTER);
    }

    public static PacePlan of(String municipalityNumber, int year, Integer decided, Period period) {
        List<Target> targets = new ArrayList<>();
        if (decided != null) {
            int count = period.count();
            int base = decided / count;
            int remainder = decided % count;
            int cumulative = 0;
            for (int i = 1; i <= count; i++) {
                int target = base + (i <= remainder ? 1 : 0);
                cumulative += target;
                LocalDate from = LocalDate.of(year, (i - 1) * period.months() + 1, 1);
                targets.add(new Target(i, from, from.plusMonths(period.months()).minusDays(1), target, cumulative));
            }
        }
        return new PacePlan(municipalityNumber, year, decided, period, List.copyOf(targets));
    }

    /** Persons that should be settled or accepted by the end of the period containing the date. */
    public int cumulativeTargetAt(LocalDate date) {
        if (decided == null || date.getYear() < year) {
            return 0;
        }
        if (date.getYear() > year) {
            return decided;
        }
        return targets.get(periodOf(date) - 1).cumulative();
    }

    /** The quarter (1–4) or month (1–12) containing the date. */
    public int periodOf(LocalDate date) {
        return (date.getMonthValue() - 1) / period.months() + 1;
    }

    public boolean monthly() {
        return period == Period.MONTH;
    }
}
