package no.bosetting.housing;

/** Vacant dwellings cost money, so the register tracks when each became vacant. */
public enum DwellingStatus {
    VACANT,
    RESERVED,
    OCCUPIED,
    UNAVAILABLE
}
