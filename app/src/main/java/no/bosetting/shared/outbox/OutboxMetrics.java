package no.bosetting.shared.outbox;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox for operations (issue 22 item 7): backlog and failures as Prometheus gauges (counted in the database, so
 * every node reports the same numbers), and the health group {@code outbox}: down when this node's dispatcher has not
 * finished a run for three intervals and a minute — it is stuck, and messages wait on it. Messages that gave up are a
 * detail and a gauge for the administrator's outbox page, not a reason to take the node out of the load balancer.
 */
@Component("outboxDispatcherHealthIndicator")
class OutboxMetrics implements MeterBinder, HealthIndicator {

    private final OutboxHealth outbox;
    private final OutboxDispatcher dispatcher;
    private final Duration stuckAfter;

    OutboxMetrics(OutboxHealth outbox, OutboxDispatcher dispatcher,
                  @Value("${bosetting.outbox.interval:PT5S}") Duration interval) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.stuckAfter = interval.multipliedBy(3).plusMinutes(1);
    }

    /** One count per scrape: the three gauges read the same summary within a second of each other. */
    private volatile OutboxHealth.Summary lastSummary;
    private volatile long lastSummaryAt;

    private OutboxHealth.Summary summary() {
        long now = System.nanoTime();
        OutboxHealth.Summary s = lastSummary;
        if (s == null || now - lastSummaryAt > 1_000_000_000L) {
            s = outbox.summary();
            lastSummary = s;
            lastSummaryAt = now;
        }
        return s;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bosetting.outbox.backlog", this, m -> m.summary().undelivered())
                .description("Messages not yet delivered that will still be tried").register(registry);
        Gauge.builder("bosetting.outbox.failing", this, m -> m.summary().failing())
                .description("Undelivered messages with at least one failed attempt").register(registry);
        Gauge.builder("bosetting.outbox.gave.up", this, m -> m.summary().gaveUp())
                .description("Undelivered messages past the maximum number of attempts").register(registry);
        Gauge.builder("bosetting.outbox.dispatcher.idle.seconds", dispatcher, d -> d.sinceLastScheduledRun().toSeconds())
                .description("Seconds since this node's dispatcher last finished a run").register(registry);
    }

    @Override
    public Health health() {
        OutboxHealth.Summary s = outbox.summary();
        Duration idle = dispatcher.sinceLastScheduledRun();
        return (idle.compareTo(stuckAfter) > 0 ? Health.down() : Health.up())
                .withDetail("backlog", s.undelivered()).withDetail("failing", s.failing()).withDetail("gaveUp", s.gaveUp())
                .withDetail("dispatcherIdleSeconds", idle.toSeconds()).build();
    }
}
