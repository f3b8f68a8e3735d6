package no.bosetting.interview.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import no.bosetting.cases.CaseStatus;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.InterviewProfile;
import no.bosetting.interview.Question;
import no.bosetting.interview.SettlementInterview;

/** The JSON shapes of the settlement-interview endpoints. */
final class InterviewJson {

    private InterviewJson() {
    }

    @Schema(description = "The settlement interview. Questions the case's question-set version does not ask are ignored; "
            + "health details are refused unless healthConsent is true.")
    public record InterviewRequest(LocalDate heldOn, String interpreterLanguage, String familyInNorway,
                                   String familyMunicipalityNumber, String networkInNorway, String adaptationNeeds,
                                   Boolean healthConsent, String healthDetails, String pets, String education,
                                   String workExperience, Boolean drivingLicence, Boolean hasCar, String languages,
                                   @Schema(description = "Required for unaccompanied minors") String minorSituation,
                                   @Schema(description = "The members (person ids) who have consented to health information, "
                                           + "when not all have; healthConsent true is every member") List<Long> healthConsentPersonIds,
                                   @Schema(description = "The day the consent was given; default the interview day") LocalDate consentDate) {

        java.util.Set<Long> consenting() {
            return Boolean.TRUE.equals(healthConsent) || healthConsentPersonIds == null ? null : new java.util.HashSet<>(healthConsentPersonIds);
        }

        InterviewAnswers toAnswers() {
            return new InterviewAnswers(heldOn, interpreterLanguage, familyInNorway, familyMunicipalityNumber, networkInNorway,
                    adaptationNeeds, Boolean.TRUE.equals(healthConsent) || healthConsentPersonIds != null && !healthConsentPersonIds.isEmpty(),
                    healthDetails, pets, education, workExperience,
                    drivingLicence, hasCar, languages, minorSituation);
        }
    }

    public record InterviewResult(long caseId, CaseStatus status, String questionSetVersion) {
    }

    @Schema(description = "The recorded interview as the reception centre and the agency see it")
    public record InterviewJsonView(long caseId, String questionSetVersion, List<Question> questions, LocalDate heldOn,
                                    String interpreterLanguage, String familyInNorway, String familyMunicipalityNumber,
                                    String networkInNorway, String adaptationNeeds, boolean healthConsent,
                                    String healthDetails, String pets, String education, String workExperience,
                                    Boolean drivingLicence, Boolean hasCar, String languages, String minorSituation,
                                    OffsetDateTime recordedAt, String recordedBy) {

        static InterviewJsonView of(SettlementInterview i) {
            InterviewAnswers a = i.answers();
            return new InterviewJsonView(i.caseId(), i.questionSet().version(),
                    i.questionSet().questions().stream().sorted().toList(), a.heldOn(), a.interpreterLanguage(),
                    a.familyInNorway(), a.familyMunicipalityNumber(), a.networkInNorway(), a.adaptationNeeds(),
                    a.healthConsent(), a.healthDetails(), a.pets(), a.education(), a.workExperience(), a.drivingLicence(),
                    a.hasCar(), a.languages(), a.minorSituation(), i.recordedAt(), i.recordedBy());
        }
    }

    @Schema(description = "What a municipality may see of the interview: no family or network details, health only with consent")
    public record InterviewProfileJson(boolean recorded, boolean needsFollowUp, String adaptationNeeds, String healthDetails,
                                       String pets, String education, String workExperience, Boolean drivingLicence,
                                       Boolean hasCar, String languages) {

        public static InterviewProfileJson of(InterviewProfile p) {
            return new InterviewProfileJson(p.recorded(), p.needsFollowUp(), p.adaptationNeeds(), p.healthDetails(), p.pets(),
                    p.education(), p.workExperience(), p.drivingLicence(), p.hasCar(), p.languages());
        }
    }
}
