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
import no.bosetting.shared.CommandFailedException;
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

    public Optional<CapacityDecision> find(String municipalityNumber, int year) {
        return jdbc.sql("select id, municipality_number, year, persons, unaccompanied_minors, decided_on from capacity_decision where municipality_number = :m and year = :y")
                .param("m", municipalityNumber).param("y", year)
                .query((rs, n) -> new CapacityDecision(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getObject(6, LocalDate.class)))
                .optional();
    }

    public Map<String, CapacityDecision> forYear(int year) {
        return jdbc.sql("select id, municipality_number, year, persons, unaccompanied_minors, decided_on from capacity_decision where year = :y")
                .param("y", year)
                .query((rs, n) -> new CapacityDecision(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getObject(6, LocalDate.class)))
                .list().stream().collect(Collectors.toMap(CapacityDecision::municipalityNumber, d -> d));
    }

    /**
     * Locks the decision row for the rest of the transaction, so concurrent acceptances for the
     * same municipality and year are counted one after the other and never exceed it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<CapacityDecision> lock(String municipalityNumber, int year) {
        return jdbc.sql("select id, municipality_number, year, persons, unaccompanied_minors, decided_on from capacity_decision where municipality_number = :m and year = :y for update")
                .param("m", municipalityNumber).param("y", year)
                .query((rs, n) -> new CapacityDecision(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getObject(6, LocalDate.class)))
                .optional();
    }

    @Transactional
    public CommandResult<CapacityDecision> record(Actor actor, String municipalityNumber, Integer year, Integer persons,
                                                  Integer minors, LocalDate decidedOn) {
        return record(actor, municipalityNumber, year, persons, minors, decidedOn, null);
    }

    /**
     * Records the decision for a year. A number (or number of unaccompanied minors) below the places already used
     * that year is refused, unless an agency planner overrides it with a reason, which is kept with the decision and
     * its history. The places are counted under the decision row's lock, the lock an acceptance takes, so no
     * acceptance slips in between the count and the new number.
     */
    @Transactional
    public CommandResult<CapacityDecision> record(Actor actor, String municipalityNumber, Integer year, Integer persons,
                                                  Integer minors, LocalDate decidedOn, String overrideReason) {
        if (!(actor.isMunicipality(municipalityNumber) || actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN)
                || actor.is(Role.AGENCY_CASEWORKER))) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (municipalities.find(municipalityNumber).isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.municipality.unknown", municipalityNumber));
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (year == null || year < thisYear - 1 || year > thisYear + 4) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("year", "error.decision.year", thisYear - 1, thisYear + 4));
        }
        if (persons == null || persons < 0 || persons > 100_000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("persons", "error.decision.persons"));
        }
        if (minors == null || minors < 0 || minors > persons) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("unaccompaniedMinors", "error.decision.minors"));
        }
        if (decidedOn != null && decidedOn.isAfter(LocalDate.now(clock))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("decidedOn", "error.date.future"));
        }
        lock(municipalityNumber, year);
        PlacesInUse.Used used = placesInUse.used(municipalityNumber, year);
        String override = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.trim();
        boolean below = persons < used.persons() || minors < used.unaccompaniedMinors();
        if (below && !(actor.is(Role.AGENCY_PLANNER) && override != null)) {
            return CommandResult.fail(belowUsed(actor, municipalityNumber, year, persons, used));
        }
        String lowering = below ? override : null;
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into capacity_decision (municipality_number, year, persons, unaccompanied_minors, decided_on,
                    lowering_override_reason, created_at, created_by, updated_at, updated_by)
                values (:m, :y, :p, :um, :d, :lo, :now, :by, :now, :by)
                on conflict (municipality_number, year) do update set persons = excluded.persons,
                    unaccompanied_minors = excluded.unaccompanied_minors, decided_on = excluded.decided_on,
                    lowering_override_reason = excluded.lowering_override_reason,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = capacity_decision.version + 1
                returning id
                """)
                .param("m", municipalityNumber).param("y", year).param("p", persons).param("um", minors)
                .param("d", decidedOn).param("lo", lowering).param("now", now).param("by", actor.username())
                .query(Long.class).single();
        jdbc.sql("""
                insert into capacity_decision_history (capacity_decision_id, changed_at, changed_by, persons, unaccompanied_minors,
                    decided_on, lowering_override_reason)
                values (:id, :now, :by, :p, :um, :d, :lo)
                """)
                .param("id", id).param("now", now).param("by", actor.username()).param("p", persons).param("um", minors)
                .param("d", decidedOn).param("lo", lowering).update();
        jdbc.sql("delete from capacity_decision_pending where municipality_number = :m and year = :y")
                .param("m", municipalityNumber).param("y", year).update();
        return CommandResult.ok(new CapacityDecision(id, municipalityNumber, year, persons, minors, decidedOn));
    }

    /**
     * Why a number below the places used is refused: for the municipality (and other agency roles) on the field that
     * is too low; for the agency planner, who may override it, on the override reason the planner left out.
     */
    private CommandFailure belowUsed(Actor actor, String municipalityNumber, int year, int persons, PlacesInUse.Used used) {
        String name = municipalities.name(municipalityNumber);
        boolean personsBelow = persons < used.persons();
        boolean planner = actor.is(Role.AGENCY_PLANNER);
        String field = planner ? "loweringOverrideReason" : personsBelow ? "persons" : "unaccompaniedMinors";
        String key = (personsBelow ? "error.decision.belowUsed" : "error.decision.minorsBelowUsed") + (planner ? ".reason" : "");
        return CommandFailure.RuleBroken.of(field, key, name, personsBelow ? used.persons() : used.unaccompaniedMinors(), year);
    }

    /**
     * The council decision as the municipality (or the agency on its behalf) records it: possibly for several
     * years at once, and with a reason whenever the number differs from the agency's latest request.
     */
    @Transactional
    public CommandResult<CapacityDecision> recordDecision(Actor actor, String municipalityNumber, Integer year, Integer untilYear,
                                                          Integer persons, Integer minors, LocalDate decidedOn,
                                                          String deviationReason, String loweringOverrideReason) {
        if (year == null) {
            return record(actor, municipalityNumber, null, persons, minors, decidedOn);
        }
        int last = untilYear == null ? year : untilYear;
        if (last < year || last > year + 3) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("untilYear", "error.decision.untilYear", year, year + 3));
        }
        if (persons != null) {
            Optional<CapacityRequest> request = requests.versions(municipalityNumber, year).stream()
                    .max(java.util.Comparator.comparingInt(CapacityRequest::version));
            if (request.isPresent() && request.get().persons() != persons && (deviationReason == null || deviationReason.isBlank())) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("deviationReason", "error.decision.deviationReason",
                        request.get().persons()));
            }
        }
        String reason = deviationReason == null || deviationReason.isBlank() ? null : deviationReason.trim();
        CommandResult<CapacityDecision> result = null;
        for (int y = year; y <= last; y++) {
            result = record(actor, municipalityNumber, y, persons, minors, decidedOn, loweringOverrideReason);
            if (!result.isSuccess()) {
                if (y > year) {
                    // An earlier year was written already: undo the whole multi-year decision.
                    throw new CommandFailedException(result.failure());
                }
                return result;
            }
            jdbc.sql("update capacity_decision set deviation_reason = :r where id = :id").param("r", reason)
                    .param("id", result.value().id()).update();
            jdbc.sql("""
                    update capacity_decision_history set deviation_reason = :r where id =
                        (select max(id) from capacity_decision_history where capacity_decision_id = :id)
                    """).param("r", reason).param("id", result.value().id()).update();
        }
        return result;
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
