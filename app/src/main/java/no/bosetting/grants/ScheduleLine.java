package no.bosetting.grants;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One amount of a person's schedule: a scheme year's grant (1–5) or a month's AMOT/MAMOT grant, the calendar year it
 * belongs to, the municipality it goes to, the rate used (null with no amount when no rate covers the day), and
 * whether it is expected (an accepted household not yet settled: from the planned date) rather than due.
 */
public record ScheduleLine(GrantKind kind, Integer schemeYear, LocalDate periodMonth, int calendarYear, String municipalityNumber,
                           BigDecimal amount, Long rateId, boolean expected) {

    /** What a payment pays once: the kind and scheme year or month — not the municipality or calendar year, which corrections may change. */
    public String itemKey() {
        return kind.name() + "|" + (schemeYear == null ? "" : schemeYear) + "|" + (periodMonth == null ? "" : periodMonth);
    }

    public boolean missingRate() {
        return rateId == null;
    }
}
