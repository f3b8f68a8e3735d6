package no.bosetting.planning;

import java.util.Map;

/**
 * Persons settled per municipality in a span of years: the system's own settlement data behind the
 * "settlement experience" criterion. Implemented by the module that owns settlement dates, so planning
 * reads it without depending on that module.
 */
public interface SettlementHistory {

    /** Persons with a registered settlement date in the years {@code fromYear}–{@code toYear}, by municipality number. */
    Map<String, Integer> settledPersons(int fromYear, int toYear);
}
