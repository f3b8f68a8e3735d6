package no.bosetting.reconsideration;

/** REQUESTED → MUNICIPALITY_INFORMED → GRANTED | REFUSED. */
public enum ReconsiderationStatus {
    REQUESTED,
    MUNICIPALITY_INFORMED,
    GRANTED,
    REFUSED;

    public boolean isOpen() {
        return this == REQUESTED || this == MUNICIPALITY_INFORMED;
    }
}
