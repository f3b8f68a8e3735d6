package no.bosetting.statistics;

/**
 * The median waiting time of the households of one municipality in a year: days from the residence
 * permit to the chosen event (acceptance by, or settlement in, the municipality), over the households
 * whose event fell in the year.
 *
 * @param households the households counted, or −1 when suppressed
 * @param medianDays null without households or when suppressed
 */
public record MunicipalWaiting(String number, String name, String countyName, int households, Double medianDays) {

    /** The small-cell rule: no count or median from 1–4 households. */
    public MunicipalWaiting suppressed() {
        Integer n = SmallCells.count(households);
        return new MunicipalWaiting(number, name, countyName, n == null ? -1 : n, SmallCells.derived(medianDays, households));
    }

    public boolean hidden() {
        return households < 0;
    }
}
