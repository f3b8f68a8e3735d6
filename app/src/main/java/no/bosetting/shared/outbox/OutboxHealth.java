package no.bosetting.shared.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How the outbox is doing, for the administrator: waiting, failing and delivered messages. */
@Service
public class OutboxHealth {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxAttempts;

    public OutboxHealth(JdbcClient jdbc, Clock clock, @Value("${bosetting.outbox.max-attempts:10}") int maxAttempts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /**
     * @param undelivered not yet delivered, still to be tried (including those waiting for a retry)
     * @param failing     undelivered with at least one failed attempt, including those that gave up
     * @param gaveUp      undelivered after the maximum number of attempts: no more tries
     * @param delivered24h delivered in the last 24 hours
     */
    public record Summary(long undelivered, long failing, long gaveUp, long delivered24h, int maxAttempts) {
    }

    public record FailingMessage(long id, String topic, String recipient, String subject, int attempts,
                                 OffsetDateTime nextAttemptAt, String lastError, boolean gaveUp) {
    }

    public Summary summary() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                select count(*) filter (where delivered_at is null and attempts < :max),
                       count(*) filter (where delivered_at is null and attempts > 0),
                       count(*) filter (where delivered_at is null and attempts >= :max),
                       count(*) filter (where delivered_at > :since and delivered_at <= :now)
                from outbox_message
                """)
                .param("max", maxAttempts).param("since", now.minusHours(24)).param("now", now)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), maxAttempts))
                .single();
    }

    /** The failing messages, latest first. */
    public List<FailingMessage> failing(int limit) {
        return jdbc.sql("""
                select id, topic, recipient, subject, attempts, next_attempt_at, last_error from outbox_message
                where delivered_at is null and attempts > 0 order by id desc limit :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new FailingMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getInt(5) >= maxAttempts))
                .list();
    }
}
