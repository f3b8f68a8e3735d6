package no.bosetting.housing;

import java.util.List;

/**
 * Accepted households against vacant dwellings by size over the coming months, the places still
 * expected this year, and what the vacant dwellings cost.
 *
 * @param rows                  one per size class (rooms needed or offered); the last means "or more"
 * @param remainingPlaces       persons the council decided to settle this year and not yet accepted; null without a decision
 * @param vacantRentPerMonth    rent of all vacant dwellings per month
 * @param vacancyCostSoFar      rent lost on the vacant dwellings since each became vacant
 * @param longVacant            vacant dwellings vacant for longer than {@link HousingNeeds#LONG_VACANT_DAYS} days
 */
record HousingNeed(List<Row> rows, Integer remainingPlaces, long vacantRentPerMonth, long vacancyCostSoFar,
                          int longVacant) {

    /**
     * Accepted households needing {@code rooms} rooms without a reserved dwelling, households expected from
     * proposals still awaiting the municipality's answer, and vacant dwellings of that size.
     */
    public record Row(int rooms, boolean orMore, int households, int expected, int availableNow, int availableIn3Months,
                      int availableIn6Months) {

        /** Dwellings available within six months minus households waiting and expected; negative is a shortage. */
        public int balance() {
            return availableIn6Months - households - expected;
        }
    }
}
