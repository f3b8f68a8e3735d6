package no.bosetting.statistics;

import java.time.LocalDate;

/** One household's dates: permit, first proposal (allocation), acceptance and first settlement date. */
public record CaseTimeline(long caseId, String householdType, int persons, LocalDate permitDate, LocalDate allocated,
                           LocalDate accepted, LocalDate settled) {
}
