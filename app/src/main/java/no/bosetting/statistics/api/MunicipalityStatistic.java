package no.bosetting.statistics.api;

/** One municipality's aggregated numbers for a year: persons requested, decided and settled. */
record MunicipalityStatistic(String number, String name, String county, int requested, int decided, int settled) {
}
