package no.bosetting.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.SettlementTarget;
import no.bosetting.decisions.PlaceRule;
import no.bosetting.housing.HousingCapacity;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.EvenPace;
import no.bosetting.planning.NationalPlan;
import no.bosetting.planning.PacePlan;
import no.bosetting.planning.PlanForecast;
import no.bosetting.planning.PlanForecasts;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.cases.Page;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planner's year what-if (issue 23 item 5): "how does the rest of the year go with today's decisions and the
 * forecast?". The households come from the waiting list (built by the weekly round's own {@link RoundBuilder}) and from
 * the chosen scenario's forecast ({@link PlanForecasts}: expected permits per month and household type, a place needed
 * by the settlement target, as the forecast page counts them); places are the year's decided places minus those settled
 * or accepted, paced as the weekly rounds are; the weights are the active {@link AllocationPolicies policy}. The run is
 * stored with who, when, inputs and results.
 */
@Service
public class YearWhatIfs {

    /**
     * The households the what-if places: being mapped or ready. A household with a pending proposal is left out: its
     * municipality is deciding, and the weekly round would not propose it again to the same municipality.
     */
    private static final List<CaseStatus> WAITING = List.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION);
    /** Persons per forecast household where the type fixes it or no household of the type is waiting. */
    private static final Map<HouseholdType, Integer> DEFAULT_PERSONS = Map.of(HouseholdType.SINGLE_MAN, 1, HouseholdType.SINGLE_WOMAN, 1,
            HouseholdType.UNACCOMPANIED_MINOR, 1, HouseholdType.COUPLE_WITHOUT_CHILDREN, 2,
            HouseholdType.SINGLE_ADULT_WITH_CHILDREN, 3, HouseholdType.COUPLE_WITH_CHILDREN, 4, HouseholdType.OTHER, 2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AllocationPort engine;
    private final AllocationPolicies policies;
    private final RoundBuilder rounds;
    private final CaseQueries cases;
    private final PlanForecasts forecasts;
    private final NationalPlan plan;
    private final PlaceRule placeRule;
    private final EvenPace pace;
    private final HousingCapacity housing;
    private final Municipalities municipalities;
    private final Duration timeLimit;

    public YearWhatIfs(JdbcClient jdbc, Clock clock, AllocationPort engine, AllocationPolicies policies, RoundBuilder rounds,
                       CaseQueries cases, PlanForecasts forecasts, NationalPlan plan, PlaceRule placeRule, EvenPace pace,
                       HousingCapacity housing, Municipalities municipalities,
                       @Value("${bosetting.whatif.time-limit:PT4S}") Duration timeLimit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.engine = engine;
        this.policies = policies;
        this.rounds = rounds;
        this.cases = cases;
        this.forecasts = forecasts;
        this.plan = plan;
        this.placeRule = placeRule;
        this.pace = pace;
        this.housing = housing;
        this.municipalities = municipalities;
        this.timeLimit = timeLimit;
    }

    /** Runs and stores a what-if for this year or next, from today (or 1 January of next year). */
    @Transactional
    public CommandResult<Long> run(Actor actor, Integer year, PlanningScenario.Kind kind) {
        if (!actor.is(Role.AGENCY_PLANNER) && !actor.is(Role.AGENCY_ADMIN)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        LocalDate today = LocalDate.now(clock);
        if (year == null || year < today.getYear() || year > today.getYear() + 1) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("year", "error.whatif.year", today.getYear(), today.getYear() + 1));
        }
        if (kind == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("scenario", "error.whatif.scenario"));
        }
        Optional<PlanForecast.Result> forecast = forecasts.forecast(year, kind);
        PlanningScenario scenario = plan.scenarios(year).get(kind);
        if (forecast.isEmpty() || scenario == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("scenario", "error.whatif.noScenario"));
        }
        LocalDate start = year > today.getYear() ? LocalDate.of(year, 1, 1) : today;
        AllocationPolicy policy = policies.current();
        PacePlan.Period period = pace.period(year);

        List<CaseSummary> waiting = waiting(actor);
        Instance round = rounds.build("whatif-" + year, waiting, today);
        Map<String, CaseSummary> byId = new HashMap<>();
        waiting.forEach(c -> byId.put(String.valueOf(c.id()), c));
        List<YearWhatIfSimulation.Entrant> entrants = new ArrayList<>();
        for (Household h : round.households()) {
            CaseSummary c = byId.get(h.id());
            entrants.add(new YearWhatIfSimulation.Entrant(h, c.householdType(), YearWhatIf.Source.WAITING, start, c.permitDate()));
        }
        entrants.addAll(forecastEntrants(forecast.get(), start, waiting));

        List<YearWhatIfSimulation.Place> places = places(round, year, today, period, policy.useRangeMaximum());
        Map<String, String> names = new HashMap<>();
        municipalities.all().forEach(m -> names.put(m.number(), m.name()));
        YearWhatIfSimulation simulation = new YearWhatIfSimulation(year, start);
        YearWhatIfSimulation.Outcome outcome = simulation.run(entrants, places, names, policy.toEngine(), engine, timeLimit, year);
        return CommandResult.ok(store(actor, scenario, start, policy, period, places, entrants, outcome));
    }

    private List<CaseSummary> waiting(Actor actor) {
        List<CaseSummary> result = new ArrayList<>();
        for (CaseStatus status : WAITING) {
            int page = 0;
            Page<CaseSummary> batch;
            do {
                batch = cases.search(CaseFilter.status(status), actor, page++, 500);
                result.addAll(batch.items());
            } while (batch.hasNext());
        }
        return result;
    }

    /**
     * The forecast's persons needing a place per month and type, as households: a place is needed in the month the
     * settlement target falls ({@link SettlementTarget}); months before the start are already on the waiting list, months
     * after December in the next year (as {@link PlanForecast} counts them). Persons per household: the average of that
     * type on the waiting list, or the type's size; the rest of a month's persons form one smaller household, so the
     * persons add up to the forecast's.
     */
    List<YearWhatIfSimulation.Entrant> forecastEntrants(PlanForecast.Result forecast, LocalDate start, List<CaseSummary> waiting) {
        Map<HouseholdType, Integer> size = new EnumMap<>(DEFAULT_PERSONS);
        Map<HouseholdType, int[]> seen = new EnumMap<>(HouseholdType.class);
        waiting.forEach(c -> {
            int[] s = seen.computeIfAbsent(c.householdType(), t -> new int[2]);
            s[0] += c.persons();
            s[1]++;
        });
        seen.forEach((t, s) -> {
            if (t.withChildren() || t == HouseholdType.OTHER) {
                size.put(t, Math.max(1, Math.round((float) s[0] / s[1])));
            }
        });
        int year = forecast.year();
        List<YearWhatIfSimulation.Entrant> result = new ArrayList<>();
        for (PlanForecast.Month month : forecast.months()) {
            for (Map.Entry<HouseholdType, Integer> e : month.needingPlaceByType().entrySet()) {
                HouseholdType type = e.getKey();
                int placeMonth = month.month() + SettlementTarget.months(type);
                if (placeMonth > 12 || placeMonth < start.getMonthValue() && start.getYear() == year) {
                    continue;
                }
                LocalDate from = LocalDate.of(year, placeMonth, 1);
                from = from.isBefore(start) ? start : from;
                LocalDate to = LocalDate.of(year, placeMonth, 1).plusMonths(1).minusDays(1);
                LocalDate permit = LocalDate.of(year, month.month(), 15);
                List<Integer> households = new ArrayList<>();
                int persons = e.getValue();
                int each = size.get(type);
                for (; persons >= each; persons -= each) {
                    households.add(each);
                }
                if (persons > 0) {
                    households.add(persons);
                }
                long days = to.toEpochDay() - from.toEpochDay() + 1;
                for (int i = 0; i < households.size(); i++) {
                    LocalDate ready = from.plusDays(days * i / households.size());
                    int n = households.get(i);
                    boolean minor = type == HouseholdType.UNACCOMPANIED_MINOR;
                    Household h = new Household("F" + month.month() + "-" + type.ordinal() + "-" + i, n, minor, type.withChildren(),
                            java.util.Set.of(), (int) (ready.toEpochDay() - permit.toEpochDay()), SettlementTarget.targetDays(permit, type),
                            null, null, null, null, java.util.Set.of(), null, false, false);
                    result.add(new YearWhatIfSimulation.Entrant(h, type, YearWhatIf.Source.FORECAST, ready, permit));
                }
            }
        }
        return result;
    }

    /**
     * The municipalities of the weekly round with the year's places instead of today's: decided minus settled and
     * accepted, unpaced (the simulation paces week by week), and dwellings registered for the year; a municipality that
     * registered none is assumed to find housing for its places, as in the weekly round.
     */
    private List<YearWhatIfSimulation.Place> places(Instance round, int year, LocalDate today, PacePlan.Period period,
                                                    boolean upToRangeMaximum) {
        // The room is the one place rule's answer for the year (a range's minimum or, by the policy, its maximum; what is
        // left of a period), unpaced.
        Map<String, PlaceRule.Room> room = placeRule.engineRoom(year, upToRangeMaximum);
        Map<String, int[]> registered = housing.dwellingsByPersons(today, 12, Municipality.MAX_DWELLING_CLASS);
        List<YearWhatIfSimulation.Place> result = new ArrayList<>();
        for (Municipality m : round.municipalities()) {
            PlaceRule.Room p = room.get(m.number());
            int decided = p == null ? 0 : p.limit();
            int before = p == null ? 0 : p.used();
            int remaining = p == null ? 0 : p.persons();
            int minors = p == null ? 0 : p.unaccompaniedMinors();
            int[] dwellings = registered.get(m.number());
            if (dwellings == null) {
                dwellings = new int[Municipality.MAX_DWELLING_CLASS + 1];
                dwellings[Municipality.MAX_DWELLING_CLASS] = remaining / Municipality.LARGE_HOUSEHOLD + 1;
            }
            PacePlan plan = PacePlan.of(m.number(), year, decided, period);
            result.add(new YearWhatIfSimulation.Place(m.withPlaces(remaining, minors).withDwellings(dwellings), decided, before,
                    day -> plan.cumulativeTargetAt(LocalDate.ofYearDay(year, day))));
        }
        return result;
    }

    private long store(Actor actor, PlanningScenario scenario, LocalDate start, AllocationPolicy policy,
                       PacePlan.Period period, List<YearWhatIfSimulation.Place> places, List<YearWhatIfSimulation.Entrant> entrants,
                       YearWhatIfSimulation.Outcome outcome) {
        int remaining = places.stream().mapToInt(p -> p.municipality().remainingPlaces()).sum();
        long id = jdbc.sql("""
                insert into year_whatif_run (year, scenario, scenario_version, scenario_persons, start_date, policy_id, pace_period,
                    places_remaining, unplaced_households, unplaced_persons, objective, seconds, created_at, created_by)
                values (:y, :s, :sv, :sp, :start, :policy, :period, :remaining, :uh, :up, :obj, :sec, :now, :by) returning id
                """)
                .param("y", scenario.year()).param("s", scenario.kind().name()).param("sv", scenario.version())
                .param("sp", scenario.persons()).param("start", start).param("policy", policy.id())
                .param("period", period.name()).param("remaining", remaining).param("uh", outcome.unplacedHouseholds())
                .param("up", outcome.unplacedPersons()).param("obj", outcome.objective()).param("sec", outcome.seconds())
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .query(Long.class).single();
        Map<String, int[]> entries = new TreeMap<>();
        for (YearWhatIfSimulation.Entrant e : entrants) {
            int quarter = YearWhatIfSimulation.quarterOf(e.ready());
            int[] c = entries.computeIfAbsent(quarter + ":" + e.source().name() + ":" + e.type().name(), k -> new int[2]);
            c[0]++;
            c[1] += e.household().persons();
        }
        entries.forEach((key, c) -> {
            String[] k = key.split(":");
            jdbc.sql("""
                    insert into year_whatif_entry (run_id, quarter, source, household_type, households, persons)
                    values (:run, :q, :s, :t, :h, :p)
                    """).param("run", id).param("q", Integer.parseInt(k[0])).param("s", k[1]).param("t", k[2])
                    .param("h", c[0]).param("p", c[1]).update();
        });
        for (YearWhatIf.Row r : outcome.rows()) {
            jdbc.sql("""
                    insert into year_whatif_result (run_id, municipality_number, quarter, decided, used_before, placed_persons,
                        placed_households, wait_days)
                    values (:run, :m, :q, :d, :u, :pp, :ph, :w)
                    """).param("run", id).param("m", r.municipalityNumber()).param("q", r.quarter()).param("d", r.decided())
                    .param("u", r.usedBefore()).param("pp", r.placedPersons()).param("ph", r.placedHouseholds())
                    .param("w", r.waitDays()).update();
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<YearWhatIf> find(long id) {
        List<YearWhatIf.Entry> entries = jdbc.sql("""
                select quarter, source, household_type, households, persons from year_whatif_entry where run_id = :id
                order by quarter, source, household_type
                """).param("id", id).query((rs, n) -> new YearWhatIf.Entry(rs.getInt(1), YearWhatIf.Source.valueOf(rs.getString(2)),
                HouseholdType.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5))).list();
        Map<String, String> names = new HashMap<>();
        municipalities.all().forEach(m -> names.put(m.number(), m.name()));
        List<YearWhatIf.Row> rows = jdbc.sql("""
                select municipality_number, quarter, decided, used_before, placed_persons, placed_households, wait_days
                from year_whatif_result where run_id = :id order by municipality_number, quarter
                """).param("id", id).query((rs, n) -> new YearWhatIf.Row(rs.getString(1), names.get(rs.getString(1)), rs.getInt(2),
                rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getLong(7))).list();
        return jdbc.sql("select * from year_whatif_run where id = :id").param("id", id)
                .query((rs, n) -> map(rs, entries, rows)).optional();
    }

    /** The latest runs, newest first, without their rows. */
    @Transactional(readOnly = true)
    public List<YearWhatIf> recent(int limit) {
        return jdbc.sql("select * from year_whatif_run order by created_at desc, id desc limit :n").param("n", limit)
                .query((rs, n) -> map(rs, List.of(), List.of())).list();
    }

    private YearWhatIf map(ResultSet rs, List<YearWhatIf.Entry> entries, List<YearWhatIf.Row> rows) throws SQLException {
        return new YearWhatIf(rs.getLong("id"), rs.getInt("year"), PlanningScenario.Kind.valueOf(rs.getString("scenario")),
                rs.getInt("scenario_version"), rs.getInt("scenario_persons"), rs.getObject("start_date", LocalDate.class), policies.find(rs.getLong("policy_id")).orElseThrow(),
                rs.getString("pace_period"), rs.getInt("places_remaining"), rs.getInt("unplaced_households"),
                rs.getInt("unplaced_persons"), rs.getDouble("objective"), rs.getDouble("seconds"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), entries, rows);
    }
}
