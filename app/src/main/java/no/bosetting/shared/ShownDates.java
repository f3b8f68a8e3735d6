package no.bosetting.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How a date is written for people: dd.MM.yyyy on every page, letter, notification and error message, in every language
 * (issue 16 point 1), and a point in time as dd.MM.yyyy HH:mm in Norwegian time. Written once here; the templates'
 * time format ({@code shared.web.TimeFormat}) and the message texts use it.
 */
public final class ShownDates {

    public static final String DATE_PATTERN = "dd.MM.yyyy";
    public static final String DATE_TIME_PATTERN = "dd.MM.yyyy HH:mm";
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(DATE_TIME_PATTERN);

    private ShownDates() {
    }

    /** The date as written for people; empty for none. */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /**
     * A message's arguments with dates and points in time written as people read them: a {@link LocalDate} argument of a
     * refusal ("the deadline was {0}") would otherwise show as 2026-11-20, MessageFormat's ISO form.
     */
    public static Object[] inMessage(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            Object a = shown[i];
            if (a instanceof LocalDate d) {
                shown[i] = DATE.format(d);
            } else if (a instanceof Instant t) {
                shown[i] = DATE_TIME.format(t.atZone(TimeConfig.OSLO));
            } else if (a instanceof OffsetDateTime o) {
                shown[i] = DATE_TIME.format(o.atZoneSameInstant(TimeConfig.OSLO));
            } else if (a instanceof ZonedDateTime z) {
                shown[i] = DATE_TIME.format(z.withZoneSameInstant(TimeConfig.OSLO));
            }
        }
        return shown;
    }
}
