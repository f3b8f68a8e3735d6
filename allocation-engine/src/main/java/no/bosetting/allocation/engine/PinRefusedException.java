package no.bosetting.allocation.engine;

/**
 * A caseworker's pin that the engine cannot honour, with the reason as data so that a caller can word it in
 * its own language instead of parsing the English message. Still an {@link IllegalArgumentException}, as the
 * engine has always thrown for refused pins.
 */
public final class PinRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the pin is refused. */
    public enum Reason {
        /** The pinned household is not in the round. */
        UNKNOWN_HOUSEHOLD,
        /** The pinned municipality is not in the round. */
        UNKNOWN_MUNICIPALITY,
        /** Two members of one together-group are pinned to different municipalities. */
        CONFLICTING_GROUP,
        /** The household may not go to the municipality; {@link #rule()} says which hard rule forbids it. */
        HARD_RULE,
        /** The pins to the municipality need more places (or minors places) than it has. */
        PLACES_EXCEEDED,
        /** The pins to the municipality need more large dwellings than it has. */
        LARGE_DWELLINGS_EXCEEDED
    }

    private final Reason reason;
    private final String household;
    private final String municipality;
    private final UnassignedReason.Code rule;

    PinRefusedException(Reason reason, String household, String municipality, UnassignedReason.Code rule,
            String message) {
        super(message);
        this.reason = reason;
        this.household = household;
        this.municipality = municipality;
        this.rule = rule;
    }

    public Reason reason() {
        return reason;
    }

    /** The household id, or null when the reason concerns a municipality's totals. */
    public String household() {
        return household;
    }

    /** The municipality number, or null for an unknown household or conflicting group pins. */
    public String municipality() {
        return municipality;
    }

    /** The hard rule broken, for {@link Reason#HARD_RULE}; null otherwise. */
    public UnassignedReason.Code rule() {
        return rule;
    }
}
