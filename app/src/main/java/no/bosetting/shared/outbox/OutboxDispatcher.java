package no.bosetting.shared.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers undelivered outbox messages. Rows are claimed with SKIP LOCKED, so two application
 * instances never deliver the same message; a failed delivery is retried up to a limit.
 */
@Component
public class OutboxDispatcher {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final List<MessageSender> senders;
    private final TransactionTemplate tx;
    private final Clock clock;

    public OutboxDispatcher(JdbcClient jdbc, List<MessageSender> senders, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bosetting.outbox.interval:PT5S}")
    public void scheduled() {
        dispatchPending();
    }

    /** Delivers a batch; returns how many were delivered. */
    public int dispatchPending() {
        Integer delivered = tx.execute(status -> {
            List<MessageSender.OutboxMessage> batch = jdbc.sql("""
                    select id, topic, recipient, subject, body, case_id from outbox_message
                    where delivered_at is null and attempts < :max
                    order by id limit 100 for update skip locked
                    """)
                    .param("max", MAX_ATTEMPTS)
                    .query((rs, n) -> new MessageSender.OutboxMessage(rs.getLong("id"), rs.getString("topic"),
                            rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                            (Long) rs.getObject("case_id")))
                    .list();
            int ok = 0;
            for (MessageSender.OutboxMessage m : batch) {
                try {
                    senderFor(m.topic()).send(m);
                    jdbc.sql("update outbox_message set delivered_at = :now, attempts = attempts + 1 where id = :id")
                            .param("now", OffsetDateTime.now(clock)).param("id", m.id()).update();
                    ok++;
                } catch (Exception e) {
                    log.warn("Delivery of outbox message {} failed: {}", m.id(), e.toString());
                    jdbc.sql("update outbox_message set attempts = attempts + 1, last_error = :err where id = :id")
                            .param("err", e.toString()).param("id", m.id()).update();
                }
            }
            return ok;
        });
        return delivered == null ? 0 : delivered;
    }

    private MessageSender senderFor(String topic) {
        return senders.stream().filter(s -> s.handles(topic)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No sender for outbox topic " + topic));
    }
}
