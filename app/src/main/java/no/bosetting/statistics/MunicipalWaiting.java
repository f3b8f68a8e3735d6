package no.bosetting.statistics;

/**
 * The median waiting time of the households of one municipality in a year: days from the residence
 * permit to the chosen event (acceptance by, or settlement in, the municipality), over the households
 * whose event fell in the year.
 *
 * @param households the households counted, or −1 when withheld
 * @param medianDays null without households or when suppressed
 */
public record MunicipalWaiting(String number, String name, String countyName, int households, Double medianDays) {

    /**
     * Primary suppression only: no count or median from 1–4 households. Published outputs use
     * {@link PublishedStatistics#suppressed}, which adds complementary suppression.
     */
    public MunicipalWaiting suppressed() {
        Integer n = SmallCells.count(households);
        return new MunicipalWaiting(number, name, countyName, n == null ? -1 : n, SmallCells.derived(medianDays, households));
    }

    public boolean hidden() {
        return households < 0;
    }
}
