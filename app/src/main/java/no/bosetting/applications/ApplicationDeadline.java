package no.bosetting.applications;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The six-month deadline: the rule used, its start date and the last day an application is on time
 * (inclusive; six calendar months after the start, 31 August → end of February).
 */
public record ApplicationDeadline(DeadlineStartRule rule, LocalDate start, LocalDate lastDay) {

    /** An application sent on this day is late (and goes to the discretionary queue). */
    public boolean isLate(LocalDate sentOn) {
        return sentOn.isAfter(lastDay);
    }

    /** Days left including today; negative once the deadline has passed. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, lastDay);
    }
}
