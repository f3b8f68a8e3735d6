package no.bosetting.letters;

/**
 * The port to the digital mailbox letters are sent through: SvarUt/KS Fiks style
 * ({@code bosetting.letters.mailbox=svarut}) or the local adapter (default) that only records what
 * would have been sent. Called by the outbox, so a failure is retried and a success is not repeated.
 */
public interface DigitalMailbox {

    Receipt send(Shipment shipment) throws Exception;

    /**
     * Whether the shipment must carry the PDF. The local adapter needs none: the letter is stored already
     * and its PDF is rendered when someone opens it, so thousands of letters cost no rendering until read.
     */
    default boolean needsFile() {
        return true;
    }

    /**
     * One letter ({@code pdf} is null when the mailbox needs no file). {@code recipientType} is PERSON (identified by DUF number) or MUNICIPALITY (by
     * municipality number); {@code reference} is stable per letter, so the receiver can drop a repeat.
     */
    record Shipment(long letterId, String reference, LetterKind kind, String recipientType, String recipientId,
                    String recipientName, String title, String caseReference, String filename, byte[] pdf) {
    }

    /** What the mailbox answered: channel (e.g. SVARUT, LOCAL), status and its own id for the shipment. */
    record Receipt(String channel, String status, String externalId) {
    }
}
