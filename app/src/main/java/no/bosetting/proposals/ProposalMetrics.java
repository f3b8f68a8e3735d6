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

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("bosetting.proposals.sent", this, m -> m.count("select count(*) from proposal"))
                .description("Proposals sent to municipalities").register(registry);
        FunctionCounter.builder("bosetting.proposals.answered", this,
                        m -> m.count("select count(*) from proposal where answered_at is not null and not coalesce(answered_late, false)"))
                .tag("timing", "in_time").description("Proposals answered by the municipality").register(registry);
        FunctionCounter.builder("bosetting.proposals.answered", this,
                        m -> m.count("select count(*) from proposal where answered_at is not null and answered_late"))
                .tag("timing", "late").description("Proposals answered by the municipality").register(registry);
        Gauge.builder("bosetting.proposals.answers.overdue", this, ProposalMetrics::overdue)
                .description("Pending proposals past their answer deadline").register(registry);
    }

    private double count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private double overdue() {
        return jdbc.sql("select count(*) from proposal where status = :pending and deadline < :today")
                .param("pending", ProposalStatus.PENDING.name()).param("today", LocalDate.now(clock))
                .query(Long.class).single();
    }
}
