package no.bosetting.allocation.engine;

/**
 * A hard constraint that shaped a household's proposal, as data an application can word in its own language
 * (the English sentence in {@link Explanation#bindingConstraints()} says the same).
 *
 * @param code         which rule
 * @param municipality the municipality number the rule belongs to
 * @param used         places (or dwellings) used at that municipality by this proposal; 0 where not applicable
 * @param capacity     places (or dwellings) available this round; 0 where not applicable
 * @param dualPrice    the row's dual price per person at the certified bound (capacity only; otherwise 0)
 * @param detail       the together-group id, or the dwelling size in persons; {@code null} otherwise
 */
public record BindingConstraint(Code code, String municipality, int used, int capacity, double dualPrice,
        String detail) {

    public enum Code {
        /** The municipality's places in persons are used up or carry a positive dual price. */
        CAPACITY,
        /** The municipality's places for unaccompanied minors are used up. */
        MINOR_PLACES,
        /** The municipality's dwellings of the household's size (or larger) are used up. */
        LARGE_DWELLINGS,
        /** The household is placed together with the other households of its group. */
        TOGETHER_GROUP,
        /** Close family lives in the municipality, so the household must be placed there. */
        CLOSE_FAMILY,
        /** A caseworker pinned the household to the municipality. */
        PINNED
    }
}
