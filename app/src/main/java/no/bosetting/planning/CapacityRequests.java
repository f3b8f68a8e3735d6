package no.bosetting.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planning cycle before the municipal decisions: scenarios, the national need with its regional
 * split, the request criteria and inputs, and the versioned requests to the municipalities.
 */
@Service
public class CapacityRequests {

    private static final String REQUEST_COLUMNS = """
            id, municipality_number, year, version, persons, computed_persons, explanation, requested_on, reason, created_at, created_by,
            unaccompanied_minors
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;
    private final ObjectProvider<SettlementHistory> history;
    private final NationalPlan plan;
    private final RequestNotices notices;
    private final CriteriaData criteriaData;

    public CapacityRequests(JdbcClient jdbc, Clock clock, Municipalities municipalities, ObjectProvider<SettlementHistory> history,
                            NationalPlan plan, RequestNotices notices, CriteriaData criteriaData) {
        this.plan = plan;
        this.notices = notices;
        this.criteriaData = criteriaData;
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
        this.history = history;
    }

    /** Settlement experience covers the five years before the planning year. */
    public static final int EXPERIENCE_YEARS = 5;

    private static boolean planner(Actor actor) {
        return actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN);
    }

    private static CommandResult<Void> notAllowed() {
        return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
    }

    // ---- scenarios and national need: versioned in NationalPlan ----

    public Map<PlanningScenario.Kind, PlanningScenario> scenarios(int year) {
        return plan.scenarios(year);
    }

    /** Saves a scenario's persons and note as a new version, keeping its forecast assumptions; a change needs a reason. */
    @Transactional
    public CommandResult<Void> saveScenario(Actor actor, int year, PlanningScenario.Kind kind, Integer persons, String note, String reason) {
        PlanningScenario current = plan.scenarios(year).get(kind);
        return plan.saveScenario(actor, year, kind, persons, note, current == null ? ForecastAssumptions.NONE : current.assumptions(), reason);
    }

    public Optional<NationalNeed> need(int year) {
        return plan.need(year);
    }

    /** Records the national need (the first version of the year, or an unchanged one: no reason needed). */
    public CommandResult<Void> saveNeed(Actor actor, int year, Integer persons, LocalDate decidedOn, Map<String, Integer> byCounty) {
        return plan.saveNeed(actor, year, persons, decidedOn, byCounty, null);
    }

    /** Records the national need as a new version with the reason for the change. */
    public CommandResult<Void> saveNeed(Actor actor, int year, Integer persons, LocalDate decidedOn, Map<String, Integer> byCounty,
                                        String reason) {
        return plan.saveNeed(actor, year, persons, decidedOn, byCounty, reason);
    }

    // ---- criteria and inputs ----

    public RequestCriteria criteria(int year) {
        return jdbc.sql("""
                select centrality_weights, minimum_persons, closed_immigrant_share, experience_weight, dispersal_weight, minors_need
                from request_criteria where year = :y
                """)
                .param("y", year)
                .query((rs, n) -> new RequestCriteria(RequestCriteria.parseWeights(rs.getString(1)), rs.getInt(2),
                        rs.getBigDecimal(3).doubleValue(), rs.getBigDecimal(4).doubleValue(), rs.getBigDecimal(5).doubleValue(),
                        rs.getInt(6)))
                .optional().orElseGet(RequestCriteria::defaults);
    }

    @Transactional
    public CommandResult<Void> saveCriteria(Actor actor, int year, RequestCriteria criteria) {
        if (!planner(actor)) {
            return notAllowed();
        }
        for (double w : criteria.centralityWeights()) {
            if (w < 0 || w > 100) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("weights", "error.planning.weight"));
            }
        }
        if (criteria.minimumPersons() < 0 || criteria.minimumPersons() > 1000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("minimumPersons", "error.planning.persons"));
        }
        if (criteria.closedImmigrantShare() <= 0 || criteria.closedImmigrantShare() > 100) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("closedImmigrantShare", "error.planning.share"));
        }
        if (criteria.experienceWeight() < 0 || criteria.experienceWeight() > 5) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("experienceWeight", "error.planning.experienceWeight"));
        }
        if (criteria.dispersalWeight() < 0 || criteria.dispersalWeight() > 1) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("dispersalWeight", "error.planning.dispersalWeight"));
        }
        if (criteria.minorsNeed() < 0 || criteria.minorsNeed() > 100_000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("minorsNeed", "error.planning.persons"));
        }
        jdbc.sql("""
                insert into request_criteria (year, centrality_weights, minimum_persons, closed_immigrant_share, experience_weight,
                    dispersal_weight, minors_need, updated_at, updated_by)
                values (:y, :w, :min, :share, :exp, :disp, :minors, :now, :by)
                on conflict (year) do update set centrality_weights = excluded.centrality_weights,
                    minimum_persons = excluded.minimum_persons, closed_immigrant_share = excluded.closed_immigrant_share,
                    experience_weight = excluded.experience_weight, dispersal_weight = excluded.dispersal_weight,
                    minors_need = excluded.minors_need, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("exp", BigDecimal.valueOf(criteria.experienceWeight())).param("disp", BigDecimal.valueOf(criteria.dispersalWeight()))
                .param("minors", criteria.minorsNeed())
                .param("y", year).param("w", criteria.weightsText()).param("min", criteria.minimumPersons())
                .param("share", BigDecimal.valueOf(criteria.closedImmigrantShare())).param("now", OffsetDateTime.now(clock))
                .param("by", actor.username()).update();
        return CommandResult.ok(null);
    }

    /** Every municipality's inputs for the year; municipalities without recorded inputs get neutral ones. */
    public List<RequestInput> inputs(int year) {
        Map<String, RequestInput> stored = new LinkedHashMap<>();
        jdbc.sql("""
                select municipality_number, labour_market_factor, introduction_factor, immigrant_share, closed, adjustment,
                       adjustment_reason, county_input, ks_input, minors_capacity, settled_per_1000
                from request_input where year = :y
                """)
                .param("y", year)
                .query((rs, n) -> {
                    Municipality m = municipalities.find(rs.getString(1)).orElseThrow();
                    BigDecimal share = rs.getBigDecimal(4);
                    BigDecimal entered = rs.getBigDecimal(11);
                    return new RequestInput(m.number(), m.countyNumber(), m.population(), m.centrality(),
                            rs.getBigDecimal(2).doubleValue(), rs.getBigDecimal(3).doubleValue(), share == null ? null : share.doubleValue(),
                            rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getBoolean(10), entered == null ? null : entered.doubleValue(), 0.0);
                })
                .list().forEach(i -> stored.put(i.municipalityNumber(), i));
        Map<String, Integer> settled = settledInExperienceYears(year);
        List<RequestInput> all = new ArrayList<>();
        for (Municipality m : municipalities.all()) {
            RequestInput in = stored.getOrDefault(m.number(), RequestInput.neutral(m.number(), m.countyNumber(), m.population(), m.centrality()));
            int persons = settled.getOrDefault(m.number(), 0);
            all.add(in.withSystemExperience(m.population() > 0 ? persons * 1000.0 / m.population() : 0.0));
        }
        return all;
    }

    /** Persons settled per municipality in the {@link #EXPERIENCE_YEARS} years before the planning year, from the system's data. */
    public Map<String, Integer> settledInExperienceYears(int year) {
        SettlementHistory source = history.getIfAvailable();
        return source == null ? Map.of() : source.settledPersons(year - EXPERIENCE_YEARS, year - 1);
    }

    public RequestInput input(String municipalityNumber, int year) {
        return inputs(year).stream().filter(i -> i.municipalityNumber().equals(municipalityNumber)).findFirst().orElseThrow();
    }

    @Transactional
    public CommandResult<Void> saveInput(Actor actor, int year, RequestInput in) {
        if (!planner(actor)) {
            return notAllowed();
        }
        if (municipalities.find(in.municipalityNumber()).isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.municipality.unknown", in.municipalityNumber()));
        }
        if (in.labourMarketFactor() < 0 || in.labourMarketFactor() > 5) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("labourMarketFactor", "error.planning.factor"));
        }
        if (in.introductionFactor() < 0 || in.introductionFactor() > 5) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("introductionFactor", "error.planning.factor"));
        }
        if (in.immigrantShare() != null && (in.immigrantShare() < 0 || in.immigrantShare() > 100)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("immigrantShare", "error.planning.share"));
        }
        if (in.settledPer1000Entered() != null && (in.settledPer1000Entered() < 0 || in.settledPer1000Entered() > 1000)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("settledPer1000", "error.planning.settledPer1000"));
        }
        if (in.adjustment() != 0 && (in.adjustmentReason() == null || in.adjustmentReason().isBlank())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("adjustmentReason", "error.planning.adjustmentReason"));
        }
        jdbc.sql("""
                insert into request_input (year, municipality_number, labour_market_factor, introduction_factor, immigrant_share, closed,
                    adjustment, adjustment_reason, county_input, ks_input, minors_capacity, settled_per_1000, updated_at, updated_by)
                values (:y, :m, :labour, :intro, :share, :closed, :adj, :reason, :county, :ks, :minorsCapacity, :settled, :now, :by)
                on conflict (year, municipality_number) do update set labour_market_factor = excluded.labour_market_factor,
                    introduction_factor = excluded.introduction_factor, immigrant_share = excluded.immigrant_share,
                    closed = excluded.closed, adjustment = excluded.adjustment, adjustment_reason = excluded.adjustment_reason,
                    county_input = excluded.county_input, ks_input = excluded.ks_input,
                    minors_capacity = excluded.minors_capacity, settled_per_1000 = excluded.settled_per_1000,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("y", year).param("m", in.municipalityNumber())
                .param("labour", BigDecimal.valueOf(in.labourMarketFactor())).param("intro", BigDecimal.valueOf(in.introductionFactor()))
                .param("share", in.immigrantShare() == null ? null : BigDecimal.valueOf(in.immigrantShare()))
                .param("closed", in.closed()).param("adj", in.adjustment())
                .param("reason", in.adjustment() == 0 ? blankToNull(in.adjustmentReason()) : in.adjustmentReason().trim())
                .param("county", blankToNull(in.countyInput())).param("ks", blankToNull(in.ksInput()))
                .param("minorsCapacity", in.minorsCapacity())
                .param("settled", in.settledPer1000Entered() == null ? null : BigDecimal.valueOf(in.settledPer1000Entered()))
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
        return CommandResult.ok(null);
    }

    // ---- computation and versions ----

    /** The current computation for every municipality; empty until the national need is recorded. */
    public List<RequestComputation> compute(int year) {
        return need(year)
                .map(n -> RequestCalculator.compute(n.persons(), n.byCounty(), criteriaData.apply(year, inputs(year)), criteria(year)))
                .orElse(List.of());
    }

    /**
     * Sends the current computation as requests: a new version, with date and reason, for every
     * municipality whose persons or unaccompanied-minor number differs from its latest version (or that has none yet).
     * Each such municipality is told in its inbox and by e-mail, through the outbox ({@link RequestNotices}).
     *
     * @return how many municipalities got a new version
     */
    @Transactional
    public CommandResult<Integer> issue(Actor actor, int year, LocalDate requestedOn, String reason) {
        if (!planner(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.planning.reasonRequired"));
        }
        if (requestedOn == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("requestedOn", "error.date.required"));
        }
        List<RequestComputation> computed = compute(year);
        if (computed.isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("need", "error.planning.noNeed", year));
        }
        // Serialises concurrent issues for the year so version numbers cannot collide.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('capacity_request'), :y)").param("y", year).query((rs, n) -> 1).list();
        Map<String, CapacityRequest> latest = latestForYear(year);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int issued = 0;
        for (RequestComputation c : computed) {
            CapacityRequest previous = latest.get(c.municipalityNumber());
            if (previous != null && previous.persons() == c.persons() && previous.unaccompaniedMinors() == c.minors()) {
                continue;
            }
            jdbc.sql("""
                    insert into capacity_request (municipality_number, year, version, persons, computed_persons, explanation,
                        requested_on, reason, created_at, created_by, unaccompanied_minors)
                    values (:m, :y, :v, :p, :cp, :e, :d, :r, :now, :by, :um)
                    """)
                    .param("m", c.municipalityNumber()).param("y", year).param("v", previous == null ? 1 : previous.version() + 1)
                    .param("p", c.persons()).param("cp", c.computed()).param("e", c.explanation()).param("d", requestedOn)
                    .param("r", reason.trim()).param("now", now).param("by", actor.username()).param("um", c.minors()).update();
            issued++;
            notices.requestChanged(c.municipalityNumber(), year, previous, c.persons(), c.minors(), previous == null ? 1 : previous.version() + 1,
                    requestedOn, reason.trim());
        }
        return CommandResult.ok(issued);
    }

    /** Every version of a municipality's request for the year, newest first. */
    public List<CapacityRequest> versions(String municipalityNumber, int year) {
        return jdbc.sql("select " + REQUEST_COLUMNS + " from capacity_request where municipality_number = :m and year = :y order by version desc")
                .param("m", municipalityNumber).param("y", year).query((rs, n) -> map(rs)).list();
    }

    /** The latest version per municipality for the year. */
    public Map<String, CapacityRequest> latestForYear(int year) {
        return jdbc.sql("select distinct on (municipality_number) " + REQUEST_COLUMNS
                        + " from capacity_request where year = :y order by municipality_number, version desc")
                .param("y", year).query((rs, n) -> map(rs)).list().stream()
                .collect(Collectors.toMap(CapacityRequest::municipalityNumber, r -> r));
    }

    /** Dates and reasons of the request rounds of a year (each issue), oldest first. */
    public List<RequestRound> rounds(int year) {
        return jdbc.sql("""
                select requested_on, reason, count(*), sum(persons), min(created_at), sum(unaccompanied_minors) from capacity_request
                where year = :y group by requested_on, reason order by min(created_at)
                """)
                .param("y", year)
                .query((rs, n) -> new RequestRound(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(6)))
                .list();
    }

    public record RequestRound(LocalDate requestedOn, String reason, int municipalities, int persons, int unaccompaniedMinors) {
    }

    private static CapacityRequest map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CapacityRequest(rs.getLong("id"), rs.getString("municipality_number"), rs.getInt("year"), rs.getInt("version"),
                rs.getInt("persons"), rs.getInt("computed_persons"), rs.getString("explanation"),
                rs.getObject("requested_on", LocalDate.class), rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getInt("unaccompanied_minors"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
