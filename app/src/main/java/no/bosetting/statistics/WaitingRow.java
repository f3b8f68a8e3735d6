package no.bosetting.statistics;

import java.util.List;

/**
 * Waiting times for one household type (or all) in a year. Each measure counts the households whose
 * event (allocation, acceptance, settlement) fell in the year; days run from the residence permit.
 *
 * @param distribution settled households per waiting band, see {@link WaitingStatistics#BANDS}
 */
public record WaitingRow(String householdType, int allocatedHouseholds, Double avgDaysToAllocation, int acceptedHouseholds,
                         Double avgDaysToAcceptance, int settledHouseholds, Double avgDaysToSettlement, Double medianDaysToSettlement,
                         Double shareWithin3Months, Double shareWithin6Months, Double shareWithin12Months, List<Integer> distribution) {

    /**
     * The same row with primary suppression only: small counts become −1 and values derived from them null.
     * Published outputs use {@link PublishedStatistics#suppressed}, which adds complementary suppression.
     */
    public WaitingRow suppressed() {
        return new WaitingRow(householdType, nullToMinus(SmallCells.count(allocatedHouseholds)),
                SmallCells.derived(avgDaysToAllocation, allocatedHouseholds), nullToMinus(SmallCells.count(acceptedHouseholds)),
                SmallCells.derived(avgDaysToAcceptance, acceptedHouseholds), nullToMinus(SmallCells.count(settledHouseholds)),
                SmallCells.derived(avgDaysToSettlement, settledHouseholds), SmallCells.derived(medianDaysToSettlement, settledHouseholds),
                SmallCells.derived(shareWithin3Months, settledHouseholds), SmallCells.derived(shareWithin6Months, settledHouseholds),
                SmallCells.derived(shareWithin12Months, settledHouseholds),
                distribution.stream().map(n -> nullToMinus(SmallCells.count(n))).toList());
    }

    /** −1 marks a suppressed count in int fields; pages and exports show it as the suppression mark. */
    private static int nullToMinus(Integer n) {
        return n == null ? -1 : n;
    }
}
