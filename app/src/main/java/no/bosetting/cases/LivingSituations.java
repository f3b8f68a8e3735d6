package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A household's living situation as a dated history (issue 20 item 3): reception centre, emergency accommodation,
 * AMOT, MAMOT (inside its window only), living privately, self-established. Reception staff record a change for a
 * household living in their centre now, caseworkers record and correct, and a permit import row for a permit already
 * imported records where UDI says the household lives now. The history has no overlap and no gap
 * ({@link ResidencePeriods}); every change is kept with who, when and the periods before → after
 * ({@code residence_change}). The case row follows the current period, and with it the centre's scope
 * ({@link ReceptionScope}): a centre sees only the households living there now.
 */
@Service
public class LivingSituations {

    private static final String CORRECTION = "CORRECT";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseCommands commands;
    private final ReceptionCentres centres;
    private final Municipalities municipalities;
    private final List<TemporarySchemes> schemes;

    public LivingSituations(JdbcClient jdbc, Clock clock, CaseCommands commands, ReceptionCentres centres,
                            Municipalities municipalities, List<TemporarySchemes> schemes) {
        this.schemes = List.copyOf(schemes);
        this.jdbc = jdbc;
        this.clock = clock;
        this.commands = commands;
        this.centres = centres;
        this.municipalities = municipalities;
    }

    /** One stored change of the history, for the case page and the API. */
    public record Change(String command, OffsetDateTime changedAt, String changedBy, String changedByRole, String before,
                         String after, String reason) {
    }

    /** A new period from {@code from}: the current period ends that day. */
    @Transactional
    public CommandResult<LivingSituation> record(long caseId, Actor actor, LivingSituation kind, LocalDate from, Long centreId,
                                                 String municipalityNumber) {
        Optional<CaseCommands.Row> row = guarded(caseId, CaseCommand.RECORD_LIVING_SITUATION, actor);
        Optional<CommandFailure> refused = CaseCommand.RECORD_LIVING_SITUATION.guard(actor, row.map(CaseCommands.Row::status),
                "error.case.notFound", caseId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        return store(caseId, actor, "RECORD", kind, from, centreId, municipalityNumber, null,
                history -> Optional.of(ResidencePeriods.withNew(history, new ResidencePeriods.Period(kind,
                        atCentre(kind) ? centreId : null, place(kind, centreId, municipalityNumber), from, null))));
    }

    /**
     * Corrects the period that began {@code periodFrom}: its kind, place and first day (the period before it ends on the
     * new first day). A reason is required; the before → after is kept.
     */
    @Transactional
    public CommandResult<LivingSituation> correct(long caseId, Actor actor, LocalDate periodFrom, LivingSituation kind,
                                                  LocalDate from, Long centreId, String municipalityNumber, String reason) {
        Optional<CaseCommands.Row> row = guarded(caseId, CaseCommand.CORRECT_LIVING_SITUATION, actor);
        Optional<CommandFailure> refused = CaseCommand.CORRECT_LIVING_SITUATION.guard(actor, row.map(CaseCommands.Row::status),
                "error.case.notFound", caseId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        if (periodFrom == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("period", "error.residence.periodUnknown"));
        }
        return store(caseId, actor, CORRECTION, kind, from, centreId, municipalityNumber, reason.trim(),
                history -> ResidencePeriods.corrected(history, periodFrom, new ResidencePeriods.Period(kind,
                        atCentre(kind) ? centreId : null, place(kind, centreId, municipalityNumber), from, null)));
    }

    /**
     * A permit import row for a permit already imported, saying where the household lives: when it is not where the
     * history says, a new period from today is recorded (by the import's user); a household whose case has ended, or
     * an unreadable situation, is left as it is. Returns whether the history changed.
     */
    @Transactional
    public boolean recordFromImport(long caseId, Actor actor, LivingSituation kind, Long centreId, String municipalityNumber) {
        Optional<CaseCommands.Row> row = commands.lock(caseId);
        if (row.isEmpty() || !CaseLifecycle.OPEN.contains(row.get().status()) || !ResidencePeriods.RECORDABLE.contains(kind)) {
            return false;
        }
        List<ResidencePeriods.Period> history = periods(caseId);
        ResidencePeriods.Period current = history.isEmpty() ? null : history.get(history.size() - 1);
        ResidencePeriods.Period next = new ResidencePeriods.Period(kind, atCentre(kind) ? centreId : null,
                place(kind, centreId, municipalityNumber), LocalDate.now(clock), null);
        if (current != null && current.kind() == kind && java.util.Objects.equals(current.receptionCentreId(), next.receptionCentreId())
                && java.util.Objects.equals(current.municipalityNumber(), next.municipalityNumber())) {
            return false;
        }
        return store(caseId, actor, "IMPORT", kind, next.from(), centreId, municipalityNumber, null,
                h -> Optional.of(ResidencePeriods.withNew(h, next))).isSuccess();
    }

    /** Whether a configured temporary scheme's window covers {@code from}–{@code end} (crisis mode, issue 18 item 1). */
    public boolean schemeCovers(LocalDate from, LocalDate end) {
        return schemes.stream().anyMatch(s -> s.covers(from, end));
    }

    /** The household's periods, oldest first (its first member's history: the household moves together). */
    @Transactional(readOnly = true)
    public List<ResidencePeriods.Period> periods(long caseId) {
        return periods(jdbc, caseId);
    }

    static List<ResidencePeriods.Period> periods(JdbcClient jdbc, long caseId) {
        return jdbc.sql("""
                select kind, reception_centre_id, municipality_number, from_date, to_date from residence_history
                where person_id = (select min(id) from person where case_id = :c) order by from_date, id
                """)
                .param("c", caseId)
                .query((rs, n) -> new ResidencePeriods.Period(LivingSituation.valueOf(rs.getString(1)), (Long) rs.getObject(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** The stored changes of the history, oldest first. */
    @Transactional(readOnly = true)
    public List<Change> changes(long caseId) {
        return jdbc.sql("""
                select command, changed_at, changed_by, changed_by_role, before_text, after_text, reason
                from residence_change where case_id = :c order by changed_at, id
                """)
                .param("c", caseId)
                .query((rs, n) -> new Change(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private interface Edit {
        Optional<List<ResidencePeriods.Period>> apply(List<ResidencePeriods.Period> history);
    }

    private CommandResult<LivingSituation> store(long caseId, Actor actor, String command, LivingSituation kind, LocalDate from,
                                                 Long centreId, String municipalityNumber, String reason, Edit edit) {
        Optional<FieldProblem> input = inputProblem(kind, from, centreId, municipalityNumber);
        if (input.isPresent()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of(input.get().field(), input.get().messageKey(),
                    input.get().args().toArray()));
        }
        List<ResidencePeriods.Period> before = periods(caseId);
        Optional<List<ResidencePeriods.Period>> edited = edit.apply(before);
        if (edited.isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("period", "error.residence.periodUnknown"));
        }
        List<ResidencePeriods.Period> after = edited.get();
        Optional<FieldProblem> problem = ResidencePeriods.problem(after, LocalDate.now(clock))
                .or(() -> TemporarySchemes.problem(schemes, after, LocalDate.now(clock)));
        if (problem.isPresent()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of(problem.get().field(), problem.get().messageKey(),
                    problem.get().args().toArray()));
        }
        write(caseId, actor, before, after);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into residence_change (case_id, command, changed_at, changed_by, changed_by_role, before_text, after_text, reason)
                values (:c, :command, :now, :by, :role, :before, :after, :reason)
                """)
                .param("c", caseId).param("command", command).param("now", now).param("by", actor.username())
                .param("role", actor.role().name()).param("before", before.isEmpty() ? null : ResidencePeriods.describe(before))
                .param("after", ResidencePeriods.describe(after)).param("reason", reason).update();
        ResidencePeriods.Period current = after.stream().filter(ResidencePeriods.Period::open).findFirst().orElseThrow();
        jdbc.sql("""
                update settlement_case set living_situation = :kind, reception_centre_id = :rc, living_municipality_number = :m,
                    updated_at = :now, updated_by = :by, version = version + 1
                where id = :c
                """)
                .param("kind", current.kind().name()).param("rc", current.receptionCentreId()).param("m", current.municipalityNumber())
                .param("now", now).param("by", actor.username()).param("c", caseId).update();
        String code = (command.equals(CORRECTION) ? CaseCommand.CORRECT_LIVING_SITUATION : CaseCommand.RECORD_LIVING_SITUATION).name();
        commands.note(caseId, actor, code, ResidencePeriods.describe(after) + (reason == null ? "" : ". " + reason));
        return CommandResult.ok(current.kind());
    }

    /**
     * Writes the new history over the old for every member: periods that kept their first day are updated, the rest
     * replaced, so each member's rows stay in step with the household's.
     */
    private void write(long caseId, Actor actor, List<ResidencePeriods.Period> before, List<ResidencePeriods.Period> after) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ResidencePeriods.Period old : before) {
            if (after.stream().noneMatch(p -> p.from().equals(old.from()))) {
                jdbc.sql("delete from residence_history where from_date = :f and person_id in (select id from person where case_id = :c)")
                        .param("f", old.from()).param("c", caseId).update();
            }
        }
        for (ResidencePeriods.Period p : after) {
            int updated = jdbc.sql("""
                    update residence_history set kind = :k, reception_centre_id = :rc, municipality_number = :m, to_date = :to
                    where from_date = :f and person_id in (select id from person where case_id = :c)
                    """)
                    .param("k", p.kind().name()).param("rc", p.receptionCentreId()).param("m", p.municipalityNumber())
                    .param("to", p.to()).param("f", p.from()).param("c", caseId).update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into residence_history (person_id, kind, reception_centre_id, municipality_number, from_date, to_date,
                            created_at, created_by)
                        select id, :k, :rc, :m, :f, :to, :now, :by from person where case_id = :c
                        """)
                        .param("k", p.kind().name()).param("rc", p.receptionCentreId()).param("m", p.municipalityNumber())
                        .param("f", p.from()).param("to", p.to()).param("now", now).param("by", actor.username())
                        .param("c", caseId).update();
            }
        }
    }

    private Optional<FieldProblem> inputProblem(LivingSituation kind, LocalDate from, Long centreId, String municipalityNumber) {
        if (kind == null || !ResidencePeriods.RECORDABLE.contains(kind)) {
            return Optional.of(FieldProblem.of("kind", "error.residence.kindRequired"));
        }
        if (from == null) {
            return Optional.of(FieldProblem.of("from", "error.date.required"));
        }
        if (atCentre(kind)) {
            if (centreId == null) {
                return Optional.of(FieldProblem.of("receptionCentreId", "error.receptionCentre.required"));
            }
            if (centres.find(centreId).isEmpty()) {
                return Optional.of(FieldProblem.of("receptionCentreId", "error.receptionCentre.unknown", centreId));
            }
        } else if (municipalityNumber == null || municipalityNumber.isBlank()) {
            return Optional.of(FieldProblem.of("municipalityNumber", "error.municipality.required"));
        } else if (municipalities.find(municipalityNumber.trim()).isEmpty()) {
            return Optional.of(FieldProblem.of("municipalityNumber", "error.municipality.unknown", municipalityNumber));
        }
        return Optional.empty();
    }

    /** The municipality of the period: the centre's for a centre, else the one given. */
    private String place(LivingSituation kind, Long centreId, String municipalityNumber) {
        if (atCentre(kind)) {
            return centreId == null ? null : centres.find(centreId).map(ReceptionCentre::municipalityNumber).orElse(null);
        }
        return municipalityNumber == null || municipalityNumber.isBlank() ? null : municipalityNumber.trim();
    }

    private static boolean atCentre(LivingSituation kind) {
        return ResidencePeriods.Period.atCentre(kind);
    }

    private Optional<CaseCommands.Row> guarded(long caseId, CaseCommand command, Actor actor) {
        return commands.lock(caseId).filter(r -> CaseCommands.inScope(command, r, actor, r.settlementMunicipality()));
    }
}
