package no.bosetting.cases;

import java.time.LocalDate;

/** One row of a case list; holds no names or identity numbers. */
public record CaseSummary(long id, String reference, CaseStatus status, HouseholdType householdType, int persons,
                          int children, boolean unaccompaniedMinor, LivingSituation livingSituation,
                          PermitType permitType, LocalDate permitDate, long daysWaited, boolean longWaiting,
                          Long receptionCentreId, String receptionCentreName, String livingMunicipalityNumber,
                          String settlementMunicipality) {
}
