package no.bosetting.decisions;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The individual decision on settlement municipality for one household member. */
public record SettlementDecision(long id, long caseId, long personId, String municipalityNumber, DecisionStatus status,
                                 OffsetDateTime decidedAt, String decidedBy, LocalDate plannedSettlementDate,
                                 LocalDate settlementDate, int placeYear, String overrideReason) {
}
