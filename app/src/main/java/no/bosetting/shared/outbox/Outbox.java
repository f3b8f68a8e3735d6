package no.bosetting.shared.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a side effect (letter, notification) in the same transaction as the change causing it.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String topic, String recipient, String subject, String body, Long caseId) {
        enqueue(topic, recipient, subject, body, caseId, null);
    }

    /**
     * As {@link #enqueue(String, String, String, String, Long)}, with the page the message points to
     * (relative to the application root, e.g. {@code /oppgaver#oppgave-12}); the e-mail copy links to it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String topic, String recipient, String subject, String body, Long caseId, String link) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into outbox_message (topic, recipient, subject, body, case_id, link, created_at, next_attempt_at)
                values (:topic, :recipient, :subject, :body, :caseId, :link, :now, :now)
                """)
                .param("topic", topic)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("caseId", caseId)
                .param("link", link)
                .param("now", now)
                .update();
    }
}
