package no.bosetting.interview.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.interview.InterviewAnswers;
import no.bosetting.shared.FieldProblem;

/**
 * The interview form exactly as submitted. Every field is kept as text so that a re-rendered form
 * shows what the user typed, even when it could not be understood (for example a mistyped date).
 */
class InterviewForm {

    /** The order of the fields on the page, so the error summary lists problems in reading order. */
    static final List<String> FIELD_ORDER = List.of("heldOn", "interpreterLanguage", "familyInNorway",
            "familyMunicipalityNumber", "networkInNorway", "adaptationNeeds", "healthConsent", "healthDetails", "pets",
            "education", "workExperience", "drivingLicence", "hasCar", "languages", "minorSituation");

    // Browsers without a date picker send what the user typed; Norwegians type dd.mm.åååå.
    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private String heldOn;
    private String interpreterLanguage;
    private String familyInNorway;
    private String familyMunicipalityNumber;
    private String networkInNorway;
    private String adaptationNeeds;
    private String healthConsent;
    private String healthDetails;
    private String pets;
    private String education;
    private String workExperience;
    private String drivingLicence;
    private String hasCar;
    private String languages;
    private String minorSituation;

    static InterviewForm from(InterviewAnswers a) {
        InterviewForm f = new InterviewForm();
        f.heldOn = a.heldOn() == null ? null : a.heldOn().toString();
        f.interpreterLanguage = a.interpreterLanguage();
        f.familyInNorway = a.familyInNorway();
        f.familyMunicipalityNumber = a.familyMunicipalityNumber();
        f.networkInNorway = a.networkInNorway();
        f.adaptationNeeds = a.adaptationNeeds();
        f.healthConsent = a.healthConsent() ? "true" : null;
        f.healthDetails = a.healthDetails();
        f.pets = a.pets();
        f.education = a.education();
        f.workExperience = a.workExperience();
        f.drivingLicence = a.drivingLicence() == null ? null : a.drivingLicence().toString();
        f.hasCar = a.hasCar() == null ? null : a.hasCar().toString();
        f.languages = a.languages();
        f.minorSituation = a.minorSituation();
        return f;
    }

    /** Problems with the form itself (text that is not a date), before the interview rules are checked. */
    List<FieldProblem> parseProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (!isBlank(heldOn) && parseDate(heldOn) == null) {
            problems.add(FieldProblem.of("heldOn", "error.date.invalid"));
        }
        return problems;
    }

    InterviewAnswers toAnswers() {
        return new InterviewAnswers(isBlank(heldOn) ? null : parseDate(heldOn), interpreterLanguage, familyInNorway,
                isBlank(familyMunicipalityNumber) ? null : familyMunicipalityNumber.trim(), networkInNorway,
                adaptationNeeds, consentGiven(), healthDetails, pets, education, workExperience, yesNo(drivingLicence),
                yesNo(hasCar), languages, minorSituation);
    }

    public boolean consentGiven() {
        return "true".equals(healthConsent);
    }

    private static LocalDate parseDate(String text) {
        String t = text.trim();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(t, NORWEGIAN_DATE);
            } catch (DateTimeParseException notNorwegian) {
                return null;
            }
        }
    }

    private static Boolean yesNo(String value) {
        if ("true".equals(value)) {
            return Boolean.TRUE;
        }
        if ("false".equals(value)) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public String getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(String heldOn) {
        this.heldOn = heldOn;
    }

    public String getInterpreterLanguage() {
        return interpreterLanguage;
    }

    public void setInterpreterLanguage(String interpreterLanguage) {
        this.interpreterLanguage = interpreterLanguage;
    }

    public String getFamilyInNorway() {
        return familyInNorway;
    }

    public void setFamilyInNorway(String familyInNorway) {
        this.familyInNorway = familyInNorway;
    }

    public String getFamilyMunicipalityNumber() {
        return familyMunicipalityNumber;
    }

    public void setFamilyMunicipalityNumber(String familyMunicipalityNumber) {
        this.familyMunicipalityNumber = familyMunicipalityNumber;
    }

    public String getNetworkInNorway() {
        return networkInNorway;
    }

    public void setNetworkInNorway(String networkInNorway) {
        this.networkInNorway = networkInNorway;
    }

    public String getAdaptationNeeds() {
        return adaptationNeeds;
    }

    public void setAdaptationNeeds(String adaptationNeeds) {
        this.adaptationNeeds = adaptationNeeds;
    }

    public String getHealthConsent() {
        return healthConsent;
    }

    public void setHealthConsent(String healthConsent) {
        this.healthConsent = healthConsent;
    }

    public String getHealthDetails() {
        return healthDetails;
    }

    public void setHealthDetails(String healthDetails) {
        this.healthDetails = healthDetails;
    }

    public String getPets() {
        return pets;
    }

    public void setPets(String pets) {
        this.pets = pets;
    }

    public String getEducation() {
        return education;
    }

    public void setEducation(String education) {
        this.education = education;
    }

    public String getWorkExperience() {
        return workExperience;
    }

    public void setWorkExperience(String workExperience) {
        this.workExperience = workExperience;
    }

    public String getDrivingLicence() {
        return drivingLicence;
    }

    public void setDrivingLicence(String drivingLicence) {
        this.drivingLicence = drivingLicence;
    }

    public String getHasCar() {
        return hasCar;
    }

    public void setHasCar(String hasCar) {
        this.hasCar = hasCar;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public String getMinorSituation() {
        return minorSituation;
    }

    public void setMinorSituation(String minorSituation) {
        this.minorSituation = minorSituation;
    }
}
