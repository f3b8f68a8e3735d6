package no.bosetting.statistics;

import java.time.LocalDate;

/**
 * One household's dates: permit, first proposal (allocation), acceptance and first settlement date, with
 * the municipality that first accepted it and the one it was first settled in (null when none yet).
 */
record CaseTimeline(long caseId, String householdType, int persons, LocalDate permitDate, LocalDate allocated,
                           LocalDate accepted, LocalDate settled, String acceptedMunicipality, String settledMunicipality) {

    public CaseTimeline(long caseId, String householdType, int persons, LocalDate permitDate, LocalDate allocated,
                        LocalDate accepted, LocalDate settled) {
        this(caseId, householdType, persons, permitDate, allocated, accepted, settled, null, null);
    }
}
