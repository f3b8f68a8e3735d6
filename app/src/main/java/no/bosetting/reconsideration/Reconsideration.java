package no.bosetting.reconsideration;

import java.time.OffsetDateTime;

/** A request to reconsider a decision, with where it stands; no names of the household. */
public record Reconsideration(long id, long caseId, String caseReference, String municipalityNumber, ReconsiderationStatus status,
                              RequesterKind requesterKind, String requesterName, ReconsiderationGround ground, String explanation,
                              OffsetDateTime requestedAt, String requestedBy, OffsetDateTime informedAt, String informedBy,
                              OffsetDateTime decidedAt, String decidedBy, String decisionReason, String alternativeSuggestion,
                              long ageDays) {
}
