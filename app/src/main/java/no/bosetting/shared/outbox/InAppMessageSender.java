package no.bosetting.shared.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivers messages as in-app notifications the recipient sees on their start page; the fallback for
 * every topic. Each notification is also sent by e-mail when the recipient has an address. The notification keeps
 * the message's wordings, so it is shown in the reader's language ({@link Notifications}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class InAppMessageSender implements MessageSender {

    private final JdbcClient jdbc;
    private final Clock clock;

    public InAppMessageSender(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean alsoByEmail() {
        return true;
    }

    @Override
    public void send(OutboxMessage message) {
        jdbc.sql("""
                insert into notification (recipient, subject, body, case_id, created_at, subject_key, subject_args, body_key, body_args)
                values (:recipient, :subject, :body, :caseId, :now, :subjectKey, :subjectArgs, :bodyKey, :bodyArgs)
                """)
                .param("recipient", message.recipient())
                .param("subject", message.subject())
                .param("body", message.body())
                .param("caseId", message.caseId())
                .param("now", OffsetDateTime.now(clock))
                .param("subjectKey", message.subjectWording() == null ? null : message.subjectWording().key())
                .param("subjectArgs", message.subjectWording() == null ? null : message.subjectWording().argsJson())
                .param("bodyKey", message.bodyWording() == null ? null : message.bodyWording().key())
                .param("bodyArgs", message.bodyWording() == null ? null : message.bodyWording().argsJson())
                .update();
    }
}
