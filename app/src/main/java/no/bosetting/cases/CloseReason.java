package no.bosetting.cases;

/** Why a case was closed before settlement. */
public enum CloseReason {
    MOVED_OUT_OF_RECEPTION,
    SELF_ESTABLISHED,
    LEFT_NORWAY,
    PERMIT_REVOKED,
    DECEASED,
    OTHER;

    /**
     * Whether the closing follows the refugee's own choice, so the record that the person was informed of the
     * consequence (losing the introduction programme and benefit) is needed first (settlement-process §4.3; report 000
     * lines 3987–4025: the agency must be sure the person made an informed choice before the case is closed). A death,
     * a revoked permit, leaving Norway or having established oneself is a fact recorded, not a choice to inform about.
     */
    public boolean needsInformed() {
        return this == MOVED_OUT_OF_RECEPTION || this == OTHER;
    }
}
