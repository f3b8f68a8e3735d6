package no.bosetting.messages;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A thread with its contacts and messages. Holds the case reference only, never names: the page adds
 * names where the reader may see them (and logs that read).
 */
public record ThreadView(ThreadRef ref, String caseReference, String municipalityName, String municipalityContactName,
                         String municipalityContactPhone, String municipalityContactEmail, String agencyContactUsername,
                         String agencyContactName, OffsetDateTime lastMessageAt, long lastReadMessageId,
                         List<MessageView> messages) {
}
