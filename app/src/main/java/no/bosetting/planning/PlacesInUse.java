package no.bosetting.planning;

/**
 * The places a municipality has already used in a year (settled plus accepted-not-settled, and of them unaccompanied
 * minors), contributed by the module that owns the settlements. Lets a capacity decision refuse a number below them
 * without planning depending on that module.
 */
public interface PlacesInUse {

    /** Places used by {@code municipalityNumber} in {@code year}; asked under the decision row's lock. */
    Used used(String municipalityNumber, int year);

    record Used(int persons, int unaccompaniedMinors) {

        public static final Used NONE = new Used(0, 0);
    }
}
