package no.bosetting.statistics.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One municipality's aggregated numbers for a year: persons requested, decided and settled. Settled persons
 * follow the small-cell rule of every public statistics output: null when withheld.
 */
record MunicipalityStatistic(String number, String name, String county, int requested, int decided,
                                    @Schema(nullable = true, description = "Persons settled; null when withheld by the small-cell rule "
                                            + "(a count of 1–4, or a further count withheld so that none of those can be worked out from totals "
                                            + "or other tables)") Integer settled) {
}
