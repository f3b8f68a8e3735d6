package no.bosetting.selfsettlement;

/** The municipality's inspection of the dwelling; NOT_NEEDED when its rules did not call for one. */
public enum InspectionResult {
    APPROVED,
    NOT_APPROVED,
    NOT_NEEDED
}
