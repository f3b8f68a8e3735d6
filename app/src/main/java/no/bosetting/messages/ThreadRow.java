package no.bosetting.messages;

import java.time.OffsetDateTime;

/** A thread in an inbox: no message text, no names. */
public record ThreadRow(ThreadRef ref, String caseReference, String municipalityName, String municipalityContactName,
                        String agencyContactName, OffsetDateTime lastMessageAt, long messages, long unread) {
}
