package no.bosetting.housing;

import java.time.LocalDate;

/** What the public offer form sends. */
public record OfferData(String municipalityNumber, String contactName, String contactPhone, String contactEmail,
                        String address, DwellingType dwellingType, Integer rooms, Integer areaM2, Integer monthlyRent,
                        LocalDate availableFrom, String description) {
}
