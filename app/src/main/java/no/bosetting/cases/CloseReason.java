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

    /**
     * Whether the closing follows the refugee's own choice, so the record that the person was informed of the
     * consequence (losing the introduction programme and benefit) is needed first (settlement-process §4.3; report 000
     * lines 3987–4025: the agency must be sure the person made an informed choice before the case is closed). A death,
     * a revoked permit, leaving Norway, having established oneself or a refused application is a fact recorded, not a
     * choice to inform about.
     */
    public boolean needsInformed() {
        return this == MOVED_OUT_OF_RECEPTION || this == OTHER;
    }
}
