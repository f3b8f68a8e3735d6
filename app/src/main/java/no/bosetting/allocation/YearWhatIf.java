package no.bosetting.allocation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.cases.HouseholdType;
import no.bosetting.planning.PlanningScenario;

/**
 * A stored year what-if: who ran it and when, its inputs (year, scenario, start, policy version, pace, the households
 * entering per quarter) and its results per municipality and quarter.
 */
public record YearWhatIf(long id, int year, PlanningScenario.Kind scenario, int scenarioVersion, int scenarioPersons,
                         LocalDate startDate, AllocationPolicy policy,
                         String pacePeriod, int placesRemaining, int unplacedHouseholds, int unplacedPersons, double objective,
                         double seconds, OffsetDateTime createdAt, String createdBy, List<Entry> entries, List<Row> rows) {

    public enum Source { WAITING, FORECAST }

    /** Households of one type entering the year in a quarter, from the waiting list or the forecast. */
    public record Entry(int quarter, Source source, HouseholdType type, int households, int persons) {
    }

    /** One municipality in one quarter: places decided for the year, used before the run, and what the planner placed. */
    public record Row(String municipalityNumber, String municipalityName, int quarter, int decided, int usedBefore,
                      int placedPersons, int placedHouseholds, long waitDays) {
    }

    /** A quarter's figures, nationally or for one municipality. */
    public record QuarterFigures(int quarter, int placedPersons, int placedHouseholds, int usedToEnd, int decided,
                                 Double averageWaitDays) {

        /** Settled, accepted and placed persons to the end of the quarter against the year's decided places; null without places. */
        public Double fill() {
            return decided == 0 ? null : (double) usedToEnd / decided;
        }
    }

    /** One municipality over the quarters of the run. */
    public record MunicipalityFigures(String number, String name, int decided, int usedBefore, List<QuarterFigures> quarters) {

        public QuarterFigures last() {
            return quarters.get(quarters.size() - 1);
        }
    }

    public int firstQuarter() {
        return (startDate.getMonthValue() - 1) / 3 + 1;
    }

    public int entering(Source source) {
        return entries.stream().filter(e -> e.source() == source).mapToInt(Entry::persons).sum();
    }

    public int enteringHouseholds(Source source) {
        return entries.stream().filter(e -> e.source() == source).mapToInt(Entry::households).sum();
    }

    /** Persons entering in a quarter from one source. */
    public int entering(Source source, int quarter) {
        return entries.stream().filter(e -> e.source() == source && e.quarter() == quarter).mapToInt(Entry::persons).sum();
    }

    public int placedPersons() {
        return rows.stream().mapToInt(Row::placedPersons).sum();
    }

    /** Per municipality, in number order, its quarters with cumulative fill. */
    public List<MunicipalityFigures> municipalities() {
        Map<String, List<Row>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.computeIfAbsent(r.municipalityNumber(), k -> new ArrayList<>()).add(r));
        List<MunicipalityFigures> result = new ArrayList<>();
        by.forEach((number, rs) -> result.add(new MunicipalityFigures(number, rs.get(0).municipalityName(), rs.get(0).decided(),
                rs.get(0).usedBefore(), figures(rs, rs.get(0).decided(), rs.get(0).usedBefore()))));
        return result;
    }

    /** Nationally per quarter, over every municipality. */
    public List<QuarterFigures> national() {
        Map<String, Row> firstRow = new LinkedHashMap<>();
        rows.forEach(r -> firstRow.putIfAbsent(r.municipalityNumber(), r));
        int decided = firstRow.values().stream().mapToInt(Row::decided).sum();
        int before = firstRow.values().stream().mapToInt(Row::usedBefore).sum();
        return figures(rows, decided, before);
    }

    /** The national figures of one quarter, or null when the run started after it. */
    public QuarterFigures nationalQuarter(int quarter) {
        return national().stream().filter(q -> q.quarter() == quarter).findFirst().orElse(null);
    }

    private List<QuarterFigures> figures(List<Row> rs, int decided, int usedBefore) {
        List<QuarterFigures> result = new ArrayList<>();
        int used = usedBefore;
        for (int q = firstQuarter(); q <= 4; q++) {
            int persons = 0;
            int households = 0;
            long wait = 0;
            for (Row r : rs) {
                if (r.quarter() == q) {
                    persons += r.placedPersons();
                    households += r.placedHouseholds();
                    wait += r.waitDays();
                }
            }
            used += persons;
            result.add(new QuarterFigures(q, persons, households, used, decided, households == 0 ? null : (double) wait / households));
        }
        return result;
    }
}
