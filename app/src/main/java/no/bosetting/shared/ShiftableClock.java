package no.bosetting.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock, unless the current thread has set another instant. The demo-data generator
 * replays a year of real commands at their own dates this way, and tests control time with it;
 * in normal operation no thread sets it.
 */
public class ShiftableClock extends Clock {

    private static final ThreadLocal<Instant> OVERRIDE = new ThreadLocal<>();

    private final Clock delegate;

    public ShiftableClock(Clock delegate) {
        this.delegate = delegate;
    }

    /** Runs the task with this thread's "now" set to {@code instant}. */
    public static void runAt(Instant instant, Runnable task) {
        Instant previous = OVERRIDE.get();
        OVERRIDE.set(instant);
        try {
            task.run();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    public static void set(Instant instant) {
        OVERRIDE.set(instant);
    }

    public static void reset() {
        OVERRIDE.remove();
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ShiftableClock(delegate.withZone(zone));
    }

    @Override
    public Instant instant() {
        Instant override = OVERRIDE.get();
        return override != null ? override : delegate.instant();
    }
}
