package no.bosetting.cases;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one settlement target (settlement-process.md §1: "families with children settled within 3 months of the
 * permit, single adults within 6 months, unaccompanied minors within 3 months; anyone past the target is
 * long-waiting"). Counted from the permit date in calendar months; a household is long-waiting from the day
 * after its due date. The case list, the statistics, the long-waiting deadline rule and the allocation round all
 * ask this class, so they agree on every household.
 */
public final class SettlementTarget {

    /** Months to the target for families with children and unaccompanied minors. */
    public static final int PRIORITY_MONTHS = 3;
    /** Months to the target for every other household; also the last target, past which anyone waits too long. */
    public static final int OTHER_MONTHS = 6;

    private SettlementTarget() {
    }

    public static int months(HouseholdType type) {
        return priority(type) ? PRIORITY_MONTHS : OTHER_MONTHS;
    }

    /** Families with children and unaccompanied minors: the short target. */
    public static boolean priority(HouseholdType type) {
        return type.withChildren() || type == HouseholdType.UNACCOMPANIED_MINOR;
    }

    /** The last day on which the household is settled within its target. */
    public static LocalDate dueDate(LocalDate permitDate, HouseholdType type) {
        return permitDate.plusMonths(months(type));
    }

    /** The due date of the longest target, whatever the household. */
    public static LocalDate latestDueDate(LocalDate permitDate) {
        return permitDate.plusMonths(OTHER_MONTHS);
    }

    /** Past the due date on {@code today} (an open household; the caller checks that the case is open). */
    public static boolean isLongWaiting(LocalDate permitDate, HouseholdType type, LocalDate today) {
        return today.isAfter(dueDate(permitDate, type));
    }

    /** The target in days from the permit date (for day-based consumers such as the allocation engine). */
    public static int targetDays(LocalDate permitDate, HouseholdType type) {
        return (int) ChronoUnit.DAYS.between(permitDate, dueDate(permitDate, type));
    }

    /**
     * The same due date as a PostgreSQL expression, built from this rule's constants, for queries that select
     * long-waiting households in SQL: {@code dueDateSql("permit_date", "household_type") < :today}.
     */
    public static String dueDateSql(String permitDateColumn, String householdTypeColumn) {
        String priorityTypes = Arrays.stream(HouseholdType.values()).filter(SettlementTarget::priority)
                .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
        return "(" + permitDateColumn + " + (case when " + householdTypeColumn + " in (" + priorityTypes + ") then "
                + PRIORITY_MONTHS + " else " + OTHER_MONTHS + " end) * interval '1 month')::date";
    }
}
