package no.bosetting.housing;

import java.time.LocalDate;

/** The facts of a dwelling as entered; the status is changed only by the register's commands. */
public record DwellingData(String address, OwnerType ownerType, DwellingType dwellingType, Integer rooms, Integer areaM2,
                           DwellingStandard standard, boolean accessible, Integer distanceSchoolM, Integer distanceShopM,
                           Integer distanceTransportM, Integer monthlyRent, LocalDate availableFrom, String holdingUnit,
                           boolean unavailable) {
}
