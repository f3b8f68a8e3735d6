package no.bosetting.crisis;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One joint fast-track application of a household to a municipality, as both sides and the agency see it. */
public record FastTrackApplication(long id, long caseId, String caseReference, int persons, String municipalityNumber,
                                   FastTrackStatus status, String refugeeStatement, OffsetDateTime refugeeSignedAt,
                                   String refugeeSignedBy, OffsetDateTime municipalitySignedAt, String municipalitySignedBy,
                                   LocalDate plannedSettlementDate, OffsetDateTime decidedAt, String decidedBy,
                                   String decisionReason, Long proposalId) {

    /** Whether the municipality has signed it (a signed application was signed, whatever happened after). */
    public boolean municipalitySigned() {
        return municipalitySignedAt != null;
    }
}
