package no.bosetting.proposals;

import java.time.Clock;
import java.time.LocalDate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The proposal flow for operations (issue 22 item 7): proposals sent and answered (late or in time) as counters, and
 * pending proposals past their answer deadline as a gauge — counted from the proposal table, so every node reports
 * the same national numbers. The deadline is the one stored when the proposal was sent (ProposalAnswerDeadlines).
 */
@Component
class ProposalMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProposalMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The four figures in one statement, counted once per scrape (the meters read them within a second). */
    private record Figures(long sent, long inTime, long late, long overdue) {
    }

    private volatile Figures last;
    private volatile long lastAt;

    private Figures figures() {
        long now = System.nanoTime();
        Figures f = last;
        if (f == null || now - lastAt > 1_000_000_000L) {
            f = jdbc.sql("""
                    select count(*),
                           count(*) filter (where answered_at is not null and not coalesce(answered_late, false)),
                           count(*) filter (where answered_at is not null and answered_late),
                           count(*) filter (where status = :pending and deadline < :today)
                    from proposal""")
                    .param("pending", ProposalStatus.PENDING.name()).param("today", LocalDate.now(clock))
                    .query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
            last = f;
            lastAt = now;
        }
        return f;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("bosetting.proposals.sent", this, m -> m.figures().sent())
                .description("Proposals sent to municipalities").register(registry);
        FunctionCounter.builder("bosetting.proposals.answered", this, m -> m.figures().inTime())
                .tag("timing", "in_time").description("Proposals answered by the municipality").register(registry);
        FunctionCounter.builder("bosetting.proposals.answered", this, m -> m.figures().late())
                .tag("timing", "late").description("Proposals answered by the municipality").register(registry);
        Gauge.builder("bosetting.proposals.answers.overdue", this, m -> m.figures().overdue())
                .description("Pending proposals past their answer deadline").register(registry);
    }
}
