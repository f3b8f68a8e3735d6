package no.bosetting.moves;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Transition;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secondary moves: a settled person or household moving to another municipality, with the date, from, to, the
 * reason (family, work, education, other) and whether the move was agreed with the municipalities (report 002 lines
 * 3786–3831; report 001 lines 835–845). Registered by the agency's caseworker. "From" is where the person lives now:
 * the settlement municipality, or where the last registered move took them. The statistics count moves within five
 * years of settlement per municipality, in and out.
 */
@Service
public class SecondaryMoves {

    private static final String COLUMNS = """
            id, case_id, person_id, from_municipality, to_municipality, moved_on, settled_on, reason, agreed, note, registered_at,
            registered_by""";

    private static final java.time.format.DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final SettlementDecisions decisions;
    private final Municipalities municipalities;
    private final org.springframework.context.ApplicationEventPublisher events;

    public SecondaryMoves(JdbcClient jdbc, Clock clock, CaseQueries cases, SettlementDecisions decisions, Municipalities municipalities,
                          org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.decisions = decisions;
        this.municipalities = municipalities;
    }

    /** What to register: the persons (empty = every settled member of the household), date, destination, reason, agreed. */
    public record MoveForm(List<Long> personIds, LocalDate movedOn, String toMunicipality, MoveReason reason, Boolean agreed,
                           String note) {
    }

    /** The commands the actor may issue on the case now. */
    public List<MoveCommand> validCommands(Actor actor, CaseSummary summary) {
        return Transition.valid(MoveCommand.class, actor, summary.status());
    }

    /** A settled person's place now: where they were settled, or where their last move took them. */
    public record Resident(long personId, String municipalityNumber, LocalDate settledOn, LocalDate lastMovedOn) {
    }

    /** The settled members of the household and where each lives now. */
    public List<Resident> residents(long caseId) {
        Map<Long, SecondaryMove> last = new HashMap<>();
        forCase(caseId).forEach(m -> last.put(m.personId(), m)); // oldest first, so the last one stays
        List<Resident> residents = new ArrayList<>();
        for (SettlementDecision d : decisions.forCase(caseId)) {
            if (d.status() == DecisionStatus.SETTLED && d.settlementDate() != null) {
                SecondaryMove m = last.get(d.personId());
                residents.add(new Resident(d.personId(), m != null ? m.toMunicipality() : d.municipalityNumber(), d.settlementDate(),
                        m != null ? m.movedOn() : null));
            }
        }
        return residents;
    }

    @Transactional
    public CommandResult<List<Long>> register(Actor actor, long caseId, MoveForm form) {
        Optional<CaseSummary> summary = cases.summary(caseId, actor);
        Optional<CommandFailure> refused = MoveCommand.REGISTER_MOVE.guard(actor, summary.map(CaseSummary::status), "error.case.notFound", caseId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        List<Resident> residents = residents(caseId);
        if (residents.isEmpty()) {
            return fail("persons", "moves.error.notSettled");
        }
        List<Resident> moving = new ArrayList<>();
        Set<Long> wanted = new LinkedHashSet<>(form.personIds() == null ? List.of() : form.personIds());
        for (Resident r : residents) {
            if (wanted.isEmpty() || wanted.remove(r.personId())) {
                moving.add(r);
            }
        }
        if (!wanted.isEmpty()) {
            return fail("persons", "moves.error.person", wanted.iterator().next());
        }
        if (form.movedOn() == null) {
            return fail("movedOn", "moves.error.date");
        }
        if (form.movedOn().isAfter(LocalDate.now(clock))) {
            return fail("movedOn", "moves.error.future");
        }
        String to = form.toMunicipality() == null ? "" : form.toMunicipality().trim();
        if (to.isEmpty() || municipalities.find(to).isEmpty()) {
            return fail("toMunicipality", "moves.error.to", to);
        }
        if (form.reason() == null) {
            return fail("reason", "moves.error.reason");
        }
        if (form.agreed() == null) {
            return fail("agreed", "moves.error.agreed");
        }
        for (Resident r : moving) {
            if (form.movedOn().isBefore(r.settledOn())) {
                return fail("movedOn", "moves.error.beforeSettlement", DATE.format(r.settledOn()));
            }
            if (r.lastMovedOn() != null && !form.movedOn().isAfter(r.lastMovedOn())) {
                return fail("movedOn", "moves.error.beforeLastMove", DATE.format(r.lastMovedOn()));
            }
            if (r.municipalityNumber().equals(to)) {
                return fail("toMunicipality", "moves.error.same", municipalities.name(to));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> ids = new ArrayList<>();
        for (Resident r : moving) {
            ids.add(jdbc.sql("""
                    insert into secondary_move (case_id, person_id, from_municipality, to_municipality, moved_on, settled_on, reason, agreed,
                        note, registered_at, registered_by)
                    values (:c, :p, :from, :to, :on, :settled, :reason, :agreed, :note, :now, :by) returning id
                    """)
                    .param("c", caseId).param("p", r.personId()).param("from", r.municipalityNumber()).param("to", to)
                    .param("on", form.movedOn()).param("settled", r.settledOn()).param("reason", form.reason().name())
                    .param("agreed", form.agreed()).param("note", form.note() == null || form.note().isBlank() ? null : form.note().trim())
                    .param("now", now).param("by", actor.username()).query(Long.class).single());
        }
        events.publishEvent(new SecondaryMoveRegistered(caseId));
        return CommandResult.ok(ids);
    }

    /** The case's moves, oldest first. */
    public List<SecondaryMove> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from secondary_move where case_id = :c order by moved_on, id")
                .param("c", caseId).query((rs, n) -> new SecondaryMove(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), MoveReason.valueOf(rs.getString(8)),
                        rs.getBoolean(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getString(12)))
                .list();
    }

    private static <T> CommandResult<T> fail(String field, String key, Object... args) {
        return CommandResult.fail(CommandFailure.RuleBroken.of(field, key, args));
    }
}
