package no.bosetting.applications;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the agency's queue: no names, only the case reference once the permit is registered. */
record QueueItem(long id, ApplicationStatus status, OffsetDateTime submittedAt, LocalDate deadline, boolean late,
                        Long caseId, String caseReference, boolean unaccompaniedMinor, long daysWaiting) {

    public boolean withoutPermit() {
        return caseId == null;
    }
}
