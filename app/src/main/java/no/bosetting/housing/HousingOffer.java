package no.bosetting.housing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A dwelling offered by a resident or landlord, with the municipality's quality-assurance checklist. */
public record HousingOffer(long id, String municipalityNumber, String contactName, String contactPhone, String contactEmail,
                           String address, DwellingType dwellingType, int rooms, Integer areaM2, Integer monthlyRent,
                           LocalDate availableFrom, String description, OfferStatus status, boolean inspectionDone,
                           boolean propertyRegisterChecked, boolean fireSafetyOk, boolean rentReasonable,
                           String decisionNote, Long landlordId, Long dwellingId, OffsetDateTime receivedAt,
                           OffsetDateTime decidedAt, String decidedBy) {

    public boolean checklistComplete() {
        return inspectionDone && propertyRegisterChecked && fireSafetyOk && rentReasonable;
    }
}
