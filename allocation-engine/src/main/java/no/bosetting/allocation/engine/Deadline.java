package no.bosetting.allocation.engine;

/**
 * A point in time (System.nanoTime) by which a phase must stop, measured from the start of the search. In
 * deterministic mode ({@code -Dbosetting.engine.deterministic=true}) it never passes, so every phase stops on its
 * work counts alone and the result is the same on any machine and under any load.
 */
final class Deadline {

    private final long start;
    private final long end;
    private final boolean clockless;

    private Deadline(long start, long end, boolean clockless) {
        this.start = start;
        this.end = end;
        this.clockless = clockless;
    }

    /** From now to {@code end}; clockless when the system property asks for deterministic mode. */
    static Deadline until(long end) {
        return new Deadline(System.nanoTime(), end, Boolean.getBoolean("bosetting.engine.deterministic"));
    }

    /** The deadline at {@code percent} % of this one's span, counted from the same start. */
    Deadline share(long percent) {
        return new Deadline(start, start + (end - start) * percent / 100, clockless);
    }

    boolean passed() {
        return !clockless && System.nanoTime() > end;
    }

    boolean clockless() {
        return clockless;
    }

    /** Seconds since the start, for traces. */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
