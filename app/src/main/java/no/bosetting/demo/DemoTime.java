package no.bosetting.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import no.bosetting.shared.TimeConfig;

/** Moments in Norwegian time for the planners: a date at a time of day, working days, the earlier or later of two. */
final class DemoTime {

    private DemoTime() {
    }

    static Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, TimeConfig.OSLO).toInstant();
    }

    static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, TimeConfig.OSLO);
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant workingDaysAfter(Instant from, int days) {
        ZonedDateTime t = from.atZone(TimeConfig.OSLO);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (workingDay(t)) {
                left--;
            }
        }
        return t.toInstant();
    }

    /** {@code days} working days before {@code from}, at 10:15. */
    static Instant workingDaysBefore(Instant from, int days) {
        ZonedDateTime t = from.atZone(TimeConfig.OSLO).withHour(10).withMinute(15);
        int left = days;
        while (left > 0) {
            t = t.minusDays(1);
            if (workingDay(t)) {
                left--;
            }
        }
        return t.toInstant();
    }

    private static boolean workingDay(ZonedDateTime t) {
        return t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
