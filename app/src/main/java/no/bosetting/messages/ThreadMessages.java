package no.bosetting.messages;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages in a thread the actor has been found allowed to use ({@link MessageThreads}): posting one, reading
 * the thread, and each reader's read marker. A new message notifies the other side through the outbox (without
 * the message text, which may hold personal data).
 */
@Service
public class ThreadMessages {

    public static final int MAX_BODY = 5000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageThreads threads;
    private final MessageAttachments attachments;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final UserAccounts users;
    private final Outbox outbox;

    public ThreadMessages(JdbcClient jdbc, Clock clock, MessageThreads threads, MessageAttachments attachments, CaseQueries cases,
                          Municipalities municipalities, UserAccounts users, Outbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.threads = threads;
        this.attachments = attachments;
        this.cases = cases;
        this.municipalities = municipalities;
        this.users = users;
        this.outbox = outbox;
    }

    // ---- Reading ------------------------------------------------------------------------------

    /** The thread with its messages; {@code lastReadMessageId} is the actor's marker before this read. */
    @Transactional(readOnly = true)
    public ThreadView view(ThreadRef ref, Actor actor) {
        if (!ref.started()) {
            String reference = ref.caseId() == null ? null
                    : cases.summaryForSystem(ref.caseId()).map(CaseSummary::reference).orElse(null);
            return new ThreadView(ref, reference, municipalities.name(ref.municipalityNumber()), null, null, null, null, null,
                    null, 0, List.of());
        }
        String[] row = jdbc.sql("select " + MessageThreads.THREAD_COLUMNS + " from message_thread t where t.id = :id").param("id", ref.id())
                .query((rs, n) -> new String[]{rs.getString("municipality_contact_name"), rs.getString("municipality_contact_phone"),
                        rs.getString("municipality_contact_email"), rs.getString("agency_contact_username"),
                        rs.getString("agency_contact_name")})
                .single();
        OffsetDateTime lastMessageAt = jdbc.sql("select last_message_at from message_thread where id = :id").param("id", ref.id())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single().orElse(null);
        Map<Long, List<MessageView.AttachmentInfo>> attachments = new LinkedHashMap<>();
        jdbc.sql("""
                select a.message_id, a.id, a.file_name, a.content_type, a.size_bytes from message_attachment a
                join message m on m.id = a.message_id where m.thread_id = :t order by a.id
                """)
                .param("t", ref.id())
                .query((rs, n) -> attachments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MessageView.AttachmentInfo(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))))
                .list();
        List<MessageView> messages = jdbc.sql("""
                select id, side, author_name, author_role, body, created_at from message where thread_id = :t order by id
                """)
                .param("t", ref.id())
                .query((rs, n) -> new MessageView(rs.getLong("id"), Side.valueOf(rs.getString("side")), rs.getString("author_name"),
                        rs.getString("author_role"), rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class),
                        attachments.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        String reference = ref.caseId() == null ? null : cases.summaryForSystem(ref.caseId()).map(CaseSummary::reference).orElse(null);
        return new ThreadView(ref, reference, municipalities.name(ref.municipalityNumber()), row[0], row[1], row[2], row[3], row[4],
                lastMessageAt, lastRead(ref.id(), actor), messages);
    }

    /** Moves the actor's read marker to the thread's newest message. */
    @Transactional
    public void markRead(ThreadRef ref, Actor actor) {
        if (!ref.started()) {
            return;
        }
        jdbc.sql("""
                insert into message_read (thread_id, username, last_read_message_id, read_at)
                select :t, :u, max(id), :now from message where thread_id = :t having max(id) is not null
                on conflict (thread_id, username) do update
                    set last_read_message_id = greatest(message_read.last_read_message_id, excluded.last_read_message_id),
                        read_at = excluded.read_at
                """)
                .param("t", ref.id()).param("u", actor.username()).param("now", OffsetDateTime.now(clock)).update();
    }

    private long lastRead(long threadId, Actor actor) {
        return jdbc.sql("select last_read_message_id from message_read where thread_id = :t and username = :u")
                .param("t", threadId).param("u", actor.username()).query(Long.class).optional().orElse(0L);
    }

    // ---- Writing ------------------------------------------------------------------------------

    /**
     * Posts a message with attachments; the text is required and limited, the attachments must pass
     * {@link MessageAttachments}' rules (at most five PDF, JPEG, PNG or Word documents, by their content, of at
     * most 10 MB each). Notifies the other side.
     */
    @Transactional
    public CommandResult<Long> post(ThreadRef thread, Actor actor, String body, List<NewAttachment> files) {
        ThreadRef ref = thread;
        boolean allowed = ref.kind() == ThreadKind.REFUGEE ? threads.participant(ref, actor)
                : actor.isAgency() || actor.isMunicipality(ref.municipalityNumber());
        if (!allowed) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("body", "error.message.required"));
        }
        if (text.length() > MAX_BODY) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("body", "error.message.tooLong", MAX_BODY, text.length()));
        }
        CommandResult<List<MessageAttachments.Upload>> uploads = attachments.check(files);
        if (!uploads.isSuccess()) {
            return CommandResult.fail(uploads.failure());
        }
        Side side = Side.of(actor);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The first message starts the thread.
        ref = threads.started(ref, actor);
        // Lock the thread so messages get their order and the marker below cannot skip one.
        jdbc.sql("select id from message_thread where id = :id for update").param("id", ref.id()).query(Long.class).single();
        long messageId = jdbc.sql("""
                insert into message (thread_id, side, author_username, author_name, author_role, body, created_at, created_by)
                values (:t, :side, :u, :name, :role, :body, :now, :u) returning id
                """)
                .param("t", ref.id()).param("side", side.name()).param("u", actor.username()).param("name", actor.displayName())
                .param("role", actor.role().name()).param("body", text).param("now", now)
                .query(Long.class).single();
        attachments.store(messageId, uploads.value(), now, actor);
        jdbc.sql("update message_thread set last_message_at = :now, updated_at = :now, updated_by = :by where id = :id")
                .param("now", now).param("by", actor.username()).param("id", ref.id()).update();
        markRead(ref, actor);
        notifyOtherSide(ref, actor, side);
        return CommandResult.ok(messageId);
    }

    /** Messages from the other side after the actor's read marker (0 for a thread not started). */
    @Transactional(readOnly = true)
    public long unread(ThreadRef ref, Actor actor) {
        if (!ref.started()) {
            return 0;
        }
        return jdbc.sql("select count(*) from message where thread_id = :t and side <> :own and id > :last")
                .param("t", ref.id()).param("own", Side.of(actor).name()).param("last", lastRead(ref.id(), actor))
                .query(Long.class).single();
    }

    private void notifyOtherSide(ThreadRef ref, Actor author, Side side) {
        if (ref.kind() == ThreadKind.REFUGEE) {
            notifyRefugeeThread(ref, author, side);
            return;
        }
        String reference = ref.caseId() == null ? null : cases.summaryForSystem(ref.caseId()).map(CaseSummary::reference).orElse(null);
        String municipalityName = municipalities.name(ref.municipalityNumber());
        Wording subject = ref.kind() == ThreadKind.CASE ? Wording.of("message.notice.new.case.subject", reference)
                : side == Side.AGENCY ? Wording.of("message.notice.new.fromAgency.subject")
                : Wording.of("message.notice.new.fromMunicipality.subject", municipalityName);
        Wording body = ref.kind() == ThreadKind.CASE
                ? Wording.of("message.notice.new.case.body", author.displayName(), reference, municipalityName, ref.path())
                : Wording.of("message.notice.new.body", author.displayName(), ref.path());
        List<String> recipients;
        if (side == Side.AGENCY) {
            recipients = users.usernamesForMunicipality(ref.municipalityNumber());
        } else {
            String contact = jdbc.sql("select agency_contact_username from message_thread where id = :id").param("id", ref.id())
                    .query(String.class).optional().orElse(null);
            recipients = contact != null ? List.of(contact) : users.usernamesForRole(Role.AGENCY_CASEWORKER);
        }
        for (String recipient : recipients) {
            if (!recipient.equals(author.username())) {
                outbox.enqueue("NOTIFICATION", recipient, subject, body, ref.caseId());
            }
        }
    }

    /**
     * The household's thread: a refugee's message tells the agency's contact for the thread, or every caseworker while
     * nobody has taken it; the agency's answer tells each adult member of the household on Min side. Never the text.
     */
    private void notifyRefugeeThread(ThreadRef ref, Actor author, Side side) {
        String reference = cases.summaryForSystem(ref.caseId()).map(CaseSummary::reference).orElse("");
        if (side == Side.REFUGEE) {
            String contact = jdbc.sql("select agency_contact_username from message_thread where id = :id").param("id", ref.id())
                    .query(String.class).optional().orElse(null);
            List<String> recipients = contact != null ? List.of(contact) : users.usernamesForRole(Role.AGENCY_CASEWORKER);
            for (String recipient : recipients) {
                outbox.enqueue("NOTIFICATION", recipient, Wording.of("message.notice.fromHousehold.subject", reference),
                        Wording.of("message.notice.fromHousehold.body", ref.path()), ref.caseId());
            }
            return;
        }
        for (no.bosetting.cases.PersonView p : cases.members(ref.caseId())) {
            if (p.age() >= 18) {
                outbox.enqueue("NOTIFICATION", "duf:" + p.dufNumber().trim(), Wording.of("message.notice.reply.subject"),
                        Wording.of("message.notice.reply.body"), ref.caseId());
            }
        }
    }
}
