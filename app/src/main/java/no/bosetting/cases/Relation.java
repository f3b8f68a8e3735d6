package no.bosetting.cases;

/** A member's relation to the household's main person. */
public enum Relation {
    MAIN,
    SPOUSE,
    CHILD,
    OTHER,
    /**
     * In a permit row only: the adult who came with an unaccompanied minor (følgeperson, report 000 lines 4082-4094). The
     * import records them as the case's accompanying adult, not as a member of the household.
     */
    ACCOMPANYING_ADULT
}
