package no.bosetting.housing;

public enum DwellingStandard {
    GOOD,
    FAIR,
    POOR
}
