package no.bosetting.selfsettlement;

import java.time.LocalDate;

/**
 * The municipality's check of the dwelling and lease. Whether the landlord is on the municipality's
 * rejected list is not ticked by hand: it is looked up in the housing register.
 */
public record RequestChecklist(boolean leaseTermsOk, boolean rentWithinLimit, boolean propertyRegisterOk,
                               boolean independentDwelling, LocalDate inspectionDate, InspectionResult inspectionResult) {
}
