package no.bosetting.cases;

/** A member's relation to the household's main person. */
public enum Relation {
    MAIN,
    SPOUSE,
    CHILD,
    OTHER
}
