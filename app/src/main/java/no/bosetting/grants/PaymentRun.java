package no.bosetting.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A payment run: what it exported is locked in its lines. */
public record PaymentRun(long id, Kind kind, int upToYear, OffsetDateTime createdAt, String createdBy, int lineCount, BigDecimal total) {

    /** A regular run pays what was never paid; a correction run pays or claws back the differences of what was. */
    public enum Kind { REGULAR, CORRECTION }

    /** One locked line: a person's item, the municipality, the amount (negative: claimed back) and, for a correction, why. */
    public record Line(long id, long runId, long personId, long caseId, GrantKind kind, Integer schemeYear, LocalDate periodMonth,
                       int calendarYear, String municipalityNumber, BigDecimal amount, BigDecimal previousAmount, Long rateId,
                       String explanation) {
    }
}
