package no.bosetting.housing;

public enum DwellingType {
    HOUSE,
    TERRACED,
    FLAT,
    BEDSIT,
    SHARED,
    PART_OF_HOME
}
