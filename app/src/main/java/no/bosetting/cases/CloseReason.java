package no.bosetting.cases;

/** Why a case was closed before settlement. */
public enum CloseReason {
    MOVED_OUT_OF_RECEPTION,
    SELF_ESTABLISHED,
    LEFT_NORWAY,
    PERMIT_REVOKED,
    DECEASED,
    OTHER,
    /** A private resident sent no application within the six months (report 000 around lines 3074–3080). */
    APPLICATION_DEADLINE_MISSED,
    /** The agency refused the private resident's application. */
    APPLICATION_REFUSED;

    /** The reasons a caseworker chooses when closing; the application's two follow from the application only. */
    public static java.util.List<CloseReason> chosenByCaseworker() {
        return java.util.Arrays.stream(values()).filter(r -> r != APPLICATION_DEADLINE_MISSED && r != APPLICATION_REFUSED).toList();
    }
}
