package no.bosetting.crisis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.HistoryTable;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.Page;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint fast-track application (issue 18 item 1; report 000 lines 685–700, 8985–8995, 9150–9160): the refugee and
 * the municipality sign the same application — the refugee starts it on Min side naming the municipality, the
 * municipality's officer co-signs it — so the municipality has already agreed. Unsigned by the municipality it cannot be
 * accepted. Accepted by the agency it goes straight to a proposal to that municipality that is already accepted (by the
 * officer who signed), taking places through the one place rule ({@code decisions.PlaceRule}, via {@link Proposals#accept}):
 * refused beyond the decided number unless the agency overrides with a reason.
 */
@Service
public class FastTrackApplications {

    static final HistoryTable HISTORY = new HistoryTable("fast_track_history", "application_id");
    private static final EnumSet<CaseStatus> MAY_START = EnumSet.of(CaseStatus.AWAITING_APPLICATION, CaseStatus.UNDER_MAPPING,
            CaseStatus.READY_FOR_ALLOCATION);
    private static final String SELECT = """
            select id, case_id, municipality_number, status, refugee_statement, refugee_signed_at, refugee_signed_by,
                   municipality_signed_at, municipality_signed_by, planned_settlement_date, decided_at, decided_by,
                   decision_reason, proposal_id from fast_track_application
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CrisisModes modes;
    private final CaseQueries cases;
    private final Proposals proposals;
    private final Municipalities municipalities;
    private final UserAccounts users;
    private final Outbox outbox;

    public FastTrackApplications(JdbcClient jdbc, Clock clock, CrisisModes modes, CaseQueries cases, Proposals proposals,
                                 Municipalities municipalities, UserAccounts users, Outbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.modes = modes;
        this.cases = cases;
        this.proposals = proposals;
        this.municipalities = municipalities;
        this.users = users;
        this.outbox = outbox;
    }

    /** The refugee's own household (their DUF number), if any. */
    @Transactional(readOnly = true)
    public Optional<CaseSummary> ownCase(Actor actor) {
        if (!actor.is(Role.REFUGEE) || actor.dufNumber().isEmpty()) {
            return Optional.empty();
        }
        return cases.search(CaseFilter.none(), actor, 0, 1).items().stream().findFirst();
    }

    /** Whether the household is in a state where its refugee may start a joint application (not on its way to a municipality). */
    public static boolean mayStart(CaseSummary household) {
        return MAY_START.contains(household.status());
    }

    /** The refugee signs and starts an application to a municipality, while crisis mode is on. */
    @Transactional
    public CommandResult<Long> start(Actor actor, String municipalityNumber, String statement) {
        if (!actor.is(Role.REFUGEE)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<CaseSummary> own = ownCase(actor);
        if (own.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("crisis.fastTrack.error.noCase"));
        }
        if (!modes.on()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "crisis.error.off"));
        }
        if (municipalityNumber == null || municipalityNumber.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "crisis.fastTrack.error.municipality"));
        }
        if (municipalities.find(municipalityNumber.trim()).isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "error.municipality.unknown", municipalityNumber));
        }
        if (!MAY_START.contains(own.get().status())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "crisis.fastTrack.error.caseState"));
        }
        boolean open = jdbc.sql("select exists (select 1 from fast_track_application where case_id = :c and status in ('AWAITING_MUNICIPALITY', 'SIGNED'))")
                .param("c", own.get().id()).query(Boolean.class).single();
        if (open) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "crisis.fastTrack.error.open"));
        }
        String m = municipalityNumber.trim();
        long id = jdbc.sql("""
                insert into fast_track_application (case_id, municipality_number, status, refugee_statement, refugee_signed_at,
                    refugee_signed_by)
                values (:c, :m, 'AWAITING_MUNICIPALITY', :text, :now, :by) returning id
                """)
                .param("c", own.get().id()).param("m", m).param("text", statement == null || statement.isBlank() ? null : statement.trim())
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).query(Long.class).single();
        HISTORY.append(jdbc, clock, id, actor, "START", null, FastTrackStatus.AWAITING_MUNICIPALITY, null);
        for (String officer : users.usernamesForMunicipality(m)) {
            outbox.enqueue("NOTIFICATION", officer, Wording.of("crisis.notice.fastTrack.awaiting.subject"),
                    Wording.of("crisis.notice.fastTrack.awaiting.body", own.get().reference()), own.get().id(),
                    "/kommune/hurtigspor");
        }
        return CommandResult.ok(id);
    }

    /** The municipality co-signs with the planned settlement date: it has agreed to settle the household. */
    @Transactional
    public CommandResult<FastTrackStatus> coSign(Actor actor, long id, LocalDate planned) {
        Optional<Row> row = lock(id, actor);
        Optional<CommandFailure> refused = FastTrackCommand.CO_SIGN.guard(actor, row.map(Row::status), "crisis.fastTrack.error.notFound", id);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        LocalDate today = LocalDate.now(clock);
        if (planned == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("plannedSettlementDate", "error.planned.required"));
        }
        if (planned.isBefore(today)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("plannedSettlementDate", "error.planned.past"));
        }
        if (planned.isAfter(today.plusYears(1))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("plannedSettlementDate", "error.planned.tooLate"));
        }
        jdbc.sql("""
                update fast_track_application set status = 'SIGNED', municipality_signed_at = :now, municipality_signed_by = :by,
                    planned_settlement_date = :planned, version = version + 1 where id = :id
                """)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("planned", planned).param("id", id).update();
        HISTORY.append(jdbc, clock, id, actor, FastTrackCommand.CO_SIGN, row.get().status(), FastTrackStatus.SIGNED, null);
        for (String caseworker : users.usernamesForAgencyCaseworkers()) {
            outbox.enqueue("NOTIFICATION", caseworker, Wording.of("crisis.notice.fastTrack.signed.subject"),
                    Wording.of("crisis.notice.fastTrack.signed.body"), row.get().caseId(), "/krise/hurtigspor");
        }
        return CommandResult.ok(FastTrackStatus.SIGNED);
    }

    /** The municipality declines to sign, with a reason; the refugee sees it. */
    @Transactional
    public CommandResult<FastTrackStatus> declineToSign(Actor actor, long id, String reason) {
        return close(actor, id, FastTrackCommand.DECLINE_TO_SIGN, reason, true);
    }

    /** The refugee withdraws their application. */
    @Transactional
    public CommandResult<FastTrackStatus> withdraw(Actor actor, long id) {
        return close(actor, id, FastTrackCommand.WITHDRAW, null, false);
    }

    /** The agency refuses the application, with a reason. */
    @Transactional
    public CommandResult<FastTrackStatus> refuse(Actor actor, long id, String reason) {
        return close(actor, id, FastTrackCommand.REFUSE, reason, true);
    }

    /**
     * The agency accepts a signed application: a proposal to the municipality, accepted at once by the officer who signed,
     * with the planned date for every member; places through the one place rule. With {@code overrideReason} the agency
     * accepts on the municipality's behalf beyond its decided number. Refused, nothing is kept.
     */
    @Transactional
    public CommandResult<FastTrackStatus> accept(Actor actor, long id, String overrideReason) {
        Optional<Row> row = lock(id, actor);
        if (row.isPresent() && row.get().status() == FastTrackStatus.AWAITING_MUNICIPALITY && FastTrackCommand.ACCEPT.allowedFor(actor.role())) {
            // Issue 18 "Bad input": a fast-track application the municipality has not signed is refused with a clear message.
            return CommandResult.fail(CommandFailure.RuleBroken.of("application", "crisis.fastTrack.error.unsigned"));
        }
        Optional<CommandFailure> refused = FastTrackCommand.ACCEPT.guard(actor, row.map(Row::status), "crisis.fastTrack.error.notFound", id);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        Row r = row.get();
        CaseSummary household = cases.summaryForSystem(r.caseId()).orElseThrow();
        if (household.status() != CaseStatus.READY_FOR_ALLOCATION) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("application", "crisis.fastTrack.error.notReady", household.reference()));
        }
        boolean override = overrideReason != null && !overrideReason.isBlank();
        // The municipality's acceptance is its officer's signature on the joint application: the proposal is answered by
        // that officer (so the place rule counts it as the municipality's own acceptance, without override).
        Actor accepting = override ? actor : new Actor(r.signedBy(), r.signedBy(), Role.MUNICIPALITY_OFFICER, r.municipalityNumber(), null);
        CommandResult<Long> sent = CommandResult.attempt(() -> proposals.sendList(actor, r.municipalityNumber(), List.of(r.caseId()),
                "Hurtigspor: felles søknad nr. " + id + " signert av flyktningen og kommunen"));
        if (!sent.isSuccess()) {
            return CommandResult.fail(sent.failure());
        }
        long proposalId = proposals.forCase(r.caseId()).stream().filter(p -> p.allocationListId() == sent.value())
                .findFirst().orElseThrow().id();
        Map<Long, LocalDate> dates = new HashMap<>();
        cases.personIds(r.caseId()).forEach(p -> dates.put(p, r.planned()));
        // A refusal (the one place rule) rolls back the proposal sent above too: nothing half-saved.
        CommandResult<List<Long>> accepted = CommandResult.attempt(() -> proposals.accept(accepting, proposalId, dates,
                override ? overrideReason.trim() : null));
        if (!accepted.isSuccess()) {
            return CommandResult.fail(accepted.failure());
        }
        jdbc.sql("""
                update fast_track_application set status = 'ACCEPTED', decided_at = :now, decided_by = :by, decision_reason = :reason,
                    proposal_id = :p, version = version + 1 where id = :id
                """)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("reason", override ? overrideReason.trim() : null).param("p", proposalId).param("id", id).update();
        HISTORY.append(jdbc, clock, id, actor, FastTrackCommand.ACCEPT, r.status(), FastTrackStatus.ACCEPTED,
                override ? "Utover vedtatt antall: " + overrideReason.trim() : null);
        return CommandResult.ok(FastTrackStatus.ACCEPTED);
    }

    private CommandResult<FastTrackStatus> close(Actor actor, long id, FastTrackCommand command, String reason, boolean reasonRequired) {
        Optional<Row> row = lock(id, actor);
        Optional<CommandFailure> refused = command.guard(actor, row.map(Row::status), "crisis.fastTrack.error.notFound", id);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (reasonRequired && (reason == null || reason.isBlank())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "crisis.error.reasonRequired"));
        }
        FastTrackStatus next = command.target();
        jdbc.sql("""
                update fast_track_application set status = :s, decided_at = :now, decided_by = :by, decision_reason = :reason,
                    version = version + 1 where id = :id
                """)
                .param("s", next.name()).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("reason", reason == null || reason.isBlank() ? null : reason.trim()).param("id", id).update();
        HISTORY.append(jdbc, clock, id, actor, command, row.get().status(), next, reason);
        return CommandResult.ok(next);
    }

    private record Row(long caseId, String municipalityNumber, FastTrackStatus status, String signedBy, LocalDate planned) {
    }

    /** The application locked, when the actor may know of it. */
    private Optional<Row> lock(long id, Actor actor) {
        return jdbc.sql("""
                select case_id, municipality_number, status, municipality_signed_by, planned_settlement_date
                from fast_track_application where id = :id for update
                """)
                .param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), FastTrackStatus.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .optional().filter(r -> sees(actor, r.caseId(), r.municipalityNumber()));
    }

    /** Agency roles see every application; the municipality the ones to it; the refugee their own household's. */
    private boolean sees(Actor actor, long caseId, String municipalityNumber) {
        if (actor.isAgency()) {
            return true;
        }
        if (actor.is(Role.MUNICIPALITY_OFFICER)) {
            return actor.isMunicipality(municipalityNumber);
        }
        return actor.is(Role.REFUGEE) && ownCase(actor).map(c -> c.id() == caseId).orElse(false);
    }

    /** The refugee's own applications, newest first. */
    @Transactional(readOnly = true)
    public List<FastTrackApplication> forRefugee(Actor actor) {
        return ownCase(actor).map(c -> jdbc.sql(SELECT + " where case_id = :c order by id desc").param("c", c.id())
                .query((rs, n) -> map(rs)).list()).orElse(List.of());
    }

    /**
     * A page of the applications the actor may see, newest first: a municipality officer those to its municipality, the
     * agency all ({@code waitingOnly}: those waiting for the actor's answer first — to sign, or to be decided).
     */
    @Transactional(readOnly = true)
    public Page<FastTrackApplication> page(Actor actor, int page, int size) {
        String where;
        Map<String, Object> params = new HashMap<>();
        if (actor.isAgency()) {
            where = "";
        } else if (actor.is(Role.MUNICIPALITY_OFFICER) && actor.municipalityNumber() != null) {
            where = " where municipality_number = :m";
            params.put("m", actor.municipalityNumber());
        } else {
            return new Page<>(List.of(), 0, size, 0);
        }
        long total = jdbc.sql("select count(*) from fast_track_application" + where).params(params).query(Long.class).single();
        String waitingFirst = actor.isAgency() ? "status = 'SIGNED'" : "status = 'AWAITING_MUNICIPALITY'";
        params.put("size", size);
        params.put("offset", (long) page * size);
        List<FastTrackApplication> items = jdbc.sql(SELECT + where + " order by (" + waitingFirst + ") desc, id desc limit :size offset :offset")
                .params(params).query((rs, n) -> map(rs)).list();
        return new Page<>(items, page, size, total);
    }

    @Transactional(readOnly = true)
    public Optional<FastTrackApplication> find(long id, Actor actor) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .filter(a -> sees(actor, a.caseId(), a.municipalityNumber()));
    }

    public List<FastTrackCommand> validCommands(Actor actor, FastTrackApplication a) {
        return sees(actor, a.caseId(), a.municipalityNumber()) ? Transition.valid(FastTrackCommand.class, actor, a.status()) : List.of();
    }

    /** The history of an application (who signed, who decided), oldest first. */
    @Transactional(readOnly = true)
    public List<String[]> history(long id) {
        return jdbc.sql("select occurred_at, actor_role, command, to_status from fast_track_history where application_id = :id order by occurred_at, id")
                .param("id", id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
    }

    private FastTrackApplication map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long caseId = rs.getLong("case_id");
        Optional<CaseSummary> s = cases.summaryForSystem(caseId);
        return new FastTrackApplication(rs.getLong("id"), caseId, s.map(CaseSummary::reference).orElse(""),
                s.map(CaseSummary::persons).orElse(0), rs.getString("municipality_number"),
                FastTrackStatus.valueOf(rs.getString("status")), rs.getString("refugee_statement"),
                rs.getObject("refugee_signed_at", OffsetDateTime.class), rs.getString("refugee_signed_by"),
                rs.getObject("municipality_signed_at", OffsetDateTime.class), rs.getString("municipality_signed_by"),
                rs.getObject("planned_settlement_date", LocalDate.class), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_by"), rs.getString("decision_reason"), (Long) rs.getObject("proposal_id", Long.class));
    }
}
