package no.bosetting.deadlines;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deadline scheduler for operations (issue 22 item 7): runs on this node as Prometheus counters, and the health
 * group {@code scheduler}, down when the rules have not run on any node (ShedLock's row, real time in the database)
 * for three intervals — reminders and escalations would silently stop. Up with "disabled" where the scheduler is off.
 */
@Component("deadlineSchedulerHealthIndicator")
class SchedulerMonitor implements MeterBinder, HealthIndicator {

    private final DeadlineScheduler scheduler;
    private final JdbcClient jdbc;
    private final Duration interval;

    SchedulerMonitor(DeadlineScheduler scheduler, JdbcClient jdbc,
                     @Value("${bosetting.deadlines.interval:PT15M}") Duration interval) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.interval = interval;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String[] outcomes = {"completed", "skipped", "failed"};
        for (int i = 0; i < outcomes.length; i++) {
            int index = i;
            FunctionCounter.builder("bosetting.scheduler.runs", scheduler, s -> s.runCounts()[index])
                    .tag("outcome", outcomes[i])
                    .description("Deadline-rule runs on this node: completed, skipped (another node ran them) or failed")
                    .register(registry);
        }
        Gauge.builder("bosetting.scheduler.last.run.age.seconds", this, m -> m.sinceLastRun().map(Duration::toSeconds).orElse(-1L))
                .description("Seconds since the deadline rules last started on any node (-1: never)").register(registry);
    }

    @Override
    public Health health() {
        if (!scheduler.enabled()) {
            return Health.up().withDetail("scheduler", "disabled").build();
        }
        Optional<Duration> since = sinceLastRun();
        // At start-up the rules run at once; allow three intervals before calling a silent scheduler down.
        boolean late = since.map(d -> d.compareTo(interval.multipliedBy(3)) > 0).orElse(false);
        return (late ? Health.down() : Health.up())
                .withDetail("lastRunSecondsAgo", since.map(Duration::toSeconds).orElse(-1L))
                .withDetail("intervalSeconds", interval.toSeconds()).build();
    }

    /** Since the rules last started on any node (ShedLock's {@code locked_at}), by the database's own clock. */
    Optional<Duration> sinceLastRun() {
        // ShedLock (usingDbTime) writes UTC wall time into a column without a zone, and every session here runs in
        // Norwegian time: compare with the database's UTC wall time, not now(), or each run looks an hour or two old.
        return jdbc.sql("select extract(epoch from (now() at time zone 'UTC') - locked_at)::bigint from shedlock where name = :n")
                .param("n", DeadlineScheduler.LOCK_NAME).query(Long.class).optional().map(Duration::ofSeconds);
    }
}
