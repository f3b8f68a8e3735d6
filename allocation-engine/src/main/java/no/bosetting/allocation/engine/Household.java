package no.bosetting.allocation.engine;

import java.util.Objects;
import java.util.Set;

/**
 * A household ready for allocation, as the engine sees it.
 *
 * <p>Deliberately carries no nationality, ethnicity, religion or sex: attributes that must never
 * influence a proposal are kept out of the type, so no scoring code can read them by mistake.
 *
 * @param id                           stable case identifier
 * @param persons                      household size; each person takes one place
 * @param unaccompaniedMinor           needs a place reserved for unaccompanied minors
 * @param familyWithChildren           household includes children
 * @param requiredServices             services the municipality must offer (hard)
 * @param daysWaited                   days since the residence permit
 * @param targetDays                   settlement target: 90 for families and minors, 180 for singles
 * @param closeFamilyMunicipality      close family lives there: hard, must go there (nullable)
 * @param widerFamilyMunicipality      wider family: same or neighbouring municipality preferred (nullable)
 * @param jobOrStudyMunicipality       job contract or study place there (nullable)
 * @param approvedDwellingMunicipality self-found dwelling approved there (nullable)
 * @param rejectedBy                   municipalities that already rejected the household (hard)
 * @param togetherGroup                households sharing a group go to the same municipality or none (nullable)
 * @param workExperience               at least one adult has work experience
 * @param higherEducation              at least one adult has higher education
 */
public record Household(
        String id,
        int persons,
        boolean unaccompaniedMinor,
        boolean familyWithChildren,
        Set<String> requiredServices,
        int daysWaited,
        int targetDays,
        String closeFamilyMunicipality,
        String widerFamilyMunicipality,
        String jobOrStudyMunicipality,
        String approvedDwellingMunicipality,
        Set<String> rejectedBy,
        String togetherGroup,
        boolean workExperience,
        boolean higherEducation) {

    public Household {
        Objects.requireNonNull(id, "id");
        if (persons < 1) {
            throw new IllegalArgumentException("household " + id + " must have at least one person");
        }
        if (daysWaited < 0 || targetDays <= 0) {
            throw new IllegalArgumentException("household " + id + " has invalid waiting days");
        }
        requiredServices = requiredServices == null ? Set.of() : Set.copyOf(requiredServices);
        rejectedBy = rejectedBy == null ? Set.of() : Set.copyOf(rejectedBy);
    }

    /** Target in days from the settlement rules: three months for families and minors, six for others. */
    public static int defaultTargetDays(boolean unaccompaniedMinor, boolean familyWithChildren) {
        return unaccompaniedMinor || familyWithChildren ? 90 : 180;
    }

    /** Convenience factory for a household without ties, services or group. */
    public static Household simple(String id, int persons, boolean minor, boolean family, int daysWaited) {
        return new Household(id, persons, minor, family, Set.of(), daysWaited,
                defaultTargetDays(minor, family), null, null, null, null, Set.of(), null, false, false);
    }

    public Household withRequiredServices(Set<String> services) {
        return new Household(id, persons, unaccompaniedMinor, familyWithChildren, services, daysWaited, targetDays,
                closeFamilyMunicipality, widerFamilyMunicipality, jobOrStudyMunicipality,
                approvedDwellingMunicipality, rejectedBy, togetherGroup, workExperience, higherEducation);
    }

    public Household withCloseFamily(String municipality) {
        return new Household(id, persons, unaccompaniedMinor, familyWithChildren, requiredServices, daysWaited,
                targetDays, municipality, widerFamilyMunicipality, jobOrStudyMunicipality,
                approvedDwellingMunicipality, rejectedBy, togetherGroup, workExperience, higherEducation);
    }

    public Household withRejectedBy(Set<String> municipalities) {
        return new Household(id, persons, unaccompaniedMinor, familyWithChildren, requiredServices, daysWaited,
                targetDays, closeFamilyMunicipality, widerFamilyMunicipality, jobOrStudyMunicipality,
                approvedDwellingMunicipality, municipalities, togetherGroup, workExperience, higherEducation);
    }

    public Household withTogetherGroup(String group) {
        return new Household(id, persons, unaccompaniedMinor, familyWithChildren, requiredServices, daysWaited,
                targetDays, closeFamilyMunicipality, widerFamilyMunicipality, jobOrStudyMunicipality,
                approvedDwellingMunicipality, rejectedBy, group, workExperience, higherEducation);
    }

    public Household withTies(String widerFamily, String jobOrStudy, String approvedDwelling) {
        return new Household(id, persons, unaccompaniedMinor, familyWithChildren, requiredServices, daysWaited,
                targetDays, closeFamilyMunicipality, widerFamily, jobOrStudy, approvedDwelling, rejectedBy,
                togetherGroup, workExperience, higherEducation);
    }

    public Household withSkills(boolean work, boolean education) {
        return new Household(id, persons, unaccompaniedMinor, familyWithChildren, requiredServices, daysWaited,
                targetDays, closeFamilyMunicipality, widerFamilyMunicipality, jobOrStudyMunicipality,
                approvedDwellingMunicipality, rejectedBy, togetherGroup, work, education);
    }
}
