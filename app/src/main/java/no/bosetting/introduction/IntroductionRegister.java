package no.bosetting.introduction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Transition;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The introduction register (issue 17 item 4; IMDinett's national introduction register, report 000 around line 3021):
 * the settling municipality's officer records, per settled person, the programme's start and end, interruptions and
 * leave, Norwegian and social-studies training, and the status one year after completion. Every command checks the
 * case is in the actor's scope and settled, the person settled in the actor's municipality, and every field before
 * it writes one row, so a refused command saves nothing. Every read of a person is in the access log.
 */
@Service
public class IntroductionRegister {

    /** More hours than this in one entry is not a plausible record (the programme is at most a few years, full time). */
    public static final int MAX_HOURS = 3000;

    /** The status is measured one year after completion, as the official statistics count it. */
    public static final int YEARS_TO_OUTCOME = 1;

    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final SettlementDecisions decisions;
    private final PersonAccessLog accessLog;

    public IntroductionRegister(JdbcClient jdbc, Clock clock, CaseQueries cases, SettlementDecisions decisions,
                                PersonAccessLog accessLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.decisions = decisions;
        this.accessLog = accessLog;
    }

    /** The commands the actor may issue on the case now. */
    public List<IntroductionCommand> validCommands(Actor actor, CaseSummary summary) {
        return Transition.valid(IntroductionCommand.class, actor, summary.status());
    }

    /** The person's settlement: decided and settled with a date, or empty. */
    public Optional<SettlementDecision> settlement(long caseId, long personId) {
        return decisions.forCase(caseId).stream()
                .filter(d -> d.personId() == personId && d.status() == DecisionStatus.SETTLED && d.settlementDate() != null)
                .findFirst();
    }

    /**
     * The person's register entry for a page: empty when the case is out of the actor's scope or the person is not a
     * member of it; the read is logged.
     */
    public Optional<IntroductionRecord> read(Actor actor, long caseId, long personId) {
        return read(actor, caseId, personId, "introduction register");
    }

    /** The same, logged with the caller's purpose (the API logs the address it was read through). */
    public Optional<IntroductionRecord> read(Actor actor, long caseId, long personId, String purpose) {
        if (cases.summary(caseId, actor).isEmpty() || !cases.personIds(caseId).contains(personId)) {
            return Optional.empty();
        }
        accessLog.recordRead(actor, List.of(personId), purpose);
        return Optional.of(recordOf(personId));
    }

    /** The entry without a read log, for the module's own rules and statistics. */
    IntroductionRecord recordOf(long personId) {
        IntroductionRecord.Participation p = jdbc.sql("""
                select person_id, case_id, municipality_number, started_on, completed_on, updated_at, updated_by
                from intro_participation where person_id = :p""").param("p", personId)
                .query((rs, n) -> new IntroductionRecord.Participation(rs.getLong("person_id"), rs.getLong("case_id"),
                        rs.getString("municipality_number"), rs.getObject("started_on", LocalDate.class),
                        rs.getObject("completed_on", LocalDate.class), rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getString("updated_by"))).optional().orElse(null);
        List<IntroductionRecord.Period> periods = jdbc.sql("""
                select id, kind, from_date, to_date, registered_at, registered_by from intro_period
                where person_id = :p order by from_date, id""").param("p", personId)
                .query((rs, n) -> new IntroductionRecord.Period(rs.getLong("id"), PeriodKind.valueOf(rs.getString("kind")),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                        rs.getObject("registered_at", OffsetDateTime.class), rs.getString("registered_by"))).list();
        List<IntroductionRecord.Training> training = jdbc.sql("""
                select id, subject, hours, test_on, test_level, test_passed, registered_at, registered_by from intro_training
                where person_id = :p order by registered_at, id""").param("p", personId)
                .query((rs, n) -> training(rs)).list();
        IntroductionRecord.Outcome outcome = jdbc.sql("""
                select status, measured_on, registered_at, registered_by from intro_outcome where person_id = :p""")
                .param("p", personId)
                .query((rs, n) -> new IntroductionRecord.Outcome(OutcomeCategory.valueOf(rs.getString("status")),
                        rs.getObject("measured_on", LocalDate.class), rs.getObject("registered_at", OffsetDateTime.class),
                        rs.getString("registered_by"))).optional().orElse(null);
        return new IntroductionRecord(p, periods, training, outcome);
    }

    private static IntroductionRecord.Training training(ResultSet rs) throws SQLException {
        String level = rs.getString("test_level");
        Boolean passed = (Boolean) rs.getObject("test_passed");
        return new IntroductionRecord.Training(rs.getLong("id"), TrainingSubject.valueOf(rs.getString("subject")), rs.getInt("hours"),
                rs.getObject("test_on", LocalDate.class), level == null ? null : NorwegianLevel.valueOf(level), passed,
                rs.getObject("registered_at", OffsetDateTime.class), rs.getString("registered_by"));
    }

    /** The programme's start and (when it is over) its end. */
    @Transactional
    public CommandResult<Long> saveProgramme(Actor actor, long caseId, long personId, LocalDate startedOn, LocalDate completedOn) {
        CommandResult<SettlementDecision> settled = settledInActorsMunicipality(actor, caseId, personId);
        if (!settled.isSuccess()) {
            return CommandResult.fail(settled.failure());
        }
        LocalDate today = LocalDate.now(clock);
        if (startedOn == null) {
            return fail("startedOn", "introduction.error.startedOn");
        }
        if (startedOn.isBefore(settled.value().settlementDate())) {
            return fail("startedOn", "introduction.error.beforeSettlement", DATE.format(settled.value().settlementDate()));
        }
        if (startedOn.isAfter(today)) {
            return fail("startedOn", "introduction.error.future");
        }
        if (completedOn != null && completedOn.isBefore(startedOn)) {
            return fail("completedOn", "introduction.error.endBeforeStart");
        }
        if (completedOn != null && completedOn.isAfter(today)) {
            return fail("completedOn", "introduction.error.future");
        }
        IntroductionRecord existing = recordOf(personId);
        for (IntroductionRecord.Period p : existing.periods()) {
            if (p.from().isBefore(startedOn) || (completedOn != null && p.to().isAfter(completedOn))) {
                return fail(p.from().isBefore(startedOn) ? "startedOn" : "completedOn", "introduction.error.periodOutside",
                        DATE.format(p.from()), DATE.format(p.to()));
            }
        }
        if (existing.outcome() != null && (completedOn == null
                || existing.outcome().measuredOn().isBefore(completedOn.plusYears(YEARS_TO_OUTCOME)))) {
            return fail("completedOn", "introduction.error.outcomeRecorded", DATE.format(existing.outcome().measuredOn()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into intro_participation (person_id, case_id, municipality_number, started_on, completed_on, registered_at,
                    registered_by, updated_at, updated_by)
                values (:p, :c, :m, :start, :end, :now, :by, :now, :by)
                on conflict (person_id) do update set started_on = excluded.started_on, completed_on = excluded.completed_on,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("p", personId).param("c", caseId).param("m", settled.value().municipalityNumber()).param("start", startedOn)
                .param("end", completedOn).param("now", now).param("by", actor.username()).update();
        return CommandResult.ok(personId);
    }

    /** An interruption or leave within the programme. */
    @Transactional
    public CommandResult<Long> addPeriod(Actor actor, long caseId, long personId, PeriodKind kind, LocalDate from, LocalDate to) {
        CommandResult<IntroductionRecord.Participation> programme = programme(actor, caseId, personId, "periodKind");
        if (!programme.isSuccess()) {
            return CommandResult.fail(programme.failure());
        }
        IntroductionRecord.Participation p = programme.value();
        if (kind == null) {
            return fail("periodKind", "introduction.error.periodKind");
        }
        if (from == null) {
            return fail("periodFrom", "introduction.error.date");
        }
        if (to == null) {
            return fail("periodTo", "introduction.error.date");
        }
        if (to.isBefore(from)) {
            return fail("periodTo", "introduction.error.endBeforeStart");
        }
        if (from.isBefore(p.startedOn())) {
            return fail("periodFrom", "introduction.error.beforeProgramme", DATE.format(p.startedOn()));
        }
        if (p.completedOn() != null && to.isAfter(p.completedOn())) {
            return fail("periodTo", "introduction.error.afterProgramme", DATE.format(p.completedOn()));
        }
        if (from.isAfter(LocalDate.now(clock))) {
            return fail("periodFrom", "introduction.error.future");
        }
        long id = jdbc.sql("""
                insert into intro_period (person_id, kind, from_date, to_date, registered_at, registered_by)
                values (:p, :k, :f, :t, :now, :by) returning id""")
                .param("p", personId).param("k", kind.name()).param("f", from).param("t", to)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).query(Long.class).single();
        return CommandResult.ok(id);
    }

    /** Hours of Norwegian or social-studies training, with a test when one was taken. */
    @Transactional
    public CommandResult<Long> addTraining(Actor actor, long caseId, long personId, TrainingSubject subject, Integer hours,
                                           LocalDate testOn, NorwegianLevel level, Boolean passed) {
        CommandResult<IntroductionRecord.Participation> programme = programme(actor, caseId, personId, "subject");
        if (!programme.isSuccess()) {
            return CommandResult.fail(programme.failure());
        }
        if (subject == null) {
            return fail("subject", "introduction.error.subject");
        }
        if (hours == null || hours < 0 || hours > MAX_HOURS) {
            return fail("hours", "introduction.error.hours", MAX_HOURS);
        }
        if (subject == TrainingSubject.NORWEGIAN && passed != null) {
            return fail("passed", "introduction.error.passedIsSocialStudies");
        }
        if (subject == TrainingSubject.SOCIAL_STUDIES && level != null) {
            return fail("level", "introduction.error.levelIsNorwegian");
        }
        boolean tested = level != null || passed != null;
        if (tested && testOn == null) {
            return fail("testOn", "introduction.error.testDate");
        }
        if (!tested && testOn != null) {
            return fail(subject == TrainingSubject.NORWEGIAN ? "level" : "passed", "introduction.error.testResult");
        }
        if (testOn != null && testOn.isAfter(LocalDate.now(clock))) {
            return fail("testOn", "introduction.error.future");
        }
        long id = jdbc.sql("""
                insert into intro_training (person_id, subject, hours, test_on, test_level, test_passed, registered_at, registered_by)
                values (:p, :s, :h, :on, :level, :passed, :now, :by) returning id""")
                .param("p", personId).param("s", subject.name()).param("h", hours).param("on", testOn)
                .param("level", level == null ? null : level.name()).param("passed", passed)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).query(Long.class).single();
        return CommandResult.ok(id);
    }

    /** The status one year after completion; recording it again corrects it. */
    @Transactional
    public CommandResult<Long> recordOutcome(Actor actor, long caseId, long personId, OutcomeCategory status, LocalDate measuredOn) {
        CommandResult<IntroductionRecord.Participation> programme = programme(actor, caseId, personId, "status");
        if (!programme.isSuccess()) {
            return CommandResult.fail(programme.failure());
        }
        IntroductionRecord.Participation p = programme.value();
        if (p.completedOn() == null) {
            return fail("status", "introduction.error.notCompleted");
        }
        if (status == null) {
            return fail("status", "introduction.error.status");
        }
        if (measuredOn == null) {
            return fail("measuredOn", "introduction.error.date");
        }
        LocalDate earliest = p.completedOn().plusYears(YEARS_TO_OUTCOME);
        if (measuredOn.isBefore(earliest)) {
            return fail("measuredOn", "introduction.error.tooEarly", DATE.format(earliest));
        }
        if (measuredOn.isAfter(LocalDate.now(clock))) {
            return fail("measuredOn", "introduction.error.future");
        }
        jdbc.sql("""
                insert into intro_outcome (person_id, status, measured_on, registered_at, registered_by)
                values (:p, :s, :on, :now, :by)
                on conflict (person_id) do update set status = excluded.status, measured_on = excluded.measured_on,
                    registered_at = excluded.registered_at, registered_by = excluded.registered_by""")
                .param("p", personId).param("s", status.name()).param("on", measuredOn)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
        return CommandResult.ok(personId);
    }

    /** Guard order: the case in scope, the role, the case settled; then the person settled here, by this municipality. */
    private CommandResult<SettlementDecision> settledInActorsMunicipality(Actor actor, long caseId, long personId) {
        Optional<CaseSummary> summary = cases.summary(caseId, actor);
        Optional<CommandFailure> refused = IntroductionCommand.RECORD.guard(actor, summary.map(CaseSummary::status),
                "error.case.notFound", caseId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (!cases.personIds(caseId).contains(personId)) {
            return CommandResult.fail(CommandFailure.NotFound.of("introduction.error.personNotFound", personId));
        }
        Optional<SettlementDecision> settled = settlement(caseId, personId);
        if (settled.isEmpty()) {
            return fail("person", "introduction.error.notSettled");
        }
        if (!actor.isMunicipality(settled.get().municipalityNumber())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("introduction.error.otherMunicipality"));
        }
        return CommandResult.ok(settled.get());
    }

    private CommandResult<IntroductionRecord.Participation> programme(Actor actor, long caseId, long personId, String field) {
        CommandResult<SettlementDecision> settled = settledInActorsMunicipality(actor, caseId, personId);
        if (!settled.isSuccess()) {
            return CommandResult.fail(settled.failure());
        }
        IntroductionRecord.Participation p = recordOf(personId).participation();
        return p == null ? fail(field, "introduction.error.noProgramme") : CommandResult.ok(p);
    }

    private static <T> CommandResult<T> fail(String field, String key, Object... args) {
        return CommandResult.fail(CommandFailure.RuleBroken.of(field, key, args));
    }
}
