package no.bosetting.shared.outbox;

/** The port through which outbox messages leave the system (in-app notification, e-mail, digital mailbox). */
public interface MessageSender {

    void send(OutboxMessage message) throws Exception;

    record OutboxMessage(long id, String topic, String recipient, String subject, String body, Long caseId) {
    }
}
