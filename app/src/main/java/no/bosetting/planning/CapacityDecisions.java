package no.bosetting.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Municipal capacity decisions: recorded by the municipality itself or by the agency on its behalf. */
@Service
public class CapacityDecisions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;
    private final CapacityRequests requests;
    private final PlacesInUse placesInUse;

    public CapacityDecisions(JdbcClient jdbc, Clock clock, Municipalities municipalities, CapacityRequests requests,
                             PlacesInUse placesInUse) {
        this.requests = requests;
        this.placesInUse = placesInUse;
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
    }

    private static final String COLUMNS = """
            id, municipality_number, year, persons, unaccompanied_minors, decided_on, kind, max_persons,
            period_first_year, period_last_year, reunified_on_top
            """;

    private static CapacityDecision map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CapacityDecision(rs.getLong("id"), rs.getString("municipality_number"), rs.getInt("year"),
                rs.getInt("persons"), rs.getInt("unaccompanied_minors"), rs.getObject("decided_on", LocalDate.class),
                CapacityDecision.Kind.valueOf(rs.getString("kind")), (Integer) rs.getObject("max_persons"),
                (Integer) rs.getObject("period_first_year"), (Integer) rs.getObject("period_last_year"),
                rs.getBoolean("reunified_on_top"));
    }

    public Optional<CapacityDecision> find(String municipalityNumber, int year) {
        // Read once per page: the municipality's start page asked twice (its figures and the even pace; issue 22 item 2).
        return no.bosetting.shared.RequestMemo.onceOptional("capacity-decision:" + municipalityNumber + ":" + year, () ->
                jdbc.sql("select " + COLUMNS + " from capacity_decision where municipality_number = :m and year = :y")
                        .param("m", municipalityNumber).param("y", year)
                        .query((rs, n) -> map(rs)).optional());
    }

    public Map<String, CapacityDecision> forYear(int year) {
        return jdbc.sql("select " + COLUMNS + " from capacity_decision where year = :y")
                .param("y", year)
                .query((rs, n) -> map(rs))
                .list().stream().collect(Collectors.toMap(CapacityDecision::municipalityNumber, d -> d));
    }

    /**
     * Locks the decision for the rest of the transaction, so concurrent acceptances for the same municipality and year
     * are counted one after the other and never exceed it. A period decision is locked by its first year's row, which
     * every year of the period locks first, so acceptances in different years of one period wait for each other too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<CapacityDecision> lock(String municipalityNumber, int year) {
        Optional<CapacityDecision> seen = find(municipalityNumber, year);
        if (seen.isPresent() && seen.get().period() && seen.get().firstYear() != year) {
            lockRow(municipalityNumber, seen.get().firstYear());
        }
        Optional<CapacityDecision> locked = lockRow(municipalityNumber, year);
        if (locked.isPresent() && locked.get().period() && locked.get().firstYear() != year
                && (seen.isEmpty() || seen.get().firstYear() != locked.get().firstYear())) {
            // The decision became a period while this transaction waited: hold the period's lock as well.
            lockRow(municipalityNumber, locked.get().firstYear());
        }
        return locked;
    }

    private Optional<CapacityDecision> lockRow(String municipalityNumber, int year) {
        return jdbc.sql("select " + COLUMNS + " from capacity_decision where municipality_number = :m and year = :y for update")
                .param("m", municipalityNumber).param("y", year)
                .query((rs, n) -> map(rs)).optional();
    }

    @Transactional
    public CommandResult<CapacityDecision> record(Actor actor, String municipalityNumber, Integer year, Integer persons,
                                                  Integer minors, LocalDate decidedOn) {
        return record(actor, municipalityNumber, year, persons, minors, decidedOn, null);
    }

    /** Records the number for one year (see {@link #decide}). */
    @Transactional
    public CommandResult<CapacityDecision> record(Actor actor, String municipalityNumber, Integer year, Integer persons,
                                                  Integer minors, LocalDate decidedOn, String overrideReason) {
        // The number as the council decided it, recorded without comparing it with the request (the API, the demo).
        return decide(actor, municipalityNumber, new DecisionInput(CapacityDecision.Kind.YEAR, year, year, persons, null,
                minors, decidedOn, false, null, overrideReason), false);
    }

    /**
     * The council decision as the municipality (or the agency on its behalf) records it: possibly for several
     * years at once (the same number for each), and with a reason whenever the number differs from the agency's
     * latest request.
     */
    @Transactional
    public CommandResult<CapacityDecision> recordDecision(Actor actor, String municipalityNumber, Integer year, Integer untilYear,
                                                          Integer persons, Integer minors, LocalDate decidedOn,
                                                          String deviationReason, String loweringOverrideReason) {
        return decide(actor, municipalityNumber, new DecisionInput(CapacityDecision.Kind.YEAR, year, untilYear, persons, null,
                minors, decidedOn, false, deviationReason, loweringOverrideReason));
    }

    /**
     * What a council decided (issue 14 item 3): a number for a year (or the same number for each of several years), a
     * total for a period of years (report 003 lines 2347–2354, 2420–2421: Bærum 300 for 2008–10, Molde 115 for
     * 2008–11), or a range per year (lines 2243–2248: Namsos 30–50 a year), each saying whether reunified family
     * members count inside the number or on top (lines 2292–2294). Bad input is refused on its field: a period that
     * overlaps another period, a range whose minimum is above its maximum, a number below the places already used
     * (unless an agency planner overrides with a reason, kept with the decision). The places are counted under the
     * rows' locks, the locks an acceptance takes, so no acceptance slips in between the count and the new number.
     */
    @Transactional
    public CommandResult<CapacityDecision> decide(Actor actor, String municipalityNumber, DecisionInput in) {
        return decide(actor, municipalityNumber, in, true);
    }

    private CommandResult<CapacityDecision> decide(Actor actor, String municipalityNumber, DecisionInput in, boolean againstRequest) {
        if (!(actor.isMunicipality(municipalityNumber) || actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN)
                || actor.is(Role.AGENCY_CASEWORKER))) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (municipalities.find(municipalityNumber).isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.municipality.unknown", municipalityNumber));
        }
        Optional<CommandFailure> invalid = in.problem(LocalDate.now(clock));
        if (invalid.isPresent()) {
            return CommandResult.fail(invalid.get());
        }
        int year = in.year();
        int last = in.lastYear();
        Optional<CommandFailure> deviation = againstRequest ? deviation(municipalityNumber, in) : Optional.empty();
        if (deviation.isPresent()) {
            return CommandResult.fail(deviation.get());
        }
        List<CapacityDecision> existing = lockSpan(municipalityNumber, year, last);
        Optional<CommandFailure> overlap = overlap(municipalityNumber, in, existing);
        if (overlap.isPresent()) {
            return CommandResult.fail(overlap.get());
        }
        String override = in.loweringOverrideReason() == null || in.loweringOverrideReason().isBlank() ? null
                : in.loweringOverrideReason().trim();
        boolean mayOverride = actor.is(Role.AGENCY_PLANNER) && override != null;
        boolean below = false;
        // A period's total against the places of all its years; a number or range against each year's places.
        for (int y = year; y <= last; y = in.period() ? last + 1 : y + 1) {
            PlacesInUse.Used used = placesInUse.used(municipalityNumber, y, in.period() ? last : y);
            boolean yearBelow = in.ceiling() < used.counted(in.reunifiedOnTop()) || in.minors() < used.unaccompaniedMinors();
            if (yearBelow && !mayOverride) {
                return CommandResult.fail(belowUsed(actor, municipalityNumber, y, in.period() ? last : y, in, used));
            }
            below |= yearBelow;
        }
        String lowering = below ? override : null;
        String reason = in.deviationReason() == null || in.deviationReason().isBlank() ? null : in.deviationReason().trim();
        OffsetDateTime now = OffsetDateTime.now(clock);
        CapacityDecision first = null;
        for (int y = year; y <= last; y++) {
            long id = jdbc.sql("""
                    insert into capacity_decision (municipality_number, year, persons, unaccompanied_minors, decided_on,
                        lowering_override_reason, deviation_reason, kind, max_persons, period_first_year, period_last_year,
                        reunified_on_top, created_at, created_by, updated_at, updated_by)
                    values (:m, :y, :p, :um, :d, :lo, :dev, :kind, :max, :pf, :pl, :top, :now, :by, :now, :by)
                    on conflict (municipality_number, year) do update set persons = excluded.persons,
                        unaccompanied_minors = excluded.unaccompanied_minors, decided_on = excluded.decided_on,
                        lowering_override_reason = excluded.lowering_override_reason,
                        deviation_reason = excluded.deviation_reason, kind = excluded.kind, max_persons = excluded.max_persons,
                        period_first_year = excluded.period_first_year, period_last_year = excluded.period_last_year,
                        reunified_on_top = excluded.reunified_on_top,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                        version = capacity_decision.version + 1
                    returning id
                    """)
                    .param("m", municipalityNumber).param("y", y).param("p", in.persons()).param("um", in.minors())
                    .param("d", in.decidedOn()).param("lo", lowering).param("dev", reason).param("kind", in.kind().name())
                    .param("max", in.maxPersons()).param("pf", in.period() ? year : null).param("pl", in.period() ? last : null)
                    .param("top", in.reunifiedOnTop()).param("now", now).param("by", actor.username())
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into capacity_decision_history (capacity_decision_id, changed_at, changed_by, persons, unaccompanied_minors,
                        decided_on, lowering_override_reason, deviation_reason, kind, max_persons, period_first_year,
                        period_last_year, reunified_on_top)
                    values (:id, :now, :by, :p, :um, :d, :lo, :dev, :kind, :max, :pf, :pl, :top)
                    """)
                    .param("id", id).param("now", now).param("by", actor.username()).param("p", in.persons())
                    .param("um", in.minors()).param("d", in.decidedOn()).param("lo", lowering).param("dev", reason)
                    .param("kind", in.kind().name()).param("max", in.maxPersons()).param("pf", in.period() ? year : null)
                    .param("pl", in.period() ? last : null).param("top", in.reunifiedOnTop()).update();
            jdbc.sql("delete from capacity_decision_pending where municipality_number = :m and year = :y")
                    .param("m", municipalityNumber).param("y", y).update();
            if (first == null) {
                first = find(municipalityNumber, y).orElseThrow();
            }
        }
        return CommandResult.ok(first);
    }

    /**
     * Locks the rows of the years {@code from}–{@code to}, and of any period reaching into them, in year order (the
     * order acceptances lock in: a period's first year first), and returns the decisions found there.
     */
    private List<CapacityDecision> lockSpan(String municipalityNumber, int from, int to) {
        int lockFrom = from;
        int lockTo = to;
        for (CapacityDecision d : inYears(municipalityNumber, from, to)) {
            lockFrom = Math.min(lockFrom, d.firstYear());
            lockTo = Math.max(lockTo, d.lastYear());
        }
        jdbc.sql("select id from capacity_decision where municipality_number = :m and year between :a and :b order by year for update")
                .param("m", municipalityNumber).param("a", lockFrom).param("b", lockTo).query(Long.class).list();
        return inYears(municipalityNumber, from, to);
    }

    private List<CapacityDecision> inYears(String municipalityNumber, int from, int to) {
        return jdbc.sql("select " + COLUMNS + " from capacity_decision where municipality_number = :m and year between :a and :b order by year")
                .param("m", municipalityNumber).param("a", from).param("b", to).query((rs, n) -> map(rs)).list();
    }

    /**
     * Periods may not overlap: a period decision replaces the year and range decisions of its years, and a decision
     * of the very same period, but not a period that starts or ends elsewhere; a year or range decision may not
     * replace a single year of a period (the period's total would lose its meaning).
     */
    private Optional<CommandFailure> overlap(String municipalityNumber, DecisionInput in, List<CapacityDecision> existing) {
        for (CapacityDecision d : existing) {
            boolean samePeriod = in.period() && d.period() && d.firstYear() == in.year() && d.lastYear() == in.lastYear();
            if (d.period() && !samePeriod) {
                return Optional.of(CommandFailure.RuleBroken.of(in.period() ? "untilYear" : "year", "error.decision.periodOverlaps",
                        municipalities.name(municipalityNumber), d.firstYear(), d.lastYear(), d.persons()));
            }
        }
        return Optional.empty();
    }

    /** A decided number different from the agency's request needs a reason (a period's total against the requests' sum). */
    private Optional<CommandFailure> deviation(String municipalityNumber, DecisionInput in) {
        if (in.deviationReason() != null && !in.deviationReason().isBlank()) {
            return Optional.empty();
        }
        int requested = 0;
        for (int y = in.year(); y <= (in.period() ? in.lastYear() : in.year()); y++) {
            Optional<CapacityRequest> request = requests.versions(municipalityNumber, y).stream()
                    .max(java.util.Comparator.comparingInt(CapacityRequest::version));
            if (request.isEmpty()) {
                return Optional.empty();
            }
            requested += request.get().persons();
        }
        boolean differs = in.kind() == CapacityDecision.Kind.RANGE
                ? requested < in.persons() || requested > in.maxPersons() : requested != in.persons();
        return differs ? Optional.of(CommandFailure.RuleBroken.of("deviationReason", "error.decision.deviationReason", requested))
                : Optional.empty();
    }

    /**
     * Why a number below the places used is refused: for the municipality (and other agency roles) on the field that
     * is too low; for the agency planner, who may override it, on the override reason the planner left out.
     */
    private CommandFailure belowUsed(Actor actor, String municipalityNumber, int from, int to, DecisionInput in,
                                     PlacesInUse.Used used) {
        String name = municipalities.name(municipalityNumber);
        boolean personsBelow = in.ceiling() < used.counted(in.reunifiedOnTop());
        boolean planner = actor.is(Role.AGENCY_PLANNER);
        String field = planner ? "loweringOverrideReason"
                : personsBelow ? (in.kind() == CapacityDecision.Kind.RANGE ? "maxPersons" : "persons") : "unaccompaniedMinors";
        String key = (personsBelow ? "error.decision.belowUsed" : "error.decision.minorsBelowUsed") + (from != to ? ".period" : "")
                + (planner ? ".reason" : "");
        int count = personsBelow ? used.counted(in.reunifiedOnTop()) : used.unaccompaniedMinors();
        return from != to ? CommandFailure.RuleBroken.of(field, key, name, count, from, to)
                : CommandFailure.RuleBroken.of(field, key, name, count, from);
    }

    /** Records that the council has the request under consideration; pending decisions count no places. */
    @Transactional
    public CommandResult<Pending> markPending(Actor actor, String municipalityNumber, int year, LocalDate expectedOn, String note) {
        if (!(actor.isMunicipality(municipalityNumber) || actor.isAgency())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (find(municipalityNumber, year).isPresent()) {
            return CommandResult.fail(CommandFailure.WrongState.of("DECIDED", "error.decision.alreadyDecided", year));
        }
        if (expectedOn != null && expectedOn.isBefore(LocalDate.now(clock))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("expectedOn", "error.decision.expectedPast"));
        }
        jdbc.sql("""
                insert into capacity_decision_pending (municipality_number, year, expected_on, note, recorded_at, recorded_by)
                values (:m, :y, :e, :n, :now, :by)
                on conflict (municipality_number, year) do update set expected_on = excluded.expected_on, note = excluded.note,
                    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
                """)
                .param("m", municipalityNumber).param("y", year).param("e", expectedOn)
                .param("n", note == null || note.isBlank() ? null : note.trim()).param("now", OffsetDateTime.now(clock))
                .param("by", actor.username()).update();
        return CommandResult.ok(pending(municipalityNumber, year).orElseThrow());
    }

    public Optional<Pending> pending(String municipalityNumber, int year) {
        return jdbc.sql("select expected_on, note, recorded_by from capacity_decision_pending where municipality_number = :m and year = :y")
                .param("m", municipalityNumber).param("y", year)
                .query((rs, n) -> new Pending(municipalityNumber, year, rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public Optional<String> deviationReason(String municipalityNumber, int year) {
        return jdbc.sql("select deviation_reason from capacity_decision where municipality_number = :m and year = :y")
                .param("m", municipalityNumber).param("y", year).query(String.class).optional().filter(r -> r != null);
    }

    /** The agency planner's reason for a decided number below the places used, if the current decision has one. */
    public Optional<String> loweringOverrideReason(String municipalityNumber, int year) {
        return jdbc.sql("select lowering_override_reason from capacity_decision where municipality_number = :m and year = :y")
                .param("m", municipalityNumber).param("y", year).query(String.class).optional().filter(r -> r != null);
    }

    public record Pending(String municipalityNumber, int year, LocalDate expectedOn, String note, String recordedBy) {
    }

    public List<HistoryEntry> history(String municipalityNumber, int year) {
        return jdbc.sql("""
                select h.changed_at, h.changed_by, h.persons, h.unaccompanied_minors, h.decided_on, h.lowering_override_reason
                from capacity_decision_history h join capacity_decision d on d.id = h.capacity_decision_id
                where d.municipality_number = :m and d.year = :y order by h.changed_at desc, h.id desc
                """)
                .param("m", municipalityNumber).param("y", year)
                .query((rs, n) -> new HistoryEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }

    /** One recorded version; {@code loweringOverrideReason} when the agency planner set it below the places used. */
    public record HistoryEntry(OffsetDateTime changedAt, String changedBy, int persons, int unaccompaniedMinors,
                               LocalDate decidedOn, String loweringOverrideReason) {
    }
}
