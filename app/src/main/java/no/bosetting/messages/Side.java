package no.bosetting.messages;

/** Which side of a thread wrote a message. */
public enum Side {
    AGENCY,
    MUNICIPALITY,
    /** A member of the household, signed in on Min side. */
    REFUGEE;

    /** The side the actor writes from. */
    public static Side of(no.bosetting.access.Actor actor) {
        return actor.isAgency() ? AGENCY : actor.role() == no.bosetting.access.Role.REFUGEE ? REFUGEE : MUNICIPALITY;
    }
}
