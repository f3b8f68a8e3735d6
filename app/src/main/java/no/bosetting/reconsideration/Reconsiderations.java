package no.bosetting.reconsideration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.HistoryTable;
import no.bosetting.access.Transition;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconsideration of a decision on settlement municipality. Each step is a {@link ReconsiderationCommand} that locks the
 * request and is guarded in the one order — found in scope (the agency), permitted for the role, in a state the step
 * follows — before its own rules, returns a typed failure when refused, and writes the request's history and a line in
 * the case history. Registering and informing: an agency caseworker or administrator. Deciding: the designated group,
 * which is the agency administrator role.
 */
@Service
public class Reconsiderations {

    static final int MAX_TEXT = 4000;

    static final HistoryTable HISTORY = new HistoryTable("reconsideration_history", "reconsideration_id");

    private static final String COLUMNS = """
            r.id, r.case_id, c.reference, r.municipality_number, r.status, r.requested_by_kind, r.requested_by_name, r.ground,
            r.explanation, r.created_at, r.created_by, r.informed_at, r.informed_by, r.decided_at, r.decided_by,
            r.decision_reason, r.alternative_suggestion
            """;
    private static final String FROM = " from reconsideration r join settlement_case c on c.id = r.case_id";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final SettlementDecisions decisions;
    private final UserAccounts users;
    private final Municipalities municipalities;
    private final Outbox outbox;
    private final no.bosetting.shared.Words words;

    public Reconsiderations(JdbcClient jdbc, Clock clock, CaseQueries cases, CaseCommands caseCommands, SettlementDecisions decisions,
                            UserAccounts users, Municipalities municipalities, Outbox outbox, no.bosetting.shared.Words words) {
        this.words = words;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.decisions = decisions;
        this.users = users;
        this.municipalities = municipalities;
        this.outbox = outbox;
    }

    /** Whether the actor may register requests and inform municipalities. */
    public static boolean mayRegister(Actor actor) {
        return ReconsiderationCommand.REQUEST.allowedFor(actor.role());
    }

    /** Whether the actor belongs to the designated group that grants or refuses: the agency administrators. */
    public static boolean mayDecide(Actor actor) {
        return ReconsiderationCommand.GRANT.allowedFor(actor.role());
    }

    /** The steps the actor may take on the case's open request now, for the case page; none outside the agency. */
    public static List<ReconsiderationCommand> validCommands(Actor actor, Reconsideration open) {
        return actor.isAgency() && open.status().isOpen()
                ? Transition.valid(ReconsiderationCommand.class, actor, open.status()) : List.of();
    }

    /** Registers a request on a case with an offered decision; one open request per case. */
    @Transactional
    public CommandResult<Long> request(long caseId, Actor actor, ReconsiderationRequest request) {
        if (!actor.isAgency() || cases.summaryForSystem(caseId).isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (!ReconsiderationCommand.REQUEST.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        // Lock the case (through its module, in its lock order) so two requests for it are registered one after the other.
        caseCommands.lockStatuses(List.of(caseId));
        CaseSummary summary = cases.summaryForSystem(caseId).orElseThrow();
        if (summary.status() != CaseStatus.OFFERED || summary.settlementMunicipality() == null) {
            return CommandResult.fail(CommandFailure.WrongState.of(summary.status().name(), "error.reconsideration.notOffered", summary.status().name()));
        }
        if (find(caseId).filter(r -> r.status().isOpen()).isPresent()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("ground", "error.reconsideration.alreadyOpen"));
        }
        if (request.requesterKind() == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("requesterKind", "error.reconsideration.requesterKind"));
        }
        String name = trim(request.requesterName());
        if (request.requesterKind() == RequesterKind.OTHER && name == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("requesterName", "error.reconsideration.requesterName"));
        }
        if (name != null && name.length() > 200) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("requesterName", "error.reconsideration.tooLong", 200));
        }
        if (request.ground() == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("ground", "error.reconsideration.ground"));
        }
        String explanation = trim(request.explanation());
        if (explanation == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("explanation", "error.reconsideration.explanation"));
        }
        if (explanation.length() > MAX_TEXT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("explanation", "error.reconsideration.tooLong", MAX_TEXT));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into reconsideration (case_id, municipality_number, status, requested_by_kind, requested_by_name, ground,
                    explanation, created_at, created_by, updated_at, updated_by)
                values (:c, :m, 'REQUESTED', :kind, :name, :ground, :explanation, :now, :by, :now, :by) returning id
                """)
                .param("c", caseId).param("m", summary.settlementMunicipality()).param("kind", request.requesterKind().name())
                .param("name", name).param("ground", request.ground().name()).param("explanation", explanation)
                .param("now", now).param("by", actor.username())
                .query(Long.class).single();
        HISTORY.append(jdbc, clock, id, actor, ReconsiderationCommand.REQUEST, null, ReconsiderationStatus.REQUESTED,
                words.nb("reconsideration.ground.", request.ground()) + ": " + explanation);
        caseCommands.note(caseId, actor, "RECONSIDERATION_REQUESTED", "Omgjøring begjært av " + requester(request.requesterKind(), name)
                + " – grunnlag: " + words.nb("reconsideration.ground.", request.ground()));
        return CommandResult.ok(id);
    }

    /**
     * The common start of every step on an open request: the one guard order — it exists and the actor may know of
     * it (locked for this transaction), the actor's role may take this step, and the request is in a state the step
     * follows.
     */
    private CommandResult<Reconsideration> step(long caseId, Actor actor, ReconsiderationCommand command) {
        Optional<Reconsideration> open = lockOpen(caseId, actor);
        Optional<CommandFailure> refused = command.check(actor, open.map(Reconsideration::status), caseId);
        return refused.isPresent() ? CommandResult.fail(refused.get()) : CommandResult.ok(open.get());
    }

    /** Informs the municipality of the request (a notification to its officers) and records when. */
    @Transactional
    public CommandResult<ReconsiderationStatus> informMunicipality(long caseId, Actor actor, String note) {
        CommandResult<Reconsideration> step = step(caseId, actor, ReconsiderationCommand.INFORM_MUNICIPALITY);
        if (!step.isSuccess()) {
            return CommandResult.fail(step.failure());
        }
        Reconsideration r = step.value();
        String text = trim(note);
        if (text != null && text.length() > MAX_TEXT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("note", "error.reconsideration.tooLong", MAX_TEXT));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update reconsideration set status = 'MUNICIPALITY_INFORMED', informed_at = :now, informed_by = :by,
                    updated_at = :now, updated_by = :by, version = version + 1 where id = :id
                """)
                .param("now", now).param("by", actor.username()).param("id", r.id()).update();
        for (String officer : users.usernamesForMunicipality(r.municipalityNumber())) {
            Wording ground = Wording.of("reconsideration.notice.ground." + r.ground().name());
            outbox.enqueue("NOTIFICATION", officer, Wording.of("reconsideration.notice.informed.subject", r.caseReference()),
                    text == null
                            ? Wording.of("reconsideration.notice.informed.body", municipalities.name(r.municipalityNumber()),
                                    r.caseReference(), ground)
                            : Wording.of("reconsideration.notice.informed.body.note", municipalities.name(r.municipalityNumber()),
                                    r.caseReference(), ground, text),
                    caseId);
        }
        HISTORY.append(jdbc, clock, r.id(), actor, ReconsiderationCommand.INFORM_MUNICIPALITY, r.status(),
                ReconsiderationCommand.INFORM_MUNICIPALITY.target(), text);
        caseCommands.note(caseId, actor, "RECONSIDERATION_MUNICIPALITY_INFORMED",
                "Kommunen (" + municipalities.name(r.municipalityNumber()) + ") er informert om begjæringen om omgjøring");
        return CommandResult.ok(ReconsiderationStatus.MUNICIPALITY_INFORMED);
    }

    /**
     * Grants the request: the household's decisions are revoked (their places released) and the case
     * returns to allocation; an alternative household or municipality may be recorded. Only after the
     * municipality was informed, and only by the designated group.
     */
    @Transactional
    public CommandResult<ReconsiderationStatus> grant(long caseId, Actor actor, String reason, String alternativeSuggestion) {
        CommandResult<Reconsideration> step = step(caseId, actor, ReconsiderationCommand.GRANT);
        if (!step.isSuccess()) {
            return CommandResult.fail(step.failure());
        }
        Reconsideration r = step.value();
        String why = trim(reason);
        if (why == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reconsideration.reason"));
        }
        String alternative = trim(alternativeSuggestion);
        if (why.length() > MAX_TEXT || (alternative != null && alternative.length() > MAX_TEXT)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of(why.length() > MAX_TEXT ? "reason" : "alternative",
                    "error.reconsideration.tooLong", MAX_TEXT));
        }
        decisions.revoke(caseId, actor, why);
        CommandResult<CaseStatus> reopened = caseCommands.reopenAfterReconsideration(caseId, actor, "Omgjøring innvilget: " + why);
        if (!reopened.isSuccess()) {
            // Rolls the revocation back too.
            throw new CommandFailedException(reopened.failure());
        }
        decide(r, actor, ReconsiderationCommand.GRANT, why, alternative);
        if (alternative != null) {
            caseCommands.note(caseId, actor, "RECONSIDERATION_ALTERNATIVE", "Alternativ: " + alternative);
        }
        for (String officer : users.usernamesForMunicipality(r.municipalityNumber())) {
            outbox.enqueue("NOTIFICATION", officer, Wording.of("reconsideration.notice.granted.subject", r.caseReference()),
                    alternative == null
                            ? Wording.of("reconsideration.notice.granted.body", municipalities.name(r.municipalityNumber()),
                                    r.caseReference())
                            : Wording.of("reconsideration.notice.granted.body.alternative",
                                    municipalities.name(r.municipalityNumber()), r.caseReference(), alternative),
                    caseId);
        }
        return CommandResult.ok(ReconsiderationStatus.GRANTED);
    }

    /** Refuses the request with a required reason; the decision stands and nothing else changes. */
    @Transactional
    public CommandResult<ReconsiderationStatus> refuse(long caseId, Actor actor, String reason) {
        CommandResult<Reconsideration> step = step(caseId, actor, ReconsiderationCommand.REFUSE);
        if (!step.isSuccess()) {
            return CommandResult.fail(step.failure());
        }
        Reconsideration r = step.value();
        String why = trim(reason);
        if (why == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reconsideration.reason"));
        }
        if (why.length() > MAX_TEXT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reconsideration.tooLong", MAX_TEXT));
        }
        decide(r, actor, ReconsiderationCommand.REFUSE, why, null);
        caseCommands.note(caseId, actor, "RECONSIDERATION_REFUSED", "Omgjøring avslått: " + why);
        for (String officer : users.usernamesForMunicipality(r.municipalityNumber())) {
            outbox.enqueue("NOTIFICATION", officer, Wording.of("reconsideration.notice.refused.subject", r.caseReference()),
                    Wording.of("reconsideration.notice.refused.body", r.caseReference()), caseId);
        }
        return CommandResult.ok(ReconsiderationStatus.REFUSED);
    }

    private void decide(Reconsideration r, Actor actor, ReconsiderationCommand command, String reason, String alternative) {
        ReconsiderationStatus to = command.target();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update reconsideration set status = :to, decided_at = :now, decided_by = :by, decision_reason = :reason,
                    alternative_suggestion = :alt, updated_at = :now, updated_by = :by, version = version + 1 where id = :id
                """)
                .param("to", to.name()).param("now", now).param("by", actor.username()).param("reason", reason)
                .param("alt", alternative).param("id", r.id()).update();
        HISTORY.append(jdbc, clock, r.id(), actor, command, r.status(), to,
                reason + (alternative == null ? "" : " (alternativ: " + alternative + ")"));
    }

    /** The open request of a case, locked; empty also when the actor is outside the agency. */
    private Optional<Reconsideration> lockOpen(long caseId, Actor actor) {
        if (!actor.isAgency()) {
            return Optional.empty();
        }
        Optional<Long> id = jdbc.sql("select id from reconsideration where case_id = :c and status in ('REQUESTED', 'MUNICIPALITY_INFORMED') for update")
                .param("c", caseId).query(Long.class).optional();
        return id.flatMap(this::byId);
    }

    // ---- Reading ------------------------------------------------------------------------------

    /** Open requests, oldest first, with their age in days. */
    @Transactional(readOnly = true)
    public List<Reconsideration> open() {
        return jdbc.sql("select " + COLUMNS + FROM + " where r.status in ('REQUESTED', 'MUNICIPALITY_INFORMED') order by r.created_at, r.id")
                .query((rs, n) -> map(rs)).list();
    }

    /** Recently decided requests, newest first. */
    @Transactional(readOnly = true)
    public List<Reconsideration> recentlyDecided(int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where r.status in ('GRANTED', 'REFUSED') order by r.decided_at desc, r.id desc limit :l")
                .param("l", limit).query((rs, n) -> map(rs)).list();
    }

    /** The case's newest request. */
    @Transactional(readOnly = true)
    public Optional<Reconsideration> find(long caseId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where r.case_id = :c order by r.id desc limit 1").param("c", caseId)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Every request of the case, newest first. */
    @Transactional(readOnly = true)
    public List<Reconsideration> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where r.case_id = :c order by r.id desc").param("c", caseId)
                .query((rs, n) -> map(rs)).list();
    }

    @Transactional(readOnly = true)
    public List<ReconsiderationHistoryEntry> history(long reconsiderationId) {
        return jdbc.sql("""
                select occurred_at, actor, actor_role, command, from_status, to_status, reason from reconsideration_history
                where reconsideration_id = :id order by occurred_at, id
                """)
                .param("id", reconsiderationId)
                .query((rs, n) -> new ReconsiderationHistoryEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5) == null ? null : ReconsiderationStatus.valueOf(rs.getString(5)),
                        ReconsiderationStatus.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    private Optional<Reconsideration> byId(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where r.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    private Reconsideration map(ResultSet rs) throws SQLException {
        OffsetDateTime requestedAt = rs.getObject("created_at", OffsetDateTime.class);
        return new Reconsideration(rs.getLong("id"), rs.getLong("case_id"), rs.getString("reference"), rs.getString("municipality_number"),
                ReconsiderationStatus.valueOf(rs.getString("status")), RequesterKind.valueOf(rs.getString("requested_by_kind")),
                rs.getString("requested_by_name"), ReconsiderationGround.valueOf(rs.getString("ground")), rs.getString("explanation"),
                requestedAt, rs.getString("created_by"), rs.getObject("informed_at", OffsetDateTime.class), rs.getString("informed_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getString("decision_reason"),
                rs.getString("alternative_suggestion"),
                ChronoUnit.DAYS.between(requestedAt.atZoneSameInstant(clock.getZone()).toLocalDate(), LocalDate.now(clock)));
    }

    private static String requester(RequesterKind kind, String name) {
        String who = switch (kind) {
            case REFUGEE -> "flyktningen";
            case MUNICIPALITY -> "kommunen";
            case AGENCY -> "IMDi";
            case OTHER -> "annen";
        };
        return name == null ? who : who + " (" + name + ")";
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
