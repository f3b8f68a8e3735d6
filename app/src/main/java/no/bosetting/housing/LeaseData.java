package no.bosetting.housing;

import java.time.LocalDate;

/** A new lease as entered; the term is 3 years unless a reason for 1 year is given. */
public record LeaseData(LeaseKind kind, boolean transferable, LocalDate startDate, Integer termYears, String shortTermReason,
                        Integer monthlyRent, Integer deposit, Integer rentGuaranteeMonths) {
}
