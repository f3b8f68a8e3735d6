package no.bosetting.selfsettlement;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A household's opt-in window: opened on a day, with a last day to find a lease. Open while not
 * closed and not past the last day; while open the allocation engine does not propose the household.
 */
public record OptInWindow(long id, long caseId, LocalDate openedOn, LocalDate leaseDeadline, OffsetDateTime closedAt,
                          String closedReason) {

    public boolean openOn(LocalDate day) {
        return closedAt == null && !day.isAfter(leaseDeadline);
    }
}
