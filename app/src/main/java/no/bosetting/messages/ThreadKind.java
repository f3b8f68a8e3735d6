package no.bosetting.messages;

/**
 * A thread about one case with a municipality, the general thread between the agency and a municipality, or the
 * thread between the agency and the refugee household of one case (issue 16 point 2).
 */
public enum ThreadKind {
    CASE,
    MUNICIPALITY,
    REFUGEE
}
