package no.bosetting.interview;

/**
 * What a municipality may see of the interview before accepting: needs and resources, no family
 * or network details (privacy), and health details only where the person consented.
 */
public record InterviewProfile(boolean recorded, String adaptationNeeds, String healthDetails, String pets,
                               String education, String workExperience, Boolean drivingLicence, Boolean hasCar,
                               String languages) {

    public static InterviewProfile none() {
        return new InterviewProfile(false, null, null, null, null, null, null, null, null);
    }

    public boolean needsFollowUp() {
        return adaptationNeeds != null && !adaptationNeeds.isBlank() || healthDetails != null && !healthDetails.isBlank();
    }
}
