package no.bosetting.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figures of the statistics pages, the open statistics API and the CSV/XLSX exports, computed at most once per
 * {@code bosetting.statistics.max-age} (default five minutes) for each year and form (issue 22 item 2). At national
 * scale one computation costs about a second of database time (report of issue 22: 1 view/s on
 * {@code /offentlig/statistikk}); now a view reads the figures kept in memory and every output says when they were
 * computed. The rule: figures older than the maximum age are computed again by the next view that needs them (one
 * view at a time per year and form; the others wait for it and take its result). Each node keeps its own figures,
 * so with two nodes each shows figures at most that old, with their time on the page.
 */
@Component
public class StatisticsCache {

    /** One year's statistics in one form, and when they were computed. */
    public record Figures(PublishedStatistics.Tables tables, MovesAndHistory.Moves moves, List<MovesAndHistory.HistoryYear> history,
                          Instant asOf) {
    }

    private record Key(int year, boolean suppress) {
    }

    private final PublishedStatistics statistics;
    private final MovesAndHistory movesAndHistory;
    private final Clock clock;
    private final Map<Key, Figures> figures = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong computations = new AtomicLong();
    private volatile Duration maxAge;

    public StatisticsCache(PublishedStatistics statistics, MovesAndHistory movesAndHistory, Clock clock,
                           @Value("${bosetting.statistics.max-age:PT5M}") Duration maxAge) {
        this.statistics = statistics;
        this.movesAndHistory = movesAndHistory;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The year's figures, small-cell rule applied when {@code suppress}; computed now only when the kept ones are too old. */
    public Figures figures(int year, boolean suppress) {
        Key key = new Key(year, suppress);
        Figures kept = figures.get(key);
        if (fresh(kept)) {
            return kept;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            kept = figures.get(key);
            if (fresh(kept)) {
                return kept;
            }
            // The time the computation starts: every change committed before it is in the figures.
            Instant asOf = clock.instant();
            Figures computed = new Figures(suppress ? statistics.suppressed(year) : statistics.unsuppressed(year),
                    movesAndHistory.moves(year, suppress), movesAndHistory.history(), asOf);
            computations.incrementAndGet();
            figures.put(key, computed);
            return computed;
        }
    }

    private boolean fresh(Figures f) {
        Instant now = clock.instant();
        return f != null && !maxAge.isZero() && !f.asOf().isAfter(now) && f.asOf().plus(maxAge).isAfter(now);
    }

    /** How many times figures were computed since start (for tests and the measurements of issue 22). */
    public long computations() {
        return computations.get();
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** Changes the maximum age (tests: the suite's profile sets zero, a test of the rule sets it back). */
    public void maxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }
}
