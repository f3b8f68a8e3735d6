package no.bosetting.allocation.engine;

/** Why a household got no proposal this round, in words a caseworker can act on. */
public record UnassignedReason(Code code, String message) {

    public enum Code {
        /** The close-family municipality is not in the round or breaks another hard rule. */
        CLOSE_FAMILY_MUNICIPALITY_UNSUITABLE,
        /** Every otherwise suitable municipality is closed to new requests. */
        ALL_CLOSED,
        /** No municipality offers all required services. */
        NO_MUNICIPALITY_WITH_REQUIRED_SERVICES,
        /** Every municipality with the required services has rejected the household. */
        ALL_REJECTED,
        /** No suitable municipality has enough places for unaccompanied minors. */
        NO_MINOR_PLACES,
        /** No suitable municipality has a dwelling large enough. */
        NO_LARGE_DWELLING,
        /** The households of the together-group have no suitable municipality in common. */
        GROUP_HAS_NO_COMMON_MUNICIPALITY,
        /** Suitable municipalities exist, but their places went to households that gained more. */
        CAPACITY_EXHAUSTED,
        /** Placing the household anywhere would lower the objective (only possible with extreme weights). */
        NOT_WORTHWHILE
    }
}
