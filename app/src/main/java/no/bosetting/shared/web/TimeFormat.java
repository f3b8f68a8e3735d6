package no.bosetting.shared.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import no.bosetting.shared.ShownDates;
import no.bosetting.shared.TimeConfig;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way templates show dates and times: {@code ${@time.format(x, 'dd.MM.yyyy HH:mm')}}. A point in time
 * ({@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}) is shown in Norwegian time ({@link TimeConfig#OSLO}),
 * the zone deadlines are counted in, so a save at 23:40 shows that day everywhere; a date or a local date-time is
 * shown as it is. Templates never use {@code #temporals.format} (NoUtcTimestampsInTemplatesTest).
 */
@Component("time")
public class TimeFormat {

    /** The value in the given pattern, in Norwegian time if it is a point in time; null for null (an empty text). */
    public String format(Object value, String pattern) {
        TemporalAccessor local = oslo(value);
        return local == null ? null : DateTimeFormatter.ofPattern(pattern, LocaleContextHolder.getLocale()).format(local);
    }

    /** dd.MM.yyyy */
    public String date(Object value) {
        return format(value, ShownDates.DATE_PATTERN);
    }

    /** dd.MM.yyyy HH:mm */
    public String dateTime(Object value) {
        return format(value, ShownDates.DATE_TIME_PATTERN);
    }

    static TemporalAccessor oslo(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i.atZone(TimeConfig.OSLO);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(TimeConfig.OSLO);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(TimeConfig.OSLO);
        }
        if (value instanceof TemporalAccessor t) {
            return t;
        }
        throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
    }
}
