package no.bosetting.planning;

import java.time.LocalDate;

/** A municipal council's decision on how many persons (and unaccompanied minors) it settles in a year. */
public record CapacityDecision(long id, String municipalityNumber, int year, int persons, int unaccompaniedMinors,
                               LocalDate decidedOn) {
}
