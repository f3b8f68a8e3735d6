package no.bosetting.crisis;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One crisis window the agency switched on: from {@code startsOn} to {@code endsOn} (open when null), with its reason,
 * the interview set it selects, its temporary reception scheme (name, window, monthly grant in NOK; null when none) and
 * the round size of the distribution rounds while it is on.
 */
public record CrisisPeriod(long id, LocalDate startsOn, LocalDate endsOn, String reason, String questionSetVersion,
                           String schemeName, LocalDate schemeFrom, LocalDate schemeTo, Integer schemeMonthlyGrant,
                           int roundSize, OffsetDateTime createdAt, String createdBy) {

    public boolean on(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** Whether this window shares a day with {@code from}–{@code to} (open when null). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !startsOn.isAfter(to);
        boolean otherStartsBeforeThisEnds = endsOn == null || !from.isAfter(endsOn);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    public boolean hasScheme() {
        return schemeName != null;
    }

    /** Whether a period under the scheme from {@code from} to {@code end} lies inside the scheme's window. */
    public boolean schemeCovers(LocalDate from, LocalDate end) {
        return hasScheme() && !from.isBefore(schemeFrom) && (schemeTo == null || !end.isAfter(schemeTo));
    }
}
