package no.bosetting.interview.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.interview.InterviewAnswers;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.web.FormReader;

/**
 * The interview form exactly as submitted. Every field is kept as text so that a re-rendered form
 * shows what the user typed, even when it could not be understood (for example a mistyped date).
 */
class InterviewForm {

    /** The order of the fields on the page, so the error summary lists problems in reading order. */
    static final List<String> FIELD_ORDER = List.of("heldOn", "interpreterLanguage", "familyInNorway",
            "familyMunicipalityNumber", "networkInNorway", "adaptationNeeds", "healthConsent", "consentDate", "healthDetails", "pets",
            "education", "workExperience", "drivingLicence", "hasCar", "languages", "minorSituation");

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
    /** The members ticked one by one as having consented (the "everyone" box is {@code healthConsent}). */
    private java.util.Set<Long> consentPersons = new java.util.LinkedHashSet<>();
    private String consentDate;

    static InterviewForm from(InterviewAnswers a) {
        InterviewForm f = new InterviewForm();
        f.heldOn = a.heldOn() == null ? null : a.heldOn().toString();
        f.interpreterLanguage = a.interpreterLanguage();
        f.familyInNorway = a.familyInNorway();
        f.familyMunicipalityNumber = a.familyMunicipalityNumber();
        f.networkInNorway = a.networkInNorway();
        f.adaptationNeeds = a.adaptationNeeds();
        f.healthConsent = a.healthConsent() ? "true" : null;
        f.consentDate = null;
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

    /** The form as sent, every field as typed. */
    static InterviewForm sent(Map<String, String> form) {
        InterviewForm f = new InterviewForm();
        f.heldOn = form.get("heldOn");
        f.interpreterLanguage = form.get("interpreterLanguage");
        f.familyInNorway = form.get("familyInNorway");
        f.familyMunicipalityNumber = form.get("familyMunicipalityNumber");
        f.networkInNorway = form.get("networkInNorway");
        f.adaptationNeeds = form.get("adaptationNeeds");
        f.healthConsent = form.get("healthConsent");
        f.healthDetails = form.get("healthDetails");
        f.pets = form.get("pets");
        f.education = form.get("education");
        f.workExperience = form.get("workExperience");
        f.drivingLicence = form.get("drivingLicence");
        f.hasCar = form.get("hasCar");
        f.languages = form.get("languages");
        f.minorSituation = form.get("minorSituation");
        f.consentDate = form.get("consentDate");
        form.forEach((name, value) -> {
            if (name.startsWith("consent-") && "true".equals(value) && name.substring(8).matches("\\d{1,18}")) {
                f.consentPersons.add(Long.parseLong(name.substring(8)));
            }
        });
        return f;
    }

    /** The prefilled form of a recorded interview: "everyone" ticked when every member consents, else each who does. */
    static InterviewForm from(InterviewAnswers a, java.util.Collection<Long> members, java.util.Set<Long> consenting) {
        InterviewForm f = from(a);
        boolean all = !members.isEmpty() && consenting.containsAll(members);
        f.healthConsent = all ? "true" : null;
        if (!all) {
            f.consentPersons.addAll(consenting);
        }
        return f;
    }

    /** The members who consent as the form says: everyone when the "everyone" box is ticked, else those ticked. */
    java.util.Set<Long> consenting(java.util.Collection<Long> members) {
        return consentGiven() ? new java.util.LinkedHashSet<>(members) : consentPersons;
    }

    public boolean consents(long personId) {
        return consentPersons.contains(personId);
    }

    public String getConsentDate() {
        return consentDate;
    }

    /** Problems with the form itself (text that is not a date), before the interview rules are checked. */
    List<FieldProblem> parseProblems() {
        FormReader r = reader();
        r.date("heldOn");
        r.date("consentDate");
        List<FieldProblem> problems = new java.util.ArrayList<>();
        for (String field : List.of("heldOn", "consentDate")) {
            if (r.problems().containsKey(field)) {
                problems.add(FieldProblem.of(field, "error.date.invalid"));
            }
        }
        return problems;
    }

    InterviewAnswers toAnswers() {
        FormReader r = reader();
        return new InterviewAnswers(r.date("heldOn"), interpreterLanguage, familyInNorway, r.text("familyMunicipalityNumber"),
                networkInNorway, adaptationNeeds, consentGiven() || !consentPersons.isEmpty(), healthDetails, pets, education, workExperience,
                r.yesNo("drivingLicence"), r.yesNo("hasCar"), languages, minorSituation);
    }

    java.time.LocalDate consentDateValue() {
        return reader().date("consentDate");
    }

    /** The fields that need reading (dates, yes/no, a number), read the one way forms are read. */
    private FormReader reader() {
        Map<String, String> typed = new HashMap<>();
        putIfPresent(typed, "heldOn", heldOn);
        putIfPresent(typed, "consentDate", consentDate);
        putIfPresent(typed, "familyMunicipalityNumber", familyMunicipalityNumber);
        putIfPresent(typed, "drivingLicence", drivingLicence);
        putIfPresent(typed, "hasCar", hasCar);
        return new FormReader(typed);
    }

    private static void putIfPresent(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    public boolean consentGiven() {
        return "true".equals(healthConsent);
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
