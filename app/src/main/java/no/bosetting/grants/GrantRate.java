package no.bosetting.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One version of a rate: amount per scheme year (integration grant), per year (other yearly grants) or per month (AMOT, MAMOT). */
public record GrantRate(long id, long seriesId, int version, GrantKind kind, GrantCategory category, Integer schemeYear,
                        BigDecimal amount, LocalDate validFrom, LocalDate validTo, String source, boolean demo,
                        OffsetDateTime recordedAt, String recordedBy, String reason, OffsetDateTime replacedAt) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean current() {
        return replacedAt == null;
    }

    /** Same kind, category and scheme year: periods of one such line may not overlap. */
    public boolean sameLine(GrantKind k, GrantCategory c, Integer y) {
        return kind == k && java.util.Objects.equals(category, c) && java.util.Objects.equals(schemeYear, y);
    }
}
