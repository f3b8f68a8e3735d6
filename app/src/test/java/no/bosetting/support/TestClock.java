package no.bosetting.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;

/**
 * The one source of "today" and "now" for every test: plain unit tests, fixtures and the application
 * itself in integration and browser tests (as its {@link Clock} bean, see {@link TestClockConfig}).
 *
 * <p>Without {@code -Dbosetting.test.today} it is the real Norwegian time, so the suite keeps meeting new
 * days. With {@code -Dbosetting.test.today=2026-12-31} the run starts at noon Oslo time on that date, and with
 * {@code -Dbosetting.test.today=2026-12-31T23:30} at that Oslo time; either way the clock then ticks on in real
 * time, so durations inside a test (code validity, retries) behave as in production. A thread may still move
 * its own "now" with {@link ShiftableClock#runAt}.
 */
public final class TestClock {

    public static final String PROPERTY = "bosetting.test.today";

    private static final ShiftableClock CLOCK = new ShiftableClock(
            Clock.offset(Clock.system(TimeConfig.OSLO), offsetFrom(System.getProperty(PROPERTY))));

    private TestClock() {
    }

    /** The clock the application under test uses too. */
    public static Clock clock() {
        return CLOCK;
    }

    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(CLOCK);
    }

    public static ZonedDateTime zonedNow() {
        return ZonedDateTime.now(CLOCK);
    }

    public static Instant instant() {
        return CLOCK.instant();
    }

    /** How far the chosen start lies from the real time; zero when no date is chosen. */
    static Duration offsetFrom(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return Duration.ZERO;
        }
        LocalDateTime start;
        try {
            start = chosen.contains("T") ? LocalDateTime.parse(chosen.trim())
                    : LocalDate.parse(chosen.trim()).atTime(LocalTime.NOON);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '" + chosen + "'", e);
        }
        // Real system time is read here once, to anchor the chosen start; everything else goes through CLOCK.
        Instant real = Clock.systemUTC().instant();
        return Duration.between(real, start.atZone(TimeConfig.OSLO).toInstant());
    }
}
