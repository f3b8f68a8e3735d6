package no.bosetting.selfsettlement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The agency's answer target for a forwarded request: 3 working days after the day it was forwarded.
 * Working days, not calendar days, because the agency's caseworkers do not work on weekends or Norwegian
 * public holidays: a request forwarded on the Wednesday before Easter is due the Thursday after it, not on
 * Easter Monday.
 */
public final class DecisionTarget {

    public static final int WORKING_DAYS = 3;

    private static final HolidayManager NORWAY = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));
    /** Public holidays per year, computed once (the holiday manager's own cache is not documented as thread-safe). */
    private static final Map<Integer, Set<LocalDate>> HOLIDAYS = new ConcurrentHashMap<>();

    private DecisionTarget() {
    }

    public static LocalDate due(LocalDate forwardedOn) {
        LocalDate d = forwardedOn;
        int added = 0;
        while (added < WORKING_DAYS) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                added++;
            }
        }
        return d;
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive); 0 when {@code to} is not later. */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    /** Monday to Friday, and not a Norwegian public holiday. */
    public static boolean isWorkingDay(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return !HOLIDAYS.computeIfAbsent(d.getYear(), y -> NORWAY.getHolidays(Year.of(y)).stream()
                .map(Holiday::getDate).collect(Collectors.toUnmodifiableSet())).contains(d);
    }
}
