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

    /**
     * Whether a message this sender delivered should also go out by e-mail to the recipient's address,
     * when they have one: true for the in-app notifications, so every notification reaches people
     * who are not signed in.
     */
    default boolean alsoByEmail() {
        return false;
    }

    /**
     * @param link the page the message points to, relative to the application root; may be null
     * @param subjectWording what the subject was worded from, for the reader's language; null for a text only
     * @param bodyWording    what the body was worded from; null for a text only
     */
    record OutboxMessage(long id, String topic, String recipient, String subject, String body, Long caseId, String link,
                         Wording subjectWording, Wording bodyWording) {

        public OutboxMessage(long id, String topic, String recipient, String subject, String body, Long caseId, String link) {
            this(id, topic, recipient, subject, body, caseId, link, null, null);
        }

        public OutboxMessage(long id, String topic, String recipient, String subject, String body, Long caseId) {
            this(id, topic, recipient, subject, body, caseId, null);
        }
    }
}
