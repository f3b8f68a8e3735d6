package no.bosetting.shared.outbox;

/**
 * The port through which outbox messages leave the system (in-app notification, e-mail, digital
 * mailbox). Each message goes to the first sender, in {@code @Order}, that handles its topic; the
 * in-app sender comes last and takes everything.
 */
public interface MessageSender {

    void send(OutboxMessage message) throws Exception;

    /** Whether this sender delivers messages of the topic (e.g. {@code NOTIFICATION}, {@code DECISION_LETTER}). */
    default boolean handles(String topic) {
        return true;
    }

    record OutboxMessage(long id, String topic, String recipient, String subject, String body, Long caseId) {
    }
}
