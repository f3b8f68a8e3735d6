package no.bosetting.cases;

import java.util.List;

/** Household types used in the statistics, derived from the members. {@link #COUPLE_WITH_CHILDREN} is two or more adults with children. */
public enum HouseholdType {
    SINGLE_MAN,
    SINGLE_WOMAN,
    SINGLE_ADULT_WITH_CHILDREN,
    COUPLE_WITHOUT_CHILDREN,
    COUPLE_WITH_CHILDREN,
    UNACCOMPANIED_MINOR,
    OTHER;

    /** Members as (adult?, sex) pairs; a household of only minors is an unaccompanied minor. */
    public static HouseholdType of(List<Member> members) {
        long adults = members.stream().filter(Member::adult).count();
        long children = members.size() - adults;
        if (adults == 0) {
            return UNACCOMPANIED_MINOR;
        }
        if (adults == 1) {
            if (children > 0) {
                return SINGLE_ADULT_WITH_CHILDREN;
            }
            return members.get(0).sex() == 'F' ? SINGLE_WOMAN : members.get(0).sex() == 'M' ? SINGLE_MAN : OTHER;
        }
        // Adults with children are a family whatever the number of adults (settlement-process.md §1: "families with
        // children settled within 3 months of the permit"); two or more adults with children count as a couple with
        // children, so a household of three adults and a child keeps the family target and the family priority.
        if (children > 0) {
            return COUPLE_WITH_CHILDREN;
        }
        return adults == 2 ? COUPLE_WITHOUT_CHILDREN : OTHER;
    }

    public boolean withChildren() {
        return this == SINGLE_ADULT_WITH_CHILDREN || this == COUPLE_WITH_CHILDREN;
    }

    /** Months from permit to the settlement target: the one rule, {@link SettlementTarget#months(HouseholdType)}. */
    public int targetMonths() {
        return SettlementTarget.months(this);
    }

    public record Member(boolean adult, char sex) {
    }
}
