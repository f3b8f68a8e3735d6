package no.bosetting.interview;

import java.time.LocalDate;

/** What was recorded in a settlement interview. Health details only exist with consent. */
public record InterviewAnswers(LocalDate heldOn, String interpreterLanguage, String familyInNorway,
                               String familyMunicipalityNumber, String networkInNorway, String adaptationNeeds,
                               boolean healthConsent, String healthDetails, String pets, String education,
                               String workExperience, Boolean drivingLicence, Boolean hasCar, String languages,
                               String minorSituation) {
}
