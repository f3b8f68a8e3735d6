package no.bosetting.planning;

import java.time.LocalDate;

/**
 * A municipal council's decision on how many persons (and unaccompanied minors) it settles in a year. The kind says
 * what the number is (issue 14 item 3): {@link Kind#YEAR} the year's number; {@link Kind#PERIOD} the total for the
 * years {@code periodFirstYear}–{@code periodLastYear} (the same row for each of them); {@link Kind#RANGE} at least
 * {@code persons} and at most {@code maxPersons} that year. {@code reunifiedOnTop}: reunified family members come on
 * top of the number instead of counting inside it (report 003 lines 2292–2294).
 */
public record CapacityDecision(long id, String municipalityNumber, int year, int persons, int unaccompaniedMinors,
                               LocalDate decidedOn, Kind kind, Integer maxPersons, Integer periodFirstYear,
                               Integer periodLastYear, boolean reunifiedOnTop) {

    public enum Kind { YEAR, PERIOD, RANGE }

    /** The number planning works with: the year's number, the range's minimum, or the period's total. */
    public int planned() {
        return persons;
    }

    /** The number the places may never exceed: the range's maximum, otherwise the number itself. */
    public int ceiling() {
        return kind == Kind.RANGE ? maxPersons : persons;
    }

    /**
     * The year's share for per-year overviews (statistics, even pace): a period's total spread evenly over its years,
     * the earlier years taking the remainder (Bærum's 300 for 2008–10 was "100 per year", report 003 lines 2347–2348);
     * a range's minimum; otherwise the number. The places are still counted against the whole period.
     */
    public int yearShare() {
        if (!period()) {
            return persons;
        }
        int years = periodLastYear - periodFirstYear + 1;
        return persons / years + (year - periodFirstYear < persons % years ? 1 : 0);
    }

    public boolean period() {
        return kind == Kind.PERIOD;
    }

    /** The first year of the decision's period, or its own year. */
    public int firstYear() {
        return period() ? periodFirstYear : year;
    }

    public int lastYear() {
        return period() ? periodLastYear : year;
    }
}
