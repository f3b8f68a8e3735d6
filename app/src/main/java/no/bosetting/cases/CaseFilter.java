package no.bosetting.cases;

/**
 * Filters of the case list. Null means "any". {@code minWaitedDays} filters on days since the permit.
 */
public record CaseFilter(CaseStatus status, String municipalityNumber, Integer minWaitedDays, Integer maxWaitedDays,
                         HouseholdType householdType, Boolean unaccompaniedMinor, LivingSituation livingSituation,
                         Long receptionCentreId, String text) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null, null, null, null);
    }

    public static CaseFilter status(CaseStatus status) {
        return new CaseFilter(status, null, null, null, null, null, null, null, null);
    }
}
