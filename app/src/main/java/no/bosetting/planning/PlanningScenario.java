package no.bosetting.planning;

/** A forecast of persons needing settlement in a year, in one of three scenarios. */
public record PlanningScenario(int year, Kind kind, int persons, String note) {

    public enum Kind { LOW, EXPECTED, HIGH }
}
