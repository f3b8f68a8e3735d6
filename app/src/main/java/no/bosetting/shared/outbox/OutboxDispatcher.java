package no.bosetting.shared.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers undelivered outbox messages, one per transaction. A row is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two application instances (or two threads) never hold the same
 * message; it is marked delivered in the same transaction that sent it. A failed delivery keeps its
 * last error and waits before the next attempt, the wait doubling from the first retry delay (1 min,
 * 2 min, 4 min, …) up to a maximum number of attempts; after that it stays undelivered and is listed
 * as failing for the administrator.
 *
 * <p>Delivery is at least once, not exactly once: if an external sender (the SMTP server) accepts a
 * message and the transaction then fails to commit (the database connection drops in between), the
 * row is still undelivered and is sent again on a later run. The in-app notification has no such
 * gap, since it is written in the same transaction as the delivered mark. The e-mail sent again carries the same
 * {@code Message-ID} (the outbox id, {@link EmailMessageSender#messageId}), so a mail store that deduplicates on it
 * shows it once; {@code bin/crash-test} kills a node in exactly that gap and checks it (issue 22 item 5).
 *
 * <p>A message delivered by a sender that asks for it ({@link MessageSender#alsoByEmail()}, the in-app
 * notifications) gets an e-mail copy as a new outbox row with topic {@value #EMAIL} addressed to the
 * recipient's e-mail address, in the same transaction, so the e-mail has its own retries.
 */
@Component
public class OutboxDispatcher {

    public static final String EMAIL = EmailMessageSender.TOPIC;
    private static final int BATCH = 20_000;
    private static final Duration MAX_RUN = Duration.ofSeconds(4);
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final List<MessageSender> senders;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectProvider<RecipientAddresses> addresses;
    private final int maxAttempts;
    private final Duration firstRetry;

    @Autowired
    public OutboxDispatcher(JdbcClient jdbc, List<MessageSender> senders, TransactionTemplate tx, Clock clock,
                            ObjectProvider<RecipientAddresses> addresses,
                            @Value("${bosetting.outbox.max-attempts:10}") int maxAttempts,
                            @Value("${bosetting.outbox.first-retry:PT1M}") Duration firstRetry) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.tx = tx;
        this.clock = clock;
        this.addresses = addresses;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** The crash-test pause after an e-mail is handed over and before it is marked sent (bin/crash-test). */
    private no.bosetting.shared.CrashPoints crashPoints = no.bosetting.shared.CrashPoints.NONE;

    @Autowired(required = false)
    void setCrashPoints(no.bosetting.shared.CrashPoints crashPoints) {
        this.crashPoints = crashPoints;
    }

    /** When this node's dispatcher last finished a scheduled run (monotonic time), for the {@code outbox} health group. */
    private volatile long lastScheduledRun = System.nanoTime();

    @Scheduled(fixedDelayString = "${bosetting.outbox.interval:PT5S}")
    public void scheduled() {
        dispatchPending();
        lastScheduledRun = System.nanoTime();
    }

    /** Time since this node's dispatcher last finished a scheduled run (or since it started). */
    Duration sinceLastScheduledRun() {
        return Duration.ofNanos(System.nanoTime() - lastScheduledRun);
    }

    /**
     * Delivers what is due now, for up to a few seconds of work per run (so a backlog — a fresh demo's year
     * of letters — drains in a minute or two instead of 200 messages per interval); returns how many were delivered.
     */
    public int dispatchPending() {
        int delivered = 0;
        long stopAt = System.nanoTime() + MAX_RUN.toNanos();
        for (int i = 0; i < BATCH && System.nanoTime() < stopAt; i++) {
            Outcome outcome = tx.execute(this::dispatchOne);
            if (outcome == null || outcome == Outcome.NONE) {
                break;
            }
            if (outcome == Outcome.DELIVERED) {
                delivered++;
            }
        }
        return delivered;
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones: doubling from the first retry delay. */
    Duration backoff(int attempts) {
        return firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    }

    private enum Outcome { NONE, DELIVERED, FAILED }

    private record Claimed(MessageSender.OutboxMessage message, int attempts) {
    }

    private Outcome dispatchOne(TransactionStatus status) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Claimed> claimed = jdbc.sql("""
                select id, topic, recipient, subject, body, case_id, link, attempts, subject_key, subject_args, body_key, body_args
                from outbox_message
                where delivered_at is null and attempts < :max and next_attempt_at <= :now
                order by next_attempt_at, id limit 1 for update skip locked
                """)
                .param("max", maxAttempts).param("now", now)
                .query((rs, n) -> new Claimed(new MessageSender.OutboxMessage(rs.getLong("id"), rs.getString("topic"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        (Long) rs.getObject("case_id"), rs.getString("link"),
                        Wording.stored(rs.getString("subject_key"), rs.getString("subject_args")),
                        Wording.stored(rs.getString("body_key"), rs.getString("body_args"))), rs.getInt("attempts")))
                .optional();
        if (claimed.isEmpty()) {
            return Outcome.NONE;
        }
        MessageSender.OutboxMessage m = claimed.get().message();
        // A sender that writes to the database and fails must not take the failure mark down with it.
        Object savepoint = status.createSavepoint();
        try {
            MessageSender sender = senderFor(m.topic());
            sender.send(m);
            status.releaseSavepoint(savepoint);
            if (EMAIL.equals(m.topic())) {
                crashPoints.reached("e-mail dispatch", m.id()); // handed over, not yet marked sent
            }
            jdbc.sql("update outbox_message set delivered_at = :now, attempts = attempts + 1, last_error = null where id = :id")
                    .param("now", now).param("id", m.id()).update();
            if (sender.alsoByEmail()) {
                copyByEmail(m, now);
            }
            return Outcome.DELIVERED;
        } catch (Exception e) {
            status.rollbackToSavepoint(savepoint);
            int attempts = claimed.get().attempts() + 1;
            log.warn("Delivery of outbox message {} ({}) failed, attempt {} of {}: {}", m.id(), m.topic(), attempts,
                    maxAttempts, e.toString());
            String error = e.toString();
            jdbc.sql("update outbox_message set attempts = :attempts, last_error = :err, next_attempt_at = :next where id = :id")
                    .param("attempts", attempts)
                    .param("err", error.length() > 2000 ? error.substring(0, 2000) : error)
                    .param("next", now.plus(backoff(attempts)))
                    .param("id", m.id()).update();
            return Outcome.FAILED;
        }
    }

    private void copyByEmail(MessageSender.OutboxMessage m, OffsetDateTime now) {
        RecipientAddresses lookup = addresses.getIfAvailable();
        Optional<String> address = lookup == null ? Optional.empty() : lookup.emailOf(m.recipient());
        if (address.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into outbox_message (topic, recipient, subject, body, case_id, link, created_at, next_attempt_at)
                values (:topic, :recipient, :subject, :body, :caseId, :link, :now, :now)
                """)
                .param("topic", EMAIL).param("recipient", address.get()).param("subject", m.subject())
                .param("body", m.body()).param("caseId", m.caseId()).param("link", m.link()).param("now", now)
                .update();
    }

    private MessageSender senderFor(String topic) {
        return senders.stream().filter(s -> s.handles(topic)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No sender for outbox topic " + topic));
    }
}
