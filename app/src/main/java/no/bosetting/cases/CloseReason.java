package no.bosetting.cases;

/** Why a case was closed before settlement. */
public enum CloseReason {
    MOVED_OUT_OF_RECEPTION,
    SELF_ESTABLISHED,
    LEFT_NORWAY,
    PERMIT_REVOKED,
    DECEASED,
    OTHER
}
