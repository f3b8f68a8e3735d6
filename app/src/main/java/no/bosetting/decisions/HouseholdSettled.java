package no.bosetting.decisions;

import java.time.LocalDate;

/** Published when the last member of a household has a registered settlement date. */
public record HouseholdSettled(long caseId, String municipalityNumber, LocalDate firstSettlementDate) {
}
