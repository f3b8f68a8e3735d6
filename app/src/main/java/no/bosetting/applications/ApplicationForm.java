package no.bosetting.applications;

/**
 * The answers of the application form (§4.1), as typed, so a form with errors can be shown again
 * exactly as it was. Dates are ISO strings from date inputs; yes/no answers are "true"/"false"/empty.
 */
public record ApplicationForm(boolean unaccompaniedMinor, String tiesMunicipality, String tiesDescription,
                              String adaptationNeeds, boolean healthConsent, String healthDetails, String pets,
                              String canStay, String currentAddress, String currentMunicipality, String notifiedDate,
                              String arrivalDate, String childLivesWith, String childRelationship, String childWantsToStay,
                              String childSelfSufficiency, String childRepresentative) {

    public static ApplicationForm empty() {
        return new ApplicationForm(false, null, null, null, false, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
