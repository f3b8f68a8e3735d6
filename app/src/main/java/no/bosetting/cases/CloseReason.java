package no.bosetting.cases;

/** Why a case was closed before settlement. */
public enum CloseReason {
    MOVED_OUT_OF_RECEPTION,
    SELF_ESTABLISHED,
    LEFT_NORWAY,
    PERMIT_REVOKED,
    DECEASED,
    OTHER,
    /** The agency refused the private resident's application: the right to settlement with public help has ended. */
    APPLICATION_REFUSED;

    /** The reasons a caseworker chooses when closing; a refused application's follows from the refusal only. */
    public static java.util.List<CloseReason> chosenByCaseworker() {
        return java.util.Arrays.stream(values()).filter(r -> r != APPLICATION_REFUSED).toList();
    }
}
