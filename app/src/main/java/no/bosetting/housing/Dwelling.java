package no.bosetting.housing;

import java.time.LocalDate;

/** One dwelling in a municipality's register; {@code daysVacant} is derived from the dates, null unless vacant. */
public record Dwelling(long id, String municipalityNumber, String address, OwnerType ownerType, DwellingType dwellingType,
                       int rooms, Integer areaM2, DwellingStandard standard, boolean accessible, Integer distanceSchoolM,
                       Integer distanceShopM, Integer distanceTransportM, Integer monthlyRent, LocalDate availableFrom,
                       DwellingStatus status, LocalDate vacantSince, String holdingUnit, Long landlordId,
                       Long reservedCaseId, Long daysVacant) {
}
