package no.bosetting.messages;

/** Which side of a thread wrote a message. */
public enum Side {
    AGENCY,
    MUNICIPALITY
}
