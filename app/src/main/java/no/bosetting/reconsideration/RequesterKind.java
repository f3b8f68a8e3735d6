package no.bosetting.reconsideration;

/** Who asked for the reconsideration. */
public enum RequesterKind {
    REFUGEE,
    MUNICIPALITY,
    AGENCY,
    OTHER
}
