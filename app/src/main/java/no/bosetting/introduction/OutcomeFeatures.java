package no.bosetting.introduction;

import java.util.List;

import no.bosetting.cases.HouseholdType;

/**
 * The outcome model's features, all of them (issue 17 item 5): the household's profile — education and work experience
 * as the settlement interview records them, the main member's age group, the household type — and the municipality's
 * indicators (unemployment, the published introduction results) and its own results in the register. Never
 * nationality, religion or sex: none is an input here ({@link Profile} has no field for them), and the household type
 * merges single men and single women into one "single adult" so sex cannot enter through it.
 */
public final class OutcomeFeatures {

    /** Feature names in vector order (message keys {@code introduction.feature.<name>}). */
    public static final List<String> NAMES = List.of("workExperience", "education", "age25to34", "age35to44", "age45plus",
            "singleWithChildren", "coupleWithoutChildren", "coupleWithChildren", "unaccompaniedMinor", "otherHousehold",
            "unemployment", "introductionResults", "municipalityResults");

    private OutcomeFeatures() {
    }

    /** What the model knows of a household: settlement-relevant facts only. */
    public record Profile(boolean workExperience, boolean education, int age, HouseholdType type) {
    }

    /**
     * What the model knows of a municipality: unemployment (per cent), the published share in work or education after
     * the programme (per cent), and its own register results (share 0–1, smoothed towards the national share).
     */
    public record Place(double unemployment, double introductionResults, double ownResults) {
    }

    static double[] vector(Profile p, Place m) {
        HouseholdType t = p.type();
        return new double[] {
                p.workExperience() ? 1 : 0,
                p.education() ? 1 : 0,
                p.age() >= 25 && p.age() < 35 ? 1 : 0,
                p.age() >= 35 && p.age() < 45 ? 1 : 0,
                p.age() >= 45 ? 1 : 0,
                t == HouseholdType.SINGLE_ADULT_WITH_CHILDREN ? 1 : 0,
                t == HouseholdType.COUPLE_WITHOUT_CHILDREN ? 1 : 0,
                t == HouseholdType.COUPLE_WITH_CHILDREN ? 1 : 0,
                t == HouseholdType.UNACCOMPANIED_MINOR ? 1 : 0,
                t == HouseholdType.OTHER ? 1 : 0,
                m.unemployment(),
                m.introductionResults(),
                m.ownResults()};
    }
}
