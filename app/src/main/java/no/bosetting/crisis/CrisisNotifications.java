package no.bosetting.crisis;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.HistoryTable;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.Page;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Municipalities tell the agency of named refugees in their area they want to settle, while crisis mode is on (issue 18
 * item 1; report 000 lines 8985–8995 and 9150–9160: "gjeninnføre muligheten for at kommunene kontakter IMDi om
 * flyktninger som befinner seg i kommunen som de ønsker å bosette"). A notification is seen by the agency and by the
 * municipality that sent it — no other municipality — and the agency takes it up or declines it.
 */
@Service
public class CrisisNotifications {

    static final HistoryTable HISTORY = new HistoryTable("crisis_notification_history", "notification_id");
    private static final String SELECT = """
            select id, municipality_number, identity_number, person_name, reason, status, case_id, created_at, created_by,
                   handled_at, handled_by, handled_note from crisis_notification
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CrisisModes modes;
    private final CaseQueries cases;
    private final Outbox outbox;
    private final UserAccounts users;

    public CrisisNotifications(JdbcClient jdbc, Clock clock, CrisisModes modes, CaseQueries cases, Outbox outbox, UserAccounts users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.modes = modes;
        this.cases = cases;
        this.outbox = outbox;
        this.users = users;
    }

    /** A municipality officer notifies the agency of a refugee (DUF or national identity number, or name) with a reason. */
    @Transactional
    public CommandResult<Long> send(Actor actor, String identity, String name, String reason) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER) || actor.municipalityNumber() == null) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (!modes.on()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("identity", "crisis.error.off"));
        }
        String id = blank(identity) ? null : identity.replaceAll("\\s", "");
        if (id == null && blank(name)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("identity", "crisis.notification.error.who"));
        }
        if (id != null && !id.matches("\\d{8,12}")) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("identity", "crisis.notification.error.identity"));
        }
        if (blank(reason)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "crisis.error.reasonRequired"));
        }
        Long caseId = id == null ? null : cases.caseIdForDuf(id)
                .or(() -> cases.dufForNationalId(id).flatMap(cases::caseIdForDuf)).orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long created = jdbc.sql("""
                insert into crisis_notification (municipality_number, identity_number, person_name, reason, status, case_id,
                    created_at, created_by)
                values (:m, :id, :name, :reason, 'NEW', :case, :now, :by) returning id
                """)
                .param("m", actor.municipalityNumber()).param("id", id).param("name", blank(name) ? null : name.trim())
                .param("reason", reason.trim()).param("case", caseId).param("now", now).param("by", actor.username())
                .query(Long.class).single();
        HISTORY.append(jdbc, clock, created, actor, "SEND", null, NotificationStatus.NEW, reason);
        for (String caseworker : users.usernamesForAgencyCaseworkers()) {
            outbox.enqueue("NOTIFICATION", caseworker, Wording.of("crisis.notice.notification.subject", actor.municipalityNumber()),
                    Wording.of("crisis.notice.notification.body"), caseId, "/krise/innmeldinger");
        }
        return CommandResult.ok(created);
    }

    /** The agency takes a notification up or declines it; a decline needs a reason. */
    @Transactional
    public CommandResult<NotificationStatus> handle(Actor actor, long id, NotificationCommand command, String note) {
        Optional<CrisisNotification> found = jdbc.sql(SELECT + " where id = :id for update").param("id", id)
                .query((rs, n) -> map(rs)).optional().filter(n -> sees(actor, n));
        Optional<CommandFailure> refused = command.guard(actor, found.map(CrisisNotification::status),
                "crisis.notification.error.notFound", id);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (command == NotificationCommand.DECLINE && blank(note)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("note", "crisis.error.reasonRequired"));
        }
        NotificationStatus next = command.next(found.get().status());
        jdbc.sql("""
                update crisis_notification set status = :s, handled_at = :now, handled_by = :by, handled_note = :note,
                    version = version + 1 where id = :id
                """)
                .param("s", next.name()).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("note", blank(note) ? null : note.trim()).param("id", id).update();
        HISTORY.append(jdbc, clock, id, actor, command, found.get().status(), next, note);
        for (String officer : users.usernamesForMunicipality(found.get().municipalityNumber())) {
            outbox.enqueue("NOTIFICATION", officer, Wording.of("crisis.notice.handled.subject"),
                    command == NotificationCommand.TAKE_UP ? Wording.of("crisis.notice.handled.takenUp")
                            : Wording.of("crisis.notice.handled.declined", note.trim()),
                    null, "/kommune/innmeldinger");
        }
        return CommandResult.ok(next);
    }

    /** Agency roles see every notification; a municipality officer only its own municipality's; nobody else any. */
    public static boolean sees(Actor actor, CrisisNotification n) {
        return actor.isAgency() || actor.isMunicipality(n.municipalityNumber());
    }

    /** The notifications the actor may see, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public Page<CrisisNotification> page(Actor actor, int page, int size) {
        String where;
        if (actor.isAgency()) {
            where = "";
        } else if (actor.is(Role.MUNICIPALITY_OFFICER) && actor.municipalityNumber() != null) {
            where = " where municipality_number = :m";
        } else {
            return new Page<>(List.of(), 0, size, 0);
        }
        long total = jdbc.sql("select count(*) from crisis_notification" + where)
                .params(where.isEmpty() ? java.util.Map.of() : java.util.Map.of("m", actor.municipalityNumber()))
                .query(Long.class).single();
        List<CrisisNotification> items = jdbc.sql(SELECT + where + " order by created_at desc, id desc limit :size offset :offset")
                .params(params(actor, where, size, page))
                .query((rs, n) -> map(rs)).list();
        return new Page<>(items, page, size, total);
    }

    /** The commands the actor may give on a notification (for the page's buttons). */
    public List<NotificationCommand> validCommands(Actor actor, CrisisNotification n) {
        return sees(actor, n) ? Transition.valid(NotificationCommand.class, actor, n.status()) : List.of();
    }

    private static java.util.Map<String, Object> params(Actor actor, String where, int size, int page) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("size", size);
        p.put("offset", (long) page * size);
        if (!where.isEmpty()) {
            p.put("m", actor.municipalityNumber());
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static CrisisNotification map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CrisisNotification(rs.getLong("id"), rs.getString("municipality_number"), rs.getString("identity_number"),
                rs.getString("person_name"), rs.getString("reason"), NotificationStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("case_id", Long.class), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("handled_at", OffsetDateTime.class), rs.getString("handled_by"), rs.getString("handled_note"));
    }
}
