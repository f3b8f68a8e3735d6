package no.bosetting.planning;

/**
 * The places a municipality has already used in a year (settled plus accepted-not-settled, and of them unaccompanied
 * minors and reunified family members), contributed by the module that owns the settlements. Lets a capacity decision
 * refuse a number below them without planning depending on that module.
 */
public interface PlacesInUse {

    /** Places used by {@code municipalityNumber} in the years {@code from}–{@code to}; asked under the decision row's lock. */
    Used used(String municipalityNumber, int from, int to);

    default Used used(String municipalityNumber, int year) {
        return used(municipalityNumber, year, year);
    }

    record Used(int persons, int unaccompaniedMinors, int reunified) {

        public static final Used NONE = new Used(0, 0, 0);

        /** The persons counted against a decision: reunified family members left out when they come on top. */
        public int counted(boolean reunifiedOnTop) {
            return reunifiedOnTop ? persons - reunified : persons;
        }
    }
}
