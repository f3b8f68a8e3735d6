package no.bosetting.planning;

import java.time.OffsetDateTime;

/**
 * A forecast of persons needing settlement in a year, in one of three scenarios: one version of it (who, when, why),
 * with the assumptions its forecast is computed from ({@link PlanForecast}).
 */
public record PlanningScenario(int year, Kind kind, int persons, String note, int version, String reason,
                               OffsetDateTime savedAt, String savedBy, ForecastAssumptions assumptions) {

    public enum Kind { LOW, EXPECTED, HIGH }
}
