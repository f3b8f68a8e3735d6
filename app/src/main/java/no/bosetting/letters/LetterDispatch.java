package no.bosetting.letters;

import java.time.OffsetDateTime;

/** One letter handed to the digital mailbox (or, with the local adapter, recorded as it would have been). */
record LetterDispatch(long letterId, LetterKind kind, int version, String recipient, String channel, String status,
                             String externalId, OffsetDateTime sentAt) {
}
