package no.bosetting.selfsettlement;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The agency's answer target for a forwarded request: 3 working days (Monday–Friday) after the day it
 * was forwarded. Working days, not calendar days, because the agency's caseworkers do not work on
 * weekends and a request forwarded on a Friday should not be overdue on Monday. Public holidays are
 * not taken out (no holiday calendar is kept), so the target errs on the strict side.
 */
public final class DecisionTarget {

    public static final int WORKING_DAYS = 3;

    private DecisionTarget() {
    }

    public static LocalDate due(LocalDate forwardedOn) {
        LocalDate d = forwardedOn;
        int added = 0;
        while (added < WORKING_DAYS) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return d;
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive); 0 when {@code to} is not later. */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
