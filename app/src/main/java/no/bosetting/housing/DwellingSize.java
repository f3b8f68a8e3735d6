package no.bosetting.housing;

/**
 * One rule for how many rooms a household needs and how many persons a dwelling houses, so matching
 * and the capacity given to planning agree. Rooms count the living room: a couple shares a bedroom,
 * other adults get one each, and two children share one; a single person can live in a bedsit.
 */
final class DwellingSize {

    private DwellingSize() {
    }

    public static int roomsNeeded(int persons, int children, boolean couple) {
        if (persons <= 1) {
            return 1;
        }
        int adults = Math.max(0, persons - children);
        int adultBedrooms = couple && adults >= 2 ? adults - 1 : adults;
        return 1 + adultBedrooms + (children + 1) / 2;
    }

    /** Persons a dwelling of this many rooms houses under {@link #roomsNeeded}. */
    public static int personsHoused(int rooms) {
        return rooms <= 1 ? 1 : (rooms - 1) * 2;
    }
}
