package no.bosetting.shared.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.springframework.context.MessageSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a side effect (letter, notification) in the same transaction as the change causing it.
 */
@Component
public class Outbox {

    private static final Locale BOKMAL = Locale.forLanguageTag("nb");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;

    public Outbox(JdbcClient jdbc, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
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
        insert(topic, recipient, subject, body, null, null, caseId, link);
    }

    /**
     * A message worded from message keys: stored with its Norwegian (bokmål) text, which the e-mail copy and the record
     * use, and with the wordings, so the in-app notification is shown in the reader's language ({@link Notifications}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String topic, String recipient, Wording subject, Wording body, Long caseId) {
        enqueue(topic, recipient, subject, body, caseId, null);
    }

    /** As {@link #enqueue(String, String, Wording, Wording, Long)}, with the page the message points to. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String topic, String recipient, Wording subject, Wording body, Long caseId, String link) {
        insert(topic, recipient, subject.in(messages, BOKMAL), body.in(messages, BOKMAL), subject, body, caseId, link);
    }

    private void insert(String topic, String recipient, String subject, String body, Wording subjectWording,
                        Wording bodyWording, Long caseId, String link) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into outbox_message (topic, recipient, subject, body, case_id, link, created_at, next_attempt_at,
                    subject_key, subject_args, body_key, body_args)
                values (:topic, :recipient, :subject, :body, :caseId, :link, :now, :now,
                    :subjectKey, :subjectArgs, :bodyKey, :bodyArgs)
                """)
                .param("topic", topic)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("caseId", caseId)
                .param("link", link)
                .param("now", now)
                .param("subjectKey", subjectWording == null ? null : subjectWording.key())
                .param("subjectArgs", subjectWording == null ? null : subjectWording.argsJson())
                .param("bodyKey", bodyWording == null ? null : bodyWording.key())
                .param("bodyArgs", bodyWording == null ? null : bodyWording.argsJson())
                .update();
    }
}
