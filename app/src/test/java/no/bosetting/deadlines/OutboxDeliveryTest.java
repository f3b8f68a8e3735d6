package no.bosetting.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;
import no.bosetting.access.Actor;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.outbox.MessageSender;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.OutboxDispatcher;
import no.bosetting.shared.outbox.OutboxHealth;
import no.bosetting.shared.outbox.RecipientAddresses;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox: retries with doubling waits after a failing sender, no double delivery, e-mail that really arrives. */
@IntegrationTest
class OutboxDeliveryTest extends DeadlinesIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    List<MessageSender> senders;
    @Autowired
    ObjectProvider<RecipientAddresses> addresses;
    @Autowired
    OutboxHealth health;
    @Autowired
    java.time.Clock clock;

    /** A sender for one test topic in front of the application's own senders. */
    private OutboxDispatcher dispatcherWith(MessageSender first) {
        List<MessageSender> all = new ArrayList<>();
        all.add(first);
        all.addAll(senders);
        return new OutboxDispatcher(jdbc, all, tx, clock, addresses, 10, Duration.ofMinutes(1));
    }

    private record Row(int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, String lastError) {
    }

    private Row row(String topic) {
        return jdbc.sql("select attempts, next_attempt_at, delivered_at, last_error from outbox_message where topic = :t")
                .param("t", topic)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .single();
    }

    @Test
    void aFailingDeliveryIsRetriedWithDoublingWaitsAndSucceedsLaterOnce() {
        String topic = "TEST_RETRY_" + Fixtures.next();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        OutboxDispatcher dispatcher = dispatcherWith(new MessageSender() {
            @Override
            public boolean handles(String t) {
                return topic.equals(t);
            }

            @Override
            public void send(OutboxMessage message) {
                if (calls.incrementAndGet() <= 2) {
                    throw new IllegalStateException("SMTP-tjeneren svarer ikke");
                }
                delivered.incrementAndGet();
            }
        });
        // Far enough ahead that the application's own dispatcher (real time) never finds it due.
        Instant start = TestClock.today().plusYears(3).atStartOfDay(no.bosetting.shared.TimeConfig.OSLO).toInstant()
                .plusSeconds(Fixtures.next() % 3600);
        ShiftableClock.runAt(start, () -> tx.executeWithoutResult(s -> outbox.enqueue(topic, "mottaker", "Emne", "Tekst", null)));

        ShiftableClock.runAt(start, dispatcher::dispatchPending);
        Row first = row(topic);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.deliveredAt()).isNull();
        assertThat(first.lastError()).contains("SMTP-tjeneren svarer ikke");
        assertThat(first.nextAttemptAt().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(1)));

        // Not due yet: nothing happens half a minute later.
        ShiftableClock.runAt(start.plusSeconds(30), dispatcher::dispatchPending);
        assertThat(calls).hasValue(1);

        ShiftableClock.runAt(start.plus(Duration.ofMinutes(1)), dispatcher::dispatchPending);
        Row second = row(topic);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(1 + 2)));
        assertThat(health.failing(1000)).anyMatch(f -> f.topic().equals(topic) && f.lastError().contains("svarer ikke"));

        ShiftableClock.runAt(start.plus(Duration.ofMinutes(2)), dispatcher::dispatchPending);
        assertThat(calls).hasValue(2);
        ShiftableClock.runAt(start.plus(Duration.ofMinutes(3)), dispatcher::dispatchPending);
        Row third = row(topic);
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.deliveredAt()).isNotNull();
        assertThat(third.lastError()).isNull();

        ShiftableClock.runAt(start.plus(Duration.ofHours(5)), dispatcher::dispatchPending);
        assertThat(delivered).hasValue(1);
        assertThat(calls).hasValue(3);
    }

    @Test
    void twoDispatchersAtOnceDeliverEveryMessageExactlyOnce() throws Exception {
        String topic = "TEST_CONCURRENT_" + Fixtures.next();
        Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        MessageSender counting = new MessageSender() {
            @Override
            public boolean handles(String t) {
                return topic.equals(t);
            }

            @Override
            public void send(OutboxMessage message) throws Exception {
                deliveries.computeIfAbsent(message.id(), k -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(2); // keep both dispatchers busy at the same time
            }
        };
        Instant at = TestClock.today().plusYears(4).atStartOfDay(no.bosetting.shared.TimeConfig.OSLO).toInstant()
                .plusSeconds(Fixtures.next() % 3600);
        ShiftableClock.runAt(at, () -> tx.executeWithoutResult(s -> {
            for (int i = 0; i < 40; i++) {
                outbox.enqueue(topic, "mottaker-" + i, "Emne " + i, "Tekst", null);
            }
        }));
        OutboxDispatcher one = dispatcherWith(counting);
        OutboxDispatcher two = dispatcherWith(counting);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (OutboxDispatcher d : List.of(one, two)) {
                runs.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    ShiftableClock.runAt(at, d::dispatchPending);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ShiftableClock.runAt(at, one::dispatchPending);
        assertThat(deliveries).hasSize(40);
        assertThat(deliveries.values()).allMatch(c -> c.get() == 1);
        assertThat(jdbc.sql("select count(*) from outbox_message where topic = :t and delivered_at is not null")
                .param("t", topic).query(Long.class).single()).isEqualTo(40);
    }

    @Test
    void aNotificationArrivesInTheAppAndByEmailWithTheRightRecipientSubjectAndLink() throws Exception {
        Actor officer = officerWithEmail("1577");
        String subject = "Test av e-post " + Fixtures.next();
        LocalDate day = TestClock.today().plusDays(400);
        onDay(day, () -> tx.executeWithoutResult(s -> outbox.enqueue("NOTIFICATION", officer.username(), subject,
                "Gjør noe innen fristen.", null, "/oppgaver#oppgave-42")));
        onDay(day, () -> {
            for (int i = 0; i < 100 && dispatcher.dispatchPending() > 0; i++) {
                // notifications first, then their e-mail copies
            }
        });
        onDay(day, dispatcher::dispatchPending);

        assertThat(jdbc.sql("select count(*) from notification where recipient = :r and subject = :s")
                .param("r", officer.username()).param("s", subject).query(Long.class).single()).isEqualTo(1);
        List<MimeMessage> mails = mails(officer).stream().filter(m -> {
            try {
                return m.getSubject().contains(subject);
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Bosetting: " + subject);
        assertThat(String.valueOf(mails.get(0).getContent()))
                .contains("Gjør noe innen fristen.")
                .contains("http://localhost:8080/oppgaver#oppgave-42");
        // A user without an address gets the in-app notification only.
        String nobody = "uten-epost-" + Fixtures.next();
        onDay(day, () -> tx.executeWithoutResult(s -> outbox.enqueue("NOTIFICATION", nobody, subject, "Tekst", null)));
        onDay(day, dispatcher::dispatchPending);
        onDay(day, dispatcher::dispatchPending);
        assertThat(jdbc.sql("select count(*) from outbox_message where topic = 'EMAIL' and subject = :s")
                .param("s", subject).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Issue 22 item 5 (bin/crash-test): a node dies after the SMTP server accepted the e-mail and before the outbox row
     * was marked sent, so the row is still pending and is sent again. Both hand-overs carry the same Message-ID, made
     * from the outbox id, so the mail store keeps one e-mail; the row ends delivered once.
     */
    @Test
    void anEmailSentAgainAfterACrashBeforeTheCommitCarriesTheSameMessageIdAndIsDeliveredOnce() throws Exception {
        String address = "krasj-" + Fixtures.next() + "@example.test";
        String subject = "Krasjtest " + Fixtures.next();
        LocalDate day = TestClock.today().plusDays(500 + Fixtures.next() % 100);
        onDay(day, () -> tx.executeWithoutResult(s -> outbox.enqueue(OutboxDispatcher.EMAIL, address, subject, "Tekst", null)));
        long id = jdbc.sql("select id from outbox_message where topic = 'EMAIL' and subject = :s").param("s", subject)
                .query(Long.class).single();

        // The "crash": the e-mail is handed over, then the transaction that marks it sent never commits.
        onDay(day, () -> tx.executeWithoutResult(s -> {
            dispatcher.dispatchPending();
            s.setRollbackOnly();
        }));
        assertThat(jdbc.sql("select delivered_at from outbox_message where id = :id").param("id", id)
                .query(OffsetDateTime.class).optional()).isEmpty();
        // The next run (the surviving node) sends it again and marks it.
        onDay(day, dispatcher::dispatchPending);

        List<MimeMessage> handedOver = java.util.Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals("Bosetting: " + subject);
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(handedOver).as("at least once: SMTP accepted it twice").hasSize(2);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage m : handedOver) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).as("one idempotency key: the mail store keeps one e-mail").containsExactly("<outbox-" + id + "@localhost>");
        assertThat(jdbc.sql("select count(*) from outbox_message where id = :id and delivered_at is not null and attempts = 1")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }
}
