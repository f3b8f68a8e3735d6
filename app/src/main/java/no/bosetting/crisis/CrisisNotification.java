package no.bosetting.crisis;

import java.time.OffsetDateTime;

/** A municipality's notification of a named refugee in its area it wants to settle; {@code caseId} when the identity matched a case. */
public record CrisisNotification(long id, String municipalityNumber, String identityNumber, String personName, String reason,
                                 NotificationStatus status, Long caseId, OffsetDateTime createdAt, String createdBy,
                                 OffsetDateTime handledAt, String handledBy, String handledNote) {
}
