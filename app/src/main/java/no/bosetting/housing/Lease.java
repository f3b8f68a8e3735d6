package no.bosetting.housing;

import java.time.LocalDate;

/** A lease of one dwelling; there is no automatic renewal, so every lease ends on {@code endDate}. */
public record Lease(long id, long dwellingId, String municipalityNumber, String address, Long caseId, LeaseKind kind,
                    boolean transferable, LocalDate startDate, int termYears, String shortTermReason, LocalDate endDate,
                    int monthlyRent, int deposit, int rentGuaranteeMonths, LeaseStatus status, ReviewOutcome reviewOutcome,
                    String reviewNote) {
}
