package no.bosetting.selfsettlement;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One request for agreed self-settlement. Holds the household's reference, never names or identity numbers. */
public record SelfSettlementRequest(long id, long caseId, String caseReference, int persons, String municipalityNumber,
                                    RequestStatus status, String address, String landlordName, String landlordEmail,
                                    LocalDate leaseStart, int monthlyRent, int rooms, String registeredByRole,
                                    RequestChecklist checklist, boolean landlordRejected, OffsetDateTime forwardedAt,
                                    OffsetDateTime decidedAt, String decidedBy, String approvedMunicipality,
                                    RefusalReason refusalReason, String refusalText, OffsetDateTime createdAt,
                                    LocalDate targetDate) {

    /** Forwarded and waiting for the agency's decision, which has a target date. */
    public boolean awaitingDecision() {
        return status == RequestStatus.FORWARDED;
    }

    /** Forwarded and past the agency's target date. */
    public boolean overdue(LocalDate today) {
        return awaitingDecision() && targetDate != null && today.isAfter(targetDate);
    }
}
