package no.bosetting.grants;

import java.time.LocalDate;
import java.time.Period;

/** The integration grant's person categories; derived from the household and the person's age on the settlement date. */
public enum GrantCategory {
    SINGLE_ADULT, ADULT_IN_FAMILY, CHILD, UNACCOMPANIED_MINOR, ELDERLY;

    /** From this age on the elderly rate applies. */
    public static final int ELDERLY_FROM = 60;

    /**
     * The one rule: a minor of a household with no adult is an unaccompanied minor, another minor a child, a person of
     * 60 or more elderly, an adult alone a single adult, any other adult an adult in a family.
     */
    public static GrantCategory of(LocalDate birthDate, LocalDate on, boolean householdWithoutAdults, int householdPersons) {
        int age = Period.between(birthDate, on).getYears();
        if (age < 18) {
            return householdWithoutAdults ? UNACCOMPANIED_MINOR : CHILD;
        }
        if (age >= ELDERLY_FROM) {
            return ELDERLY;
        }
        return householdPersons == 1 ? SINGLE_ADULT : ADULT_IN_FAMILY;
    }
}
