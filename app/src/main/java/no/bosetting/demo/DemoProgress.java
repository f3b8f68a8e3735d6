package no.bosetting.demo;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A console line every few seconds while the first start replays the demo year (issue 22 item 4), so a newcomer sees
 * what it is doing and how far it is: "Demo data: 4 210 of 15 036 events (28 %) in 17 s, about 44 s left".
 * Elapsed time is the machine's monotonic time, not the application clock, which the replay moves through the year.
 */
final class DemoProgress {

    static final long EVERY_NANOS = 5_000_000_000L;
    static final DemoProgress SILENT = new DemoProgress(0, () -> 0L, line -> { });

    private final String label;
    private final int total;
    private final LongSupplier nanos;
    private final Consumer<String> out;
    private final long started;
    private long lastLine;
    private int done;

    DemoProgress(int total, LongSupplier nanos, Consumer<String> out) {
        this("Demo data", total, nanos, out);
    }

    /** Progress lines that start with {@code label} (the history's: "Demo history 2022"). */
    DemoProgress(String label, int total, LongSupplier nanos, Consumer<String> out) {
        this.label = label;
        this.total = total;
        this.nanos = nanos;
        this.out = out;
        this.started = nanos.getAsLong();
        this.lastLine = started;
    }

    void step() {
        done++;
        long now = nanos.getAsLong();
        if (total > 0 && now - lastLine >= EVERY_NANOS) {
            lastLine = now;
            out.accept(line(label, done, total, now - started));
        }
    }

    static String line(int done, int total, long elapsedNanos) {
        return line("Demo data", done, total, elapsedNanos);
    }

    static String line(String label, int done, int total, long elapsedNanos) {
        long seconds = elapsedNanos / 1_000_000_000L;
        String line = String.format("%s: %s of %s events (%d %%) in %d s", label, grouped(done), grouped(total),
                done * 100L / total, seconds);
        if (done * 100L < total) {
            return line; // too early to say how long is left
        }
        return line + String.format(", about %d s left", Math.round((double) elapsedNanos * (total - done) / done / 1e9));
    }

    private static String grouped(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
