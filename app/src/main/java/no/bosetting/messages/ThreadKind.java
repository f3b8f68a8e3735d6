package no.bosetting.messages;

/** A thread about one case, or the general thread between the agency and a municipality. */
public enum ThreadKind {
    CASE,
    MUNICIPALITY
}
