package no.bosetting.cases;

import java.time.LocalDate;

/**
 * One row of a case list; holds no names or identity numbers. {@code endedOn} is the settlement date of a settled case,
 * or the day a declined or closed case got its status (null while the case is open).
 */
public record CaseSummary(long id, String reference, CaseStatus status, HouseholdType householdType, int persons,
                          int children, boolean unaccompaniedMinor, LivingSituation livingSituation,
                          PermitType permitType, LocalDate permitDate, long daysWaited, boolean longWaiting,
                          Long receptionCentreId, String receptionCentreName, String livingMunicipalityNumber,
                          String settlementMunicipality, LocalDate endedOn) {

    /** Whether the case is still on its way to settlement, so its days since the permit still count. */
    public boolean active() {
        return status.isOpen();
    }

    /** The message key that words {@link #endedOn}: settled on, or ended on. */
    public String endedLabelKey() {
        return status == CaseStatus.SETTLED ? "cases.list.settledOn" : "cases.list.endedOn";
    }
}
