package no.bosetting.planning;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One version of the agency's request to a municipality for a year; a revision is a new version.
 * {@code unaccompaniedMinors} is the separate request for unaccompanied minors, versioned with the persons number.
 */
public record CapacityRequest(long id, String municipalityNumber, int year, int version, int persons, int computedPersons,
                              String explanation, LocalDate requestedOn, String reason, OffsetDateTime createdAt,
                              String createdBy, int unaccompaniedMinors) {
}
