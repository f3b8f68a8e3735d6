package no.bosetting.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.TimeConfig;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for settlement with public help from private residents (§4.1): the refugee's draft and
 * submission (also before the permit), the six-month deadline from the configured start rule, and the
 * agency's queue where late applications are marked for the discretionary path.
 */
@Service
public class SettlementApplications {

    static final int TEXT_MAX = 2000;
    static final String NOT_FOUND = "app.error.notFound";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final Municipalities municipalities;
    private final Outbox outbox;
    private final PersonAccessLog accessLog;
    private final DeadlineStartRule startRule;
    private final ApplicationGate gate;

    public SettlementApplications(JdbcClient jdbc, Clock clock, CaseQueries cases, CaseCommands caseCommands,
                                  Municipalities municipalities, Outbox outbox, PersonAccessLog accessLog,
                                  @Value("${bosetting.application.deadline-start:PERMIT_DATE}") DeadlineStartRule startRule,
                                  ApplicationGate gate) {
        this.gate = gate;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.startRule = startRule;
    }

    public DeadlineStartRule startRule() {
        return startRule;
    }

    /** The deadline for a DUF number's household from its permit, with no application yet (the stated dates unknown). */
    public Optional<ApplicationDeadline> deadlineWithoutApplication(long caseId) {
        return cases.summaryForSystem(caseId).map(s -> startRule.deadline(s.permitDate(), null, null));
    }

    /** The refugee's own application, linked to their case if the permit has arrived since. */
    @Transactional
    public Optional<SettlementApplication> forRefugee(Actor actor) {
        if (actor.role() != Role.REFUGEE || actor.dufNumber().isEmpty()) {
            return Optional.empty();
        }
        return findByDuf(actor.dufNumber().get()).map(this::linkIfPossible);
    }

    /** Specific problems with the answers; a draft is only checked for what is typed, a submission for completeness. */
    public List<FieldProblem> validate(ApplicationForm f, boolean submit) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        municipality(problems, "tiesMunicipality", f.tiesMunicipality());
        municipality(problems, "currentMunicipality", f.currentMunicipality());
        for (Map.Entry<String, String> text : Map.of("tiesDescription", nz(f.tiesDescription()), "adaptationNeeds", nz(f.adaptationNeeds()),
                "healthDetails", nz(f.healthDetails()), "pets", nz(f.pets()), "currentAddress", nz(f.currentAddress()),
                "childLivesWith", nz(f.childLivesWith()), "childRelationship", nz(f.childRelationship()),
                "childSelfSufficiency", nz(f.childSelfSufficiency()), "childRepresentative", nz(f.childRepresentative())).entrySet()) {
            if (text.getValue().length() > TEXT_MAX) {
                problems.add(FieldProblem.of(text.getKey(), "error.text.tooLong", TEXT_MAX));
            }
        }
        if (!blank(f.healthDetails()) && !f.healthConsent()) {
            problems.add(FieldProblem.of("healthDetails", "app.error.healthConsent"));
        }
        date(problems, "notifiedDate", f.notifiedDate(), today);
        date(problems, "arrivalDate", f.arrivalDate(), today);
        if (submit) {
            if (blank(f.canStay())) {
                problems.add(FieldProblem.of("canStay", "app.error.canStay"));
            } else if ("true".equals(f.canStay())) {
                if (blank(f.currentAddress())) {
                    problems.add(FieldProblem.of("currentAddress", "app.error.address"));
                }
                if (blank(f.currentMunicipality())) {
                    problems.add(FieldProblem.of("currentMunicipality", "error.municipality.required"));
                }
            }
            if (f.unaccompaniedMinor()) {
                if (blank(f.childLivesWith())) {
                    problems.add(FieldProblem.of("childLivesWith", "app.error.childLivesWith"));
                }
                if (blank(f.childRelationship())) {
                    problems.add(FieldProblem.of("childRelationship", "app.error.childRelationship"));
                }
                if (blank(f.childWantsToStay())) {
                    problems.add(FieldProblem.of("childWantsToStay", "app.error.childWantsToStay"));
                }
                if (blank(f.childSelfSufficiency())) {
                    problems.add(FieldProblem.of("childSelfSufficiency", "app.error.childSelfSufficiency"));
                }
                if (blank(f.childRepresentative())) {
                    problems.add(FieldProblem.of("childRepresentative", "app.error.childRepresentative"));
                }
            }
        }
        return problems;
    }

    /**
     * Saves the refugee's draft, or sends it. Nothing is written when the command is refused or the answers have a
     * problem, so the saved draft stays as it was.
     */
    @Transactional
    public CommandResult<SettlementApplication> save(Actor actor, ApplicationForm form, boolean submit) {
        ApplicationCommand command = submit ? ApplicationCommand.SEND : ApplicationCommand.SAVE_DRAFT;
        Optional<CommandFailure> refused = command.guard(actor, Optional.of(ownStatus(actor)), NOT_FOUND, "-");
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        List<FieldProblem> problems = validate(form, submit);
        if (!problems.isEmpty()) {
            FieldProblem p = problems.get(0);
            return CommandResult.fail(CommandFailure.RuleBroken.of(p.field(), p.messageKey(), p.args().toArray()));
        }
        String duf = actor.dufNumber().orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Lock the row (or create it) so a double submit cannot send twice: the second sees the first's status here.
        jdbc.sql("""
                insert into settlement_application (duf_number, status, created_at, created_by, updated_at, updated_by)
                values (:d, :draft, :now, :by, :now, :by) on conflict (duf_number) do nothing
                """).param("d", duf).param("draft", ApplicationStatus.DRAFT.name()).param("now", now).param("by", actor.username())
                .update();
        ApplicationStatus locked = jdbc.sql("select status from settlement_application where duf_number = :d for update")
                .param("d", duf).query((rs, n) -> ApplicationStatus.valueOf(rs.getString(1))).single();
        refused = command.guard(actor, Optional.of(locked), NOT_FOUND, "-");
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        jdbc.sql("""
                update settlement_application set unaccompanied_minor = :um, ties_municipality = :tm, ties_description = :td,
                    adaptation_needs = :an, health_consent = :hc, health_details = :hd, pets = :pets, can_stay = :cs,
                    current_address = :ca, current_municipality = :cm, notified_date = :nd, arrival_date = :ad,
                    child_lives_with = :clw, child_relationship = :cr, child_wants_to_stay = :cws,
                    child_self_sufficiency = :css, child_representative = :crep,
                    status = :status, submitted_at = :submitted, updated_at = :now, updated_by = :by,
                    deadline_rule = null, deadline_start = null, deadline = null, late = false
                where duf_number = :d
                """)
                .param("um", form.unaccompaniedMinor()).param("tm", trimToNull(form.tiesMunicipality()))
                .param("td", trimToNull(form.tiesDescription())).param("an", trimToNull(form.adaptationNeeds()))
                .param("hc", form.healthConsent())
                .param("hd", form.healthConsent() ? trimToNull(form.healthDetails()) : null)
                .param("pets", trimToNull(form.pets())).param("cs", bool(form.canStay()))
                .param("ca", trimToNull(form.currentAddress())).param("cm", trimToNull(form.currentMunicipality()))
                .param("nd", parse(form.notifiedDate())).param("ad", parse(form.arrivalDate()))
                .param("clw", form.unaccompaniedMinor() ? trimToNull(form.childLivesWith()) : null)
                .param("cr", form.unaccompaniedMinor() ? trimToNull(form.childRelationship()) : null)
                .param("cws", form.unaccompaniedMinor() ? bool(form.childWantsToStay()) : null)
                .param("css", form.unaccompaniedMinor() ? trimToNull(form.childSelfSufficiency()) : null)
                .param("crep", form.unaccompaniedMinor() ? trimToNull(form.childRepresentative()) : null)
                .param("status", command.next(locked).name())
                .param("submitted", submit ? now : null).param("now", now).param("by", actor.username())
                .param("d", duf)
                .update();
        SettlementApplication saved = linkIfPossible(findByDuf(duf).orElseThrow());
        if (submit && saved.caseId() != null) {
            caseCommands.note(saved.caseId(), actor, "APPLICATION_SUBMITTED",
                    "Søknad om bosetting med offentlig hjelp sendt" + (saved.late() ? " etter fristen (skjønn)" : "") + ".");
        }
        return CommandResult.ok(saved);
    }

    /**
     * The commands the actor may issue on the application now; empty {@code application} is the refugee's own one not
     * saved yet (a new draft). The caller found the application within the actor's scope.
     */
    public List<ApplicationCommand> validCommands(Actor actor, Optional<SettlementApplication> application) {
        ApplicationCommand notThisOne = ApplicationCommand.acceptFor(!application.map(SettlementApplication::late).orElse(false));
        return Transition.valid(ApplicationCommand.class, actor,
                application.map(SettlementApplication::status).orElse(ApplicationStatus.DRAFT)).stream()
                .filter(c -> c != notThisOne).toList();
    }

    /** The status of the refugee's own application, a new draft when they have none (or are no refugee). */
    private ApplicationStatus ownStatus(Actor actor) {
        return actor.dufNumber()
                .flatMap(duf -> jdbc.sql("select status from settlement_application where duf_number = :d").param("d", duf)
                        .query((rs, n) -> ApplicationStatus.valueOf(rs.getString(1))).optional())
                .orElse(ApplicationStatus.DRAFT);
    }

    /** The agency's queue, oldest deadline first; applications from before the permit are linked first. */
    @Transactional
    public List<QueueItem> queue(QueueFilter filter, Actor actor) {
        if (!actor.isAgency()) {
            return List.of();
        }
        linkPending();
        StringBuilder where = new StringBuilder(" where a.status <> 'DRAFT'");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.late() != null) {
            where.append(" and a.late = :late");
            params.put("late", filter.late());
        }
        if (filter.unaccompaniedMinor() != null) {
            where.append(" and a.unaccompanied_minor = :um");
            params.put("um", filter.unaccompaniedMinor());
        }
        if (filter.withoutPermit() != null) {
            where.append(filter.withoutPermit() ? " and a.case_id is null" : " and a.case_id is not null");
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select a.id, a.status, a.submitted_at, a.deadline, a.late, a.case_id, a.unaccompanied_minor"
                        + " from settlement_application a" + where
                        + " order by a.late, a.deadline nulls last, a.submitted_at, a.id limit 300")
                .params(params)
                .query((rs, n) -> {
                    Long caseId = (Long) rs.getObject("case_id");
                    OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
                    return new QueueItem(rs.getLong("id"), ApplicationStatus.valueOf(rs.getString("status")), submitted,
                            rs.getObject("deadline", LocalDate.class), rs.getBoolean("late"), caseId,
                            caseId == null ? null : cases.summaryForSystem(caseId).map(CaseSummary::reference).orElse(null),
                            rs.getBoolean("unaccompanied_minor"),
                            submitted == null ? 0 : ChronoUnit.DAYS.between(submitted.atZoneSameInstant(TimeConfig.OSLO).toLocalDate(), today));
                })
                .list();
    }

    /** One application with its answers, for the agency; the read of the applicant is logged. */
    @Transactional
    public Optional<SettlementApplication> detail(long id, Actor actor) {
        if (!actor.isAgency()) {
            return Optional.empty();
        }
        Optional<SettlementApplication> application = find(id).map(this::linkIfPossible);
        application.flatMap(a -> cases.personForDuf(a.dufNumber()))
                .ifPresent(p -> accessLog.recordRead(actor, List.of(p.getKey()), "søknad om bosetting"));
        return application;
    }

    /** The applicant's name and DUF number for the caseworker (read already logged by {@link #detail}). */
    public Optional<String> applicantName(SettlementApplication application) {
        return cases.personForDuf(application.dufNumber()).map(Map.Entry::getValue);
    }

    /**
     * Accepts the application: a private resident's case goes from waiting for the application into mapping (also from
     * closed, when the right had ended by the missed deadline and a late application is accepted on the discretionary
     * path); a case already in the flow before the application decided keeps its state. Written to the case history;
     * the refugee is told.
     */
    @Transactional
    public CommandResult<ApplicationStatus> accept(long id, Actor actor) {
        return handle(id, actor, true, null);
    }

    /**
     * Refuses the application with a reason the refugee sees. The right to settlement with public help ends: a case
     * waiting for the application, under mapping or ready for allocation leaves the flow (closed as refused).
     */
    @Transactional
    public CommandResult<ApplicationStatus> refuse(long id, Actor actor, String reason) {
        return handle(id, actor, false, reason);
    }

    private CommandResult<ApplicationStatus> handle(long id, Actor actor, boolean accept, String reason) {
        Optional<SettlementApplication> locked = jdbc.sql("select id from settlement_application where id = :id for update")
                .param("id", id).query(Long.class).optional().flatMap(this::find).filter(a -> inScope(actor, a))
                .map(this::linkIfPossible);
        ApplicationCommand command = accept ? ApplicationCommand.acceptFor(locked.map(SettlementApplication::late).orElse(false))
                : ApplicationCommand.REFUSE;
        Optional<CommandFailure> refused = command.guard(actor, locked.map(SettlementApplication::status), NOT_FOUND, id);
        if (refused.isPresent()) {
            // Only the designated group accepts a late application (report 000 around lines 3946–3950).
            return CommandResult.fail(command == ApplicationCommand.ACCEPT_LATE && refused.get() instanceof CommandFailure.NotAllowed
                    ? CommandFailure.NotAllowed.of("app.error.designatedGroup") : refused.get());
        }
        SettlementApplication a = locked.get();
        if (!accept && blank(reason)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        if (reason != null && reason.length() > TEXT_MAX) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.text.tooLong", TEXT_MAX));
        }
        if (accept && a.caseId() == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "app.error.noPermit"));
        }
        ApplicationStatus to = command.target();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update settlement_application set status = :s, handled_at = :now, handled_by = :by, refusal_reason = :reason,
                    updated_at = :now, updated_by = :by where id = :id
                """)
                .param("s", to.name()).param("now", now).param("by", actor.username())
                .param("reason", accept ? null : reason.trim()).param("id", id).update();
        if (a.caseId() != null) {
            Optional<CommandFailure> caseFailure = accept ? gate.followAcceptance(a, actor) : gate.followRefusal(a, actor, reason.trim());
            if (caseFailure.isPresent()) {
                return CommandResult.fail(caseFailure.get());
            }
            caseCommands.note(a.caseId(), actor, accept ? "APPLICATION_ACCEPTED" : "APPLICATION_REFUSED",
                    accept ? "Søknad om bosetting med offentlig hjelp godtatt" + (a.late() ? " etter skjønn (søkt etter fristen)" : "") + "."
                            : "Søknad om bosetting med offentlig hjelp avslått: " + reason.trim());
        }
        outbox.enqueue("NOTIFICATION", "duf:" + a.dufNumber(),
                Wording.of(accept ? "app.notice.accepted.subject" : "app.notice.refused.subject"),
                accept ? Wording.of("app.notice.accepted.body") : Wording.of("app.notice.refused.body", reason.trim()), a.caseId());
        return CommandResult.ok(to);
    }

    /** The agency reaches every application, a refugee only the one of their own DUF number, no one else any. */
    private static boolean inScope(Actor actor, SettlementApplication a) {
        return actor.isAgency() || actor.dufNumber().map(a.dufNumber()::equals).orElse(false);
    }

    /** Links every sent application whose permit has arrived since; returns how many were linked. */
    @Transactional
    public int linkPending() {
        List<Long> ids = jdbc.sql("select id from settlement_application where case_id is null").query(Long.class).list();
        int linked = 0;
        for (Long id : ids) {
            if (find(id).map(this::linkIfPossible).map(SettlementApplication::caseId).isPresent()) {
                linked++;
            }
        }
        return linked;
    }

    /** Submitted applications not handled yet, for the deadline rule. */
    List<QueueItem> waiting() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select id, status, submitted_at, deadline, late, case_id, unaccompanied_minor from settlement_application"
                        + " where status = 'SUBMITTED' order by submitted_at, id")
                .query((rs, n) -> {
                    Long caseId = (Long) rs.getObject("case_id");
                    OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
                    return new QueueItem(rs.getLong("id"), ApplicationStatus.SUBMITTED, submitted,
                            rs.getObject("deadline", LocalDate.class), rs.getBoolean("late"), caseId,
                            caseId == null ? null : cases.summaryForSystem(caseId).map(CaseSummary::reference).orElse(null),
                            rs.getBoolean("unaccompanied_minor"), ChronoUnit.DAYS.between(submitted.atZoneSameInstant(TimeConfig.OSLO).toLocalDate(), today));
                })
                .list();
    }

    /** DUF numbers that have an application (draft or sent), for the deadline rule. */
    boolean hasSentApplication(String dufNumber) {
        return jdbc.sql("select count(*) from settlement_application where duf_number = :d and status <> 'DRAFT'")
                .param("d", dufNumber).query(Long.class).single() > 0;
    }

    private SettlementApplication linkIfPossible(SettlementApplication a) {
        Long caseId = a.caseId();
        if (caseId == null) {
            caseId = cases.caseIdForDuf(a.dufNumber()).orElse(null);
            if (caseId == null) {
                return a;
            }
        }
        if (a.caseId() != null && a.deadline() != null) {
            return a;
        }
        LocalDate permitDate = cases.summaryForSystem(caseId).orElseThrow().permitDate();
        ApplicationDeadline deadline = startRule.deadline(permitDate, parse(a.answers().notifiedDate()), parse(a.answers().arrivalDate()));
        boolean late = a.submittedAt() != null && deadline.isLate(a.submittedAt().atZoneSameInstant(clock.getZone()).toLocalDate());
        jdbc.sql("""
                update settlement_application set case_id = :c, deadline_rule = :rule, deadline_start = :start, deadline = :last,
                    late = :late, updated_at = :now, updated_by = 'system' where id = :id
                """)
                .param("c", caseId).param("rule", deadline.rule().name()).param("start", deadline.start())
                .param("last", deadline.lastDay()).param("late", late).param("now", OffsetDateTime.now(clock))
                .param("id", a.id()).update();
        return find(a.id()).orElseThrow();
    }

    private Optional<SettlementApplication> findByDuf(String duf) {
        return jdbc.sql("select * from settlement_application where duf_number = :d").param("d", duf).query(SettlementApplications::row).optional();
    }

    private Optional<SettlementApplication> find(long id) {
        return jdbc.sql("select * from settlement_application where id = :id").param("id", id).query(SettlementApplications::row).optional();
    }

    private static SettlementApplication row(ResultSet rs, int n) throws SQLException {
        ApplicationForm form = new ApplicationForm(rs.getBoolean("unaccompanied_minor"), rs.getString("ties_municipality"),
                rs.getString("ties_description"), rs.getString("adaptation_needs"), rs.getBoolean("health_consent"),
                rs.getString("health_details"), rs.getString("pets"), yesNo((Boolean) rs.getObject("can_stay")),
                rs.getString("current_address"), rs.getString("current_municipality"),
                str(rs.getObject("notified_date", LocalDate.class)), str(rs.getObject("arrival_date", LocalDate.class)),
                rs.getString("child_lives_with"), rs.getString("child_relationship"),
                yesNo((Boolean) rs.getObject("child_wants_to_stay")), rs.getString("child_self_sufficiency"),
                rs.getString("child_representative"));
        String rule = rs.getString("deadline_rule");
        ApplicationDeadline deadline = rule == null ? null : new ApplicationDeadline(DeadlineStartRule.valueOf(rule),
                rs.getObject("deadline_start", LocalDate.class), rs.getObject("deadline", LocalDate.class));
        return new SettlementApplication(rs.getLong("id"), rs.getString("duf_number"), (Long) rs.getObject("case_id"),
                ApplicationStatus.valueOf(rs.getString("status")), form, rs.getObject("submitted_at", OffsetDateTime.class),
                deadline, rs.getBoolean("late"), rs.getObject("handled_at", OffsetDateTime.class), rs.getString("handled_by"),
                rs.getString("refusal_reason"));
    }

    private void municipality(List<FieldProblem> problems, String field, String number) {
        if (!blank(number) && municipalities.find(number.trim()).isEmpty()) {
            problems.add(FieldProblem.of(field, "error.municipality.unknown", number.trim()));
        }
    }

    private static void date(List<FieldProblem> problems, String field, String value, LocalDate today) {
        if (blank(value)) {
            return;
        }
        try {
            if (LocalDate.parse(value.trim()).isAfter(today)) {
                problems.add(FieldProblem.of(field, "error.date.future"));
            }
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "error.date.invalid"));
        }
    }

    private static LocalDate parse(String value) {
        try {
            return blank(value) ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Boolean bool(String value) {
        return blank(value) ? null : Boolean.valueOf(value.trim());
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value.toString();
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
