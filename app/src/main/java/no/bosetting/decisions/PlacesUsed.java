package no.bosetting.decisions;

/**
 * A municipality's places in a year: settled plus accepted-not-yet-settled, against its decided
 * number ("of which" unaccompanied minors).
 */
public record PlacesUsed(String municipalityNumber, int year, Integer decided, Integer decidedMinors, int settled,
                         int acceptedNotSettled, int minorsUsed) {

    public int used() {
        return settled + acceptedNotSettled;
    }

    public Integer remaining() {
        return decided == null ? null : decided - used();
    }

    public boolean exceeded() {
        return decided != null && used() > decided;
    }

    /**
     * The place rule: whether a household of {@code persons} fits within the decided number and, when it is
     * an unaccompanied minor, within the decided number of unaccompanied minors. No decision, no room.
     */
    public boolean roomFor(int persons, boolean unaccompaniedMinor) {
        return roomForPersons(persons) && (!unaccompaniedMinor || roomForMinors(persons));
    }

    /** Whether {@code persons} more fit within the decided number. */
    public boolean roomForPersons(int persons) {
        return decided != null && used() + persons <= decided;
    }

    /** Whether {@code minors} more unaccompanied minors fit within the decided number of them. */
    public boolean roomForMinors(int minors) {
        return decidedMinors != null && minorsUsed + minors <= decidedMinors;
    }
}
