package no.bosetting.statistics;

import java.time.LocalDate;

/** An open household waiting longer than the limit since its permit: no names, for agency staff only. */
record LongWaiting(long caseId, String reference, String householdType, int persons, String status,
                          String livingSituation, LocalDate permitDate, long daysWaited) {
}
