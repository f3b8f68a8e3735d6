package no.bosetting.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national need and the forecast scenarios of a year, versioned: a save that changes something appends a version
 * with who, when and why, and earlier versions are never changed; {@code national_need} and {@code planning_scenario}
 * hold the latest. The first version may go without a reason (it is the original); every later one needs one — the
 * 2022 revision of 18 March is the case in point (report 001 lines 517–525: about 5,500 requested before the war,
 * revised to 35,000).
 */
@Service
public class NationalPlan {

    private static final int MAX_PERSONS = 1_000_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public NationalPlan(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static boolean planner(Actor actor) {
        return actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN);
    }

    private static <T> CommandResult<T> rule(String field, String key, Object... data) {
        return CommandResult.fail(CommandFailure.RuleBroken.of(field, key, data));
    }

    // ---- national need ----

    public Optional<NationalNeed> need(int year) {
        Map<String, Integer> split = new TreeMap<>();
        jdbc.sql("select county_number, persons from national_need_county where year = :y").param("y", year)
                .query((rs, n) -> split.put(rs.getString(1), rs.getInt(2))).list();
        return jdbc.sql("select persons, decided_on, version, reason, updated_at, updated_by from national_need where year = :y")
                .param("y", year)
                .query((rs, n) -> new NationalNeed(year, rs.getInt(1), rs.getObject(2, LocalDate.class), Map.copyOf(split), rs.getInt(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .optional();
    }

    /** Every version of the year's national need, newest first. */
    public List<NationalNeed> needVersions(int year) {
        return jdbc.sql("""
                select persons, decided_on, county_split, version, reason, created_at, created_by from national_need_version
                where year = :y order by version desc
                """)
                .param("y", year)
                .query((rs, n) -> new NationalNeed(year, rs.getInt(1), rs.getObject(2, LocalDate.class), parseSplit(rs.getString(3)),
                        rs.getInt(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
                .list();
    }

    /**
     * Records the national need as a new version; a regional split, when given, must add up to the national number.
     * Saving what is already there changes nothing; a change of an existing need needs a reason.
     */
    @Transactional
    public CommandResult<Void> saveNeed(Actor actor, int year, Integer persons, LocalDate decidedOn, Map<String, Integer> byCounty,
                                        String reason) {
        if (!planner(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (persons == null || persons < 0 || persons > MAX_PERSONS) {
            return rule("need", "error.planning.persons");
        }
        Map<String, Integer> split = byCounty == null ? Map.of() : new TreeMap<>(byCounty);
        if (split.values().stream().anyMatch(v -> v == null || v < 0)) {
            return rule("need", "error.planning.persons");
        }
        int sum = split.values().stream().mapToInt(Integer::intValue).sum();
        if (!split.isEmpty() && sum != persons) {
            return rule("need", "error.planning.splitSum", sum, persons);
        }
        lock("national_need", year);
        Optional<NationalNeed> current = need(year);
        if (current.isPresent() && current.get().persons() == persons && Objects.equals(current.get().decidedOn(), decidedOn)
                && current.get().byCounty().equals(split)) {
            return CommandResult.ok(null);
        }
        if (current.isPresent() && blank(reason)) {
            return rule("needReason", "error.planning.versionReason");
        }
        int version = nextVersion("select max(version) from national_need_version where year = :y", year, null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String why = blank(reason) ? null : reason.trim();
        jdbc.sql("""
                insert into national_need_version (year, version, persons, decided_on, county_split, reason, created_at, created_by)
                values (:y, :v, :p, :d, :split, :r, :now, :by)
                """)
                .param("y", year).param("v", version).param("p", persons).param("d", decidedOn).param("split", splitText(split))
                .param("r", why).param("now", now).param("by", actor.username()).update();
        jdbc.sql("""
                insert into national_need (year, persons, decided_on, version, reason, updated_at, updated_by)
                values (:y, :p, :d, :v, :r, :now, :by)
                on conflict (year) do update set persons = excluded.persons, decided_on = excluded.decided_on, version = excluded.version,
                    reason = excluded.reason, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("y", year).param("p", persons).param("d", decidedOn).param("v", version).param("r", why)
                .param("now", now).param("by", actor.username()).update();
        jdbc.sql("delete from national_need_county where year = :y").param("y", year).update();
        split.forEach((county, p) -> jdbc.sql("insert into national_need_county (year, county_number, persons) values (:y, :c, :p)")
                .param("y", year).param("c", county).param("p", p).update());
        return CommandResult.ok(null);
    }

    // ---- scenarios ----

    private static final String SCENARIO_COLUMNS = """
            kind, persons, note, version, reason, %s, %s, monthly_permits, household_shares, private_share
            """;

    public Map<PlanningScenario.Kind, PlanningScenario> scenarios(int year) {
        Map<PlanningScenario.Kind, PlanningScenario> map = new EnumMap<>(PlanningScenario.Kind.class);
        jdbc.sql("select " + SCENARIO_COLUMNS.formatted("updated_at", "updated_by") + " from planning_scenario where year = :y")
                .param("y", year).query((rs, n) -> scenario(year, rs)).list().forEach(s -> map.put(s.kind(), s));
        return map;
    }

    /** Every version of a scenario, newest first. */
    public List<PlanningScenario> scenarioVersions(int year, PlanningScenario.Kind kind) {
        return jdbc.sql("select " + SCENARIO_COLUMNS.formatted("created_at", "created_by")
                        + " from planning_scenario_version where year = :y and kind = :k order by version desc")
                .param("y", year).param("k", kind.name()).query((rs, n) -> scenario(year, rs)).list();
    }

    /**
     * Records a scenario as a new version. Monthly permits, when given, must add up to the year's persons; household
     * shares, when given, must add up to 100 per cent. Saving what is already there changes nothing; a change needs a
     * reason.
     */
    @Transactional
    public CommandResult<Void> saveScenario(Actor actor, int year, PlanningScenario.Kind kind, Integer persons, String note,
                                            ForecastAssumptions assumptions, String reason) {
        if (!planner(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (persons == null || persons < 0 || persons > MAX_PERSONS) {
            return rule("scenario." + kind, "error.planning.persons");
        }
        ForecastAssumptions a = assumptions == null ? ForecastAssumptions.NONE : assumptions;
        if (a.monthlyPermits() != null) {
            int sum = 0;
            for (int m : a.monthlyPermits()) {
                if (m < 0 || m > MAX_PERSONS) {
                    return rule("monthlyPermits", "error.planning.persons");
                }
                sum += m;
            }
            if (sum != persons) {
                return rule("monthlyPermits", "error.planning.monthlySum", sum, persons);
            }
        }
        if (!a.householdShares().isEmpty()) {
            double sum = 0;
            for (double s : a.householdShares().values()) {
                if (s < 0 || s > 100) {
                    return rule("householdShares", "error.planning.share");
                }
                sum += s;
            }
            if (Math.abs(sum - 100) > 0.05) {
                return rule("householdShares", "error.planning.sharesSum", BigDecimal.valueOf(sum).setScale(1, java.math.RoundingMode.HALF_UP));
            }
        }
        if (a.privateShare() != null && (a.privateShare() < 0 || a.privateShare() > 100)) {
            return rule("privateShare", "error.planning.share");
        }
        lock("planning_scenario_" + kind, year);
        PlanningScenario current = scenarios(year).get(kind);
        String cleanNote = blank(note) ? null : note.trim();
        if (current != null && current.persons() == persons && Objects.equals(current.note(), cleanNote)
                && current.assumptions().equals(a)) {
            return CommandResult.ok(null);
        }
        if (current != null && blank(reason)) {
            return rule("scenarioReason", "error.planning.versionReason");
        }
        int version = nextVersion("select max(version) from planning_scenario_version where year = :y and kind = :k", year, kind.name());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String why = blank(reason) ? null : reason.trim();
        BigDecimal privateShare = a.privateShare() == null ? null : BigDecimal.valueOf(a.privateShare());
        jdbc.sql("""
                insert into planning_scenario_version (year, kind, version, persons, note, monthly_permits, household_shares, private_share,
                    reason, created_at, created_by)
                values (:y, :k, :v, :p, :note, :monthly, :shares, :private, :r, :now, :by)
                """)
                .param("y", year).param("k", kind.name()).param("v", version).param("p", persons).param("note", cleanNote)
                .param("monthly", a.monthlyText()).param("shares", a.sharesText()).param("private", privateShare)
                .param("r", why).param("now", now).param("by", actor.username()).update();
        jdbc.sql("""
                insert into planning_scenario (year, kind, persons, note, version, reason, monthly_permits, household_shares, private_share,
                    updated_at, updated_by)
                values (:y, :k, :p, :note, :v, :r, :monthly, :shares, :private, :now, :by)
                on conflict (year, kind) do update set persons = excluded.persons, note = excluded.note, version = excluded.version,
                    reason = excluded.reason, monthly_permits = excluded.monthly_permits, household_shares = excluded.household_shares,
                    private_share = excluded.private_share, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("y", year).param("k", kind.name()).param("p", persons).param("note", cleanNote).param("v", version)
                .param("r", why).param("monthly", a.monthlyText()).param("shares", a.sharesText()).param("private", privateShare)
                .param("now", now).param("by", actor.username()).update();
        return CommandResult.ok(null);
    }

    /** The years that have a national need, a scenario or requests, newest first. */
    public List<Integer> yearsWithData() {
        return jdbc.sql("""
                select year from national_need union select year from planning_scenario union select year from capacity_request
                order by 1 desc
                """).query(Integer.class).list();
    }

    /**
     * The year the planning pages open on: the year being planned (next year) when it has data, else this year when it
     * has, else the latest earlier year that has; next year when nothing is planned yet.
     */
    public int yearBeingPlanned(LocalDate today) {
        return yearBeingPlanned(today, yearsWithData());
    }

    static int yearBeingPlanned(LocalDate today, List<Integer> yearsWithData) {
        int next = today.getYear() + 1;
        if (yearsWithData.contains(next)) {
            return next;
        }
        return yearsWithData.stream().filter(y -> y <= today.getYear()).findFirst().orElse(next);
    }

    // ---- helpers ----

    /** Serialises concurrent saves of one year's need (or one scenario), so version numbers cannot collide. */
    private void lock(String what, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:w), :y)").param("w", what).param("y", year).query((rs, n) -> 1).list();
    }

    private int nextVersion(String sql, int year, String kind) {
        var spec = jdbc.sql(sql).param("y", year);
        if (kind != null) {
            spec = spec.param("k", kind);
        }
        Integer max = spec.query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    private static PlanningScenario scenario(int year, ResultSet rs) throws SQLException {
        BigDecimal privateShare = rs.getBigDecimal(10);
        return new PlanningScenario(year, PlanningScenario.Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                ForecastAssumptions.parse(rs.getString(8), rs.getString(9), privateShare == null ? null : privateShare.doubleValue()));
    }

    static String splitText(Map<String, Integer> split) {
        return new TreeMap<>(split).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static Map<String, Integer> parseSplit(String text) {
        Map<String, Integer> split = new TreeMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(";")) {
                String[] kv = part.split("=");
                split.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return Map.copyOf(split);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
