package no.bosetting.letters;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A generated letter (without its file). {@code templates} names the template versions it was written
 * from; {@code current} is false for an earlier version of the same letter.
 */
public record Letter(long id, LetterKind kind, long caseId, Long personId, String municipalityNumber, String recipient, String recipientName, String title,
                     String languages, String languageBasis, int version, LocalDate plannedDate, OffsetDateTime createdAt,
                     String createdBy, String templates, boolean current) {
}
