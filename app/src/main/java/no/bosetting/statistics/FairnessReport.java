package no.bosetting.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import no.bosetting.cases.HouseholdType;
import no.bosetting.decisions.PlacedHouseholds;
import no.bosetting.interview.HeavyCases;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.planning.CapacityDecisions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fairness over time (issue 23 item 6): per quarter, for each municipality and county, the fill ratio (settled and
 * accepted places to the end of the quarter against the year's decided places, as {@code decisions.PlacesUsed} counts
 * them), the share of the country's heavy cases it took against its share of the decided places, and the average
 * waiting time per household type of the households placed in the quarter.
 *
 * <p>IMDi wants easy and heavy settlement cases spread fairly between municipalities (report 002 lines 6481–6485), and
 * municipalities refuse care-heavy cases when their capacity is strained (report 000 lines 3792–3800). Whether a
 * household is a <b>heavy case</b> is the one rule {@link HeavyCases#isHeavy} (the same rule as the round's heavy-case
 * load): an unaccompanied minor, a family of {@value HeavyCases#LARGE_FAMILY} or more, a need for a particular service,
 * or health details recorded with a member's current consent. A place counts on its settlement date when settled, else on the day
 * the municipality accepted it; a place counted in the year outside it falls in the nearest quarter.
 */
@Service
@Transactional(readOnly = true)
public class FairnessReport {

    private final JdbcClient jdbc;
    private final PlacedHouseholds placedHouseholds;
    private final Clock clock;
    private final Municipalities municipalities;
    private final CapacityDecisions decisions;
    private final HeavyCases heavyCases;

    public FairnessReport(JdbcClient jdbc, Clock clock, Municipalities municipalities, CapacityDecisions decisions,
                          PlacedHouseholds placedHouseholds, HeavyCases heavyCases) {
        this.jdbc = jdbc;
        this.heavyCases = heavyCases;
        this.placedHouseholds = placedHouseholds;
        this.clock = clock;
        this.municipalities = municipalities;
        this.decisions = decisions;
    }

    /**
     * One municipality or county in one quarter.
     *
     * @param decided       the year's decided places
     * @param usedToEnd     settled and accepted persons to the end of the quarter
     * @param heavyToEnd    heavy households placed to the end of the quarter
     * @param heavyShare    its share of the country's heavy households placed to the end of the quarter (null: none yet)
     * @param placesShare   its share of the country's decided places (null: none decided)
     * @param waitDays      average days from the permit to the place, per household type, of households placed in the quarter
     */
    public record Row(String key, String name, String countyName, int quarter, int decided, int usedToEnd, int heavyToEnd,
                      Double heavyShare, Double placesShare, Map<HouseholdType, Double> waitDays) {

        public Double fill() {
            return decided == 0 ? null : (double) usedToEnd / decided;
        }
    }

    public record Report(int year, List<Integer> quarters, List<Row> municipalities, List<Row> counties) {
    }

    /** One household's place: where, which quarter, how many persons, heavy or not, and the days it waited. */
    record Placement(String municipality, int quarter, HouseholdType type, int persons, boolean heavy, long waitDays) {
    }

    public Report report(int year) {
        LocalDate today = LocalDate.now(clock);
        int lastQuarter = year < today.getYear() ? 4 : year > today.getYear() ? 0 : (today.getMonthValue() - 1) / 3 + 1;
        List<Integer> quarters = new ArrayList<>();
        for (int q = 1; q <= lastQuarter; q++) {
            quarters.add(q);
        }
        Map<String, Integer> decided = new HashMap<>();
        decisions.forYear(year).forEach((m, d) -> decided.put(m, d.persons()));
        List<Placement> placements = placements(year);
        List<Municipality> all = municipalities.all();
        Map<String, Municipality> byNumber = new HashMap<>();
        all.forEach(m -> byNumber.put(m.number(), m));
        Map<String, Unit> units = new TreeMap<>();
        Map<String, Unit> counties = new TreeMap<>();
        for (Municipality m : all) {
            int d = decided.getOrDefault(m.number(), 0);
            units.put(m.number(), new Unit(m.number(), m.name(), m.countyName(), d));
            counties.computeIfAbsent(m.countyNumber(), k -> new Unit(k, m.countyName(), m.countyName(), 0)).decided += d;
        }
        Unit nation = new Unit("", "", "", decided.values().stream().mapToInt(Integer::intValue).sum());
        for (Placement p : placements) {
            Municipality m = byNumber.get(p.municipality());
            for (Unit u : List.of(units.get(p.municipality()), counties.get(m.countyNumber()), nation)) {
                u.add(p);
            }
        }
        List<Row> municipalityRows = new ArrayList<>();
        for (Unit u : units.values()) {
            if (u.decided > 0 || u.placed) {
                municipalityRows.addAll(u.rows(quarters, nation));
            }
        }
        List<Row> countyRows = new ArrayList<>();
        for (Unit u : counties.values()) {
            if (u.decided > 0 || u.placed) {
                countyRows.addAll(u.rows(quarters, nation));
            }
        }
        return new Report(year, quarters, municipalityRows, countyRows);
    }

    List<Placement> placements(int year) {
        List<PlacedHouseholds.Placed> placed = placedHouseholds.inYear(year);
        if (placed.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> facts = new HashMap<>();
        List<HeavyCases.Household> households = new ArrayList<>();
        jdbc.sql("""
                select c.id, c.household_type, c.permit_date, c.persons, c.unaccompanied_minor
                from settlement_case c
                where c.id = any(:ids)
                """)
                .param("ids", placed.stream().map(PlacedHouseholds.Placed::caseId).distinct().toArray(Long[]::new))
                .query((rs, n) -> {
                    households.add(new HeavyCases.Household(rs.getLong(1), rs.getInt(4), rs.getBoolean(5)));
                    return facts.put(rs.getLong(1), new Object[] {HouseholdType.valueOf(rs.getString(2)),
                            rs.getObject(3, LocalDate.class)});
                })
                .list();
        Set<Long> heavy = heavyCases.heavy(households);
        List<Placement> placements = new ArrayList<>();
        for (PlacedHouseholds.Placed p : placed) {
            Object[] f = facts.get(p.caseId());
            LocalDate on = p.placedOn();
            // A place counted in this year but dated outside it (a December decision for January) falls in the nearer quarter.
            int quarter = on.getYear() < year ? 1 : on.getYear() > year ? 4 : (on.getMonthValue() - 1) / 3 + 1;
            long waitDays = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between((LocalDate) f[1], on));
            placements.add(new Placement(p.municipalityNumber(), quarter, (HouseholdType) f[0], p.persons(),
                    heavy.contains(p.caseId()), waitDays));
        }
        return placements;
    }

    /** A municipality, a county or the country, summing its placements by quarter. */
    private static final class Unit {
        final String key;
        final String name;
        final String county;
        int decided;
        boolean placed;
        final int[] persons = new int[5];
        final int[] heavy = new int[5];
        final Map<Integer, Map<HouseholdType, long[]>> wait = new HashMap<>();

        Unit(String key, String name, String county, int decided) {
            this.key = key;
            this.name = name;
            this.county = county;
            this.decided = decided;
        }

        void add(Placement p) {
            placed = true;
            persons[p.quarter()] += p.persons();
            heavy[p.quarter()] += p.heavy() ? 1 : 0;
            long[] w = wait.computeIfAbsent(p.quarter(), q -> new EnumMap<>(HouseholdType.class))
                    .computeIfAbsent(p.type(), t -> new long[2]);
            w[0] += p.waitDays();
            w[1]++;
        }

        int toEnd(int[] byQuarter, int quarter) {
            int sum = 0;
            for (int q = 1; q <= quarter; q++) {
                sum += byQuarter[q];
            }
            return sum;
        }

        List<Row> rows(List<Integer> quarters, Unit nation) {
            List<Row> rows = new ArrayList<>();
            for (int q : quarters) {
                Map<HouseholdType, Double> days = new EnumMap<>(HouseholdType.class);
                wait.getOrDefault(q, Map.of()).forEach((t, w) -> days.put(t, (double) w[0] / w[1]));
                int heavyHere = toEnd(heavy, q);
                int heavyAll = nation.toEnd(nation.heavy, q);
                rows.add(new Row(key, name, county, q, decided, toEnd(persons, q), heavyHere,
                        heavyAll == 0 ? null : (double) heavyHere / heavyAll,
                        nation.decided == 0 ? null : (double) decided / nation.decided, days));
            }
            return rows;
        }
    }
}
