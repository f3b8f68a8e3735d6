package no.bosetting.decisions;

/**
 * A municipality's places in a year: settled plus accepted-not-yet-settled, against its decided number ("of which"
 * unaccompanied minors, and reunified family members). {@code decided} is the number planning works with — the year's
 * number, a range's minimum, or for a period decision what is left of the period's total after its other years;
 * {@code ceiling} is what the places may never exceed — a range's maximum, otherwise {@code decided}. Reunified family
 * members are among the settled and accepted; they are counted against the number unless the decision puts them on top.
 */
public record PlacesUsed(String municipalityNumber, int year, Integer decided, Integer decidedMinors, int settled,
                         int acceptedNotSettled, int minorsUsed, Integer ceiling, int reunified, boolean reunifiedOnTop,
                         String kind, Integer periodFirstYear, Integer periodLastYear) {

    /** A year decision (or none): the ceiling is the number, no reunified family members. */
    public PlacesUsed(String municipalityNumber, int year, Integer decided, Integer decidedMinors, int settled,
                      int acceptedNotSettled, int minorsUsed) {
        this(municipalityNumber, year, decided, decidedMinors, settled, acceptedNotSettled, minorsUsed, decided, 0, false,
                decided == null ? null : "YEAR", null, null);
    }

    /** The places counted against the decided number: reunified family members left out when they come on top. */
    public int used() {
        return settled + acceptedNotSettled - (reunifiedOnTop ? reunified : 0);
    }

    /** Places left of the number planning works with (of a period: what is left of the period). */
    public Integer remaining() {
        return decided == null ? null : decided - used();
    }

    /** Places for unaccompanied minors left of the decided number of them. */
    public int remainingMinors() {
        return decidedMinors == null ? 0 : decidedMinors - minorsUsed;
    }

    /** Places left before the ceiling (a range's maximum). */
    public Integer remainingToCeiling() {
        return ceiling == null ? null : ceiling - used();
    }

    public boolean exceeded() {
        return ceiling != null && used() > ceiling;
    }

    public boolean range() {
        return "RANGE".equals(kind);
    }

    public boolean period() {
        return "PERIOD".equals(kind);
    }

    /**
     * The place rule: whether a household of {@code persons} fits within the decided number and, when it is
     * an unaccompanied minor, within the decided number of unaccompanied minors. No decision, no room.
     */
    public boolean roomFor(int persons, boolean unaccompaniedMinor) {
        return roomFor(persons, unaccompaniedMinor ? persons : 0, 0);
    }

    /**
     * The place rule for {@code persons}, of whom {@code unaccompaniedMinors} are unaccompanied minors and
     * {@code reunifiedPersons} reunified family members (not counted when the decision puts them on top).
     */
    public boolean roomFor(int persons, int unaccompaniedMinors, int reunifiedPersons) {
        return roomForPersons(counted(persons, reunifiedPersons)) && (unaccompaniedMinors == 0 || roomForMinors(unaccompaniedMinors));
    }

    /** The persons of a claim counted against the number. */
    int counted(int persons, int reunifiedPersons) {
        return reunifiedOnTop ? persons - reunifiedPersons : persons;
    }

    /** Whether {@code persons} more fit within the ceiling. */
    boolean roomForPersons(int persons) {
        return ceiling != null && used() + persons <= ceiling;
    }

    /** Whether {@code minors} more unaccompanied minors fit within the decided number of them. */
    boolean roomForMinors(int minors) {
        return decidedMinors != null && minorsUsed + minors <= decidedMinors;
    }
}
