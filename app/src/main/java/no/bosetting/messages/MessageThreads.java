package no.bosetting.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.messages.internal.AttachmentTypes;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message threads and who may use them. The agency may use every thread. A municipality officer
 * may use its own municipality's general thread and the thread of a case proposed to or accepted by
 * its municipality; any other thread reads as "not found". New messages notify the other side
 * through the outbox (without the message text, which may hold personal data).
 */
@Service
public class MessageThreads {

    public static final int MAX_BODY = 5000;
    public static final int MAX_ATTACHMENTS = 5;
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    public static final int MAX_CONTACT = 200;

    private static final String THREAD_COLUMNS = """
            t.id, t.kind, t.case_id, t.municipality_number, t.municipality_contact_name, t.municipality_contact_phone,
            t.municipality_contact_email, t.agency_contact_username, t.agency_contact_name, t.last_message_at
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final Proposals proposals;
    private final Municipalities municipalities;
    private final UserAccounts users;
    private final Outbox outbox;

    public MessageThreads(JdbcClient jdbc, Clock clock, CaseQueries cases, Proposals proposals, Municipalities municipalities,
                          UserAccounts users, Outbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.proposals = proposals;
        this.municipalities = municipalities;
        this.users = users;
        this.outbox = outbox;
    }

    // ---- Access -------------------------------------------------------------------------------

    /**
     * The case's thread with a municipality, if the actor may use it: for a municipality officer its own
     * municipality's thread while the case is proposed to or accepted by it; for the agency the thread with
     * {@code municipalityNumber}, or with the municipality the case is now proposed to or accepted by.
     * Creates the thread on first use.
     */
    @Transactional
    public Optional<ThreadRef> caseThread(long caseId, String municipalityNumber, Actor actor) {
        return caseTarget(caseId, municipalityNumber, actor).map(m -> ensure(ThreadKind.CASE, caseId, m, actor));
    }

    /**
     * The case's thread for reading, under the same scope rule as {@link #caseThread}, without creating it: a
     * thread nobody has written in yet comes back {@linkplain ThreadRef#started() not started}. For GET requests.
     */
    @Transactional(readOnly = true)
    public Optional<ThreadRef> caseThreadToRead(long caseId, String municipalityNumber, Actor actor) {
        return caseTarget(caseId, municipalityNumber, actor)
                .map(m -> find(ThreadKind.CASE, caseId, m).orElse(ThreadRef.notStarted(ThreadKind.CASE, caseId, m)));
    }

    /** Like {@link #caseThread} without creating it: empty also when nobody has written yet. */
    @Transactional(readOnly = true)
    public Optional<ThreadRef> existingCaseThread(long caseId, String municipalityNumber, Actor actor) {
        return caseTarget(caseId, municipalityNumber, actor).flatMap(m -> find(ThreadKind.CASE, caseId, m));
    }

    /** The general thread with a municipality: the agency with any, an officer with its own only. */
    @Transactional
    public Optional<ThreadRef> municipalityThread(String municipalityNumber, Actor actor) {
        if (municipalityNumber == null || municipalities.find(municipalityNumber).isEmpty()) {
            return Optional.empty();
        }
        if (!actor.isAgency() && !actor.isMunicipality(municipalityNumber)) {
            return Optional.empty();
        }
        return Optional.of(ensure(ThreadKind.MUNICIPALITY, null, municipalityNumber, actor));
    }

    /** The general thread with a municipality for reading, without creating it (see {@link #caseThreadToRead}). */
    @Transactional(readOnly = true)
    public Optional<ThreadRef> municipalityThreadToRead(String municipalityNumber, Actor actor) {
        if (municipalityNumber == null || municipalityNumber.isBlank() || municipalities.find(municipalityNumber).isEmpty()) {
            return Optional.empty();
        }
        if (!actor.isAgency() && !actor.isMunicipality(municipalityNumber)) {
            return Optional.empty();
        }
        return Optional.of(find(ThreadKind.MUNICIPALITY, null, municipalityNumber)
                .orElse(ThreadRef.notStarted(ThreadKind.MUNICIPALITY, null, municipalityNumber)));
    }

    /** The municipalities a case is proposed to or accepted by now, which may write about it. */
    public Set<String> involvedMunicipalities(long caseId) {
        Set<String> involved = new LinkedHashSet<>();
        for (ProposalRow p : proposals.forCase(caseId)) {
            if (p.status() == ProposalStatus.PENDING || p.status() == ProposalStatus.ACCEPTED) {
                involved.add(p.municipalityNumber());
            }
        }
        cases.summaryForSystem(caseId).map(CaseSummary::settlementMunicipality).ifPresent(involved::add);
        return involved;
    }

    private Optional<String> caseTarget(long caseId, String requested, Actor actor) {
        Optional<CaseSummary> summary = cases.summaryForSystem(caseId);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        String wanted = requested == null || requested.isBlank() ? null : requested.trim();
        if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            String own = actor.municipalityNumber();
            if ((wanted != null && !wanted.equals(own)) || !involvedMunicipalities(caseId).contains(own)) {
                return Optional.empty();
            }
            return Optional.of(own);
        }
        if (!actor.isAgency()) {
            return Optional.empty();
        }
        Set<String> involved = involvedMunicipalities(caseId);
        if (wanted != null) {
            boolean known = involved.contains(wanted) || find(ThreadKind.CASE, caseId, wanted).isPresent();
            return known ? Optional.of(wanted) : Optional.empty();
        }
        if (summary.get().settlementMunicipality() != null) {
            return Optional.of(summary.get().settlementMunicipality());
        }
        Optional<String> pending = proposals.forCase(caseId).stream().filter(p -> p.status() == ProposalStatus.PENDING)
                .map(ProposalRow::municipalityNumber).reduce((a, b) -> b);
        if (pending.isPresent()) {
            return pending;
        }
        // No municipality now: the latest thread the case had, if any.
        return jdbc.sql("select municipality_number from message_thread where kind = 'CASE' and case_id = :c order by last_message_at desc nulls last, id desc limit 1")
                .param("c", caseId).query(String.class).optional();
    }

    /** The other municipalities' threads of a case, for the agency to switch between. */
    @Transactional(readOnly = true)
    public List<String> caseThreadMunicipalities(long caseId, Actor actor) {
        if (!actor.isAgency()) {
            return List.of();
        }
        Set<String> numbers = new LinkedHashSet<>(jdbc.sql("select municipality_number from message_thread where kind = 'CASE' and case_id = :c order by id")
                .param("c", caseId).query(String.class).list());
        numbers.addAll(involvedMunicipalities(caseId));
        return List.copyOf(numbers);
    }

    private Optional<ThreadRef> find(ThreadKind kind, Long caseId, String municipalityNumber) {
        var spec = kind == ThreadKind.CASE
                ? jdbc.sql("select id from message_thread where kind = 'CASE' and case_id = :c and municipality_number = :m").param("c", caseId)
                : jdbc.sql("select id from message_thread where kind = 'MUNICIPALITY' and municipality_number = :m");
        return spec.param("m", municipalityNumber).query(Long.class).optional()
                .map(id -> new ThreadRef(id, kind, caseId, municipalityNumber));
    }

    /** The thread itself: as it is when started, else created now (by a command, never by a read). */
    private ThreadRef started(ThreadRef ref, Actor actor) {
        return ref.started() ? ref : ensure(ref.kind(), ref.caseId(), ref.municipalityNumber(), actor);
    }

    private ThreadRef ensure(ThreadKind kind, Long caseId, String municipalityNumber, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Two first visits at once: the unique indexes keep one thread, the other insert does nothing.
        jdbc.sql("""
                insert into message_thread (kind, case_id, municipality_number, created_at, created_by, updated_at, updated_by)
                values (:kind, :c, :m, :now, :by, :now, :by) on conflict do nothing
                """)
                .param("kind", kind.name()).param("c", caseId).param("m", municipalityNumber).param("now", now)
                .param("by", actor.username()).update();
        return find(kind, caseId, municipalityNumber).orElseThrow();
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
        String[] row = jdbc.sql("select " + THREAD_COLUMNS + " from message_thread t where t.id = :id").param("id", ref.id())
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

    /**
     * The actor's threads, unread first, then the most recent. The agency sees every thread that has
     * messages; a municipality its general thread and the threads of the cases it may still write about.
     */
    @Transactional(readOnly = true)
    public List<ThreadRow> inbox(Actor actor) {
        List<ThreadRow> rows;
        if (actor.isAgency()) {
            rows = rows(" where t.last_message_at is not null", Map.of(), actor, Side.MUNICIPALITY);
        } else if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            rows = new ArrayList<>(rows(MUNICIPALITY_MAY_USE, Map.of("own", actor.municipalityNumber()), actor, Side.AGENCY));
            if (rows.stream().noneMatch(r -> r.ref().kind() == ThreadKind.MUNICIPALITY)) {
                // The general thread is always there for the municipality, also before anyone has written in it.
                rows.add(new ThreadRow(ThreadRef.notStarted(ThreadKind.MUNICIPALITY, null, actor.municipalityNumber()), null,
                        municipalities.name(actor.municipalityNumber()), null, null, null, 0, 0));
            }
        } else {
            return List.of();
        }
        return rows.stream().sorted(Comparator.comparing((ThreadRow r) -> r.unread() == 0)
                .thenComparing(r -> r.lastMessageAt(), Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }

    /**
     * Unread messages for the navigation: a municipality officer counts its inbox; an agency user the
     * threads where they are the agency's contact or no contact has taken the thread yet.
     */
    @Transactional(readOnly = true)
    public long unreadTotal(Actor actor) {
        if (actor.isAgency()) {
            return rows(" where t.last_message_at is not null and (t.agency_contact_username = :me or t.agency_contact_username is null)",
                    Map.of("me", actor.username()), actor, Side.MUNICIPALITY).stream().mapToLong(ThreadRow::unread).sum();
        }
        if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            return rows(MUNICIPALITY_MAY_USE, Map.of("own", actor.municipalityNumber()), actor, Side.AGENCY).stream()
                    .mapToLong(ThreadRow::unread).sum();
        }
        return 0;
    }

    /**
     * The threads a municipality may use: its general thread, and the threads of cases proposed to it
     * (pending) or accepted by it — the same rule as {@link #involvedMunicipalities}, in SQL so the inbox
     * and the navigation count (on every page) cost one query instead of two per thread.
     */
    private static final String MUNICIPALITY_MAY_USE = """
             where t.municipality_number = :own
               and (t.kind = 'MUNICIPALITY' or c.settlement_municipality = :own
                    or exists (select 1 from proposal p where p.case_id = t.case_id and p.municipality_number = :own
                               and p.status in ('PENDING', 'ACCEPTED')))
            """;

    private List<ThreadRow> rows(String where, Map<String, Object> params, Actor actor, Side otherSide) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("u", actor.username());
        all.put("other", otherSide.name());
        return jdbc.sql("select " + THREAD_COLUMNS + """
                        , c.reference,
                        (select count(*) from message m where m.thread_id = t.id) as messages,
                        (select count(*) from message m where m.thread_id = t.id and m.side = :other
                            and m.id > coalesce((select r.last_read_message_id from message_read r
                                                 where r.thread_id = t.id and r.username = :u), 0)) as unread
                        from message_thread t left join settlement_case c on c.id = t.case_id
                        """ + where + " order by t.last_message_at desc nulls last, t.id desc limit 500")
                .params(all)
                .query((rs, n) -> new ThreadRow(ref(rs), rs.getString("reference"), municipalities.name(rs.getString("municipality_number")),
                        rs.getString("municipality_contact_name"), rs.getString("agency_contact_name"),
                        rs.getObject("last_message_at", OffsetDateTime.class), rs.getLong("messages"), rs.getLong("unread")))
                .list();
    }

    private static ThreadRef ref(ResultSet rs) throws SQLException {
        return new ThreadRef(rs.getLong("id"), ThreadKind.valueOf(rs.getString("kind")), (Long) rs.getObject("case_id"),
                rs.getString("municipality_number"));
    }

    // ---- Writing ------------------------------------------------------------------------------

    /**
     * Posts a message with attachments; the text is required and limited, every attachment must be a
     * PDF, JPEG, PNG or Word document (by its content) of at most 10 MB. Notifies the other side.
     */
    @Transactional
    public CommandResult<Long> post(ThreadRef thread, Actor actor, String body, List<NewAttachment> files) {
        ThreadRef ref = thread;
        if (!actor.isAgency() && !actor.isMunicipality(ref.municipalityNumber())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("body", "error.message.required"));
        }
        if (text.length() > MAX_BODY) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("body", "error.message.tooLong", MAX_BODY, text.length()));
        }
        List<NewAttachment> uploads = files == null ? List.of()
                : files.stream().filter(f -> f != null && f.content() != null && f.content().length > 0).toList();
        if (uploads.size() > MAX_ATTACHMENTS) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("attachments", "error.attachment.tooMany", MAX_ATTACHMENTS));
        }
        List<String> types = new ArrayList<>();
        for (NewAttachment f : uploads) {
            String name = fileName(f.fileName());
            if (f.content().length > MAX_ATTACHMENT_BYTES) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("attachments", "error.attachment.tooLarge", name, 10));
            }
            AttachmentTypes.Verdict verdict = AttachmentTypes.check(f.content());
            if (verdict instanceof AttachmentTypes.Verdict.Refused refused) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("attachments", refused.messageKey(), name,
                        AttachmentTypes.MAX_UNPACKED_BYTES / (1024 * 1024)));
            }
            types.add(((AttachmentTypes.Verdict.Accepted) verdict).contentType());
        }
        Side side = actor.isAgency() ? Side.AGENCY : Side.MUNICIPALITY;
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The first message starts the thread.
        ref = started(ref, actor);
        // Lock the thread so messages get their order and the marker below cannot skip one.
        jdbc.sql("select id from message_thread where id = :id for update").param("id", ref.id()).query(Long.class).single();
        long messageId = jdbc.sql("""
                insert into message (thread_id, side, author_username, author_name, author_role, body, created_at, created_by)
                values (:t, :side, :u, :name, :role, :body, :now, :u) returning id
                """)
                .param("t", ref.id()).param("side", side.name()).param("u", actor.username()).param("name", actor.displayName())
                .param("role", actor.role().name()).param("body", text).param("now", now)
                .query(Long.class).single();
        for (int i = 0; i < uploads.size(); i++) {
            NewAttachment f = uploads.get(i);
            jdbc.sql("""
                    insert into message_attachment (message_id, file_name, content_type, size_bytes, content, created_at, created_by)
                    values (:m, :name, :type, :size, :content, :now, :by)
                    """)
                    .param("m", messageId).param("name", withExtension(fileName(f.fileName()), types.get(i)))
                    .param("type", types.get(i)).param("size", f.content().length).param("content", f.content())
                    .param("now", now).param("by", actor.username()).update();
        }
        jdbc.sql("update message_thread set last_message_at = :now, updated_at = :now, updated_by = :by where id = :id")
                .param("now", now).param("by", actor.username()).param("id", ref.id()).update();
        markRead(ref, actor);
        notifyOtherSide(ref, actor, side);
        return CommandResult.ok(messageId);
    }

    private void notifyOtherSide(ThreadRef ref, Actor author, Side side) {
        String reference = ref.caseId() == null ? null : cases.summaryForSystem(ref.caseId()).map(CaseSummary::reference).orElse(null);
        String municipalityName = municipalities.name(ref.municipalityNumber());
        String subject = ref.kind() == ThreadKind.CASE ? "Ny melding om sak " + reference
                : side == Side.AGENCY ? "Ny melding fra IMDi" : "Ny melding fra " + municipalityName + " kommune";
        String body = author.displayName() + " har skrevet en ny melding"
                + (ref.kind() == ThreadKind.CASE ? " om sak " + reference + " (" + municipalityName + ")" : "")
                + ". Les og svar under Meldinger: " + ref.path();
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

    /** The municipality names its contact person for the thread. */
    @Transactional
    public CommandResult<Void> setMunicipalityContact(ThreadRef ref, Actor actor, String name, String phone, String email) {
        if (!actor.isMunicipality(ref.municipalityNumber())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.message.contactMunicipalityOnly"));
        }
        String n = trim(name);
        String p = trim(phone);
        String e = trim(email);
        if (n == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("contactName", "error.message.contactName"));
        }
        if (n.length() > MAX_CONTACT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("contactName", "error.message.contactTooLong", MAX_CONTACT));
        }
        if (p != null && (p.length() > 30 || !p.matches("[+0-9 ()-]{5,30}"))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("contactPhone", "error.message.contactPhone"));
        }
        if (e != null && (e.length() > MAX_CONTACT || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("contactEmail", "error.message.contactEmail"));
        }
        jdbc.sql("""
                update message_thread set municipality_contact_name = :n, municipality_contact_phone = :p,
                    municipality_contact_email = :e, updated_at = :now, updated_by = :by where id = :id
                """)
                .param("n", n).param("p", p).param("e", e).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("id", started(ref, actor).id()).update();
        return CommandResult.ok(null);
    }

    /** An agency user takes the thread: they become the agency's named contact and get its notifications. */
    @Transactional
    public CommandResult<Void> takeAsAgencyContact(ThreadRef ref, Actor actor) {
        if (!actor.isAgency()) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.message.contactAgencyOnly"));
        }
        jdbc.sql("""
                update message_thread set agency_contact_username = :u, agency_contact_name = :n, updated_at = :now, updated_by = :u
                where id = :id
                """)
                .param("u", actor.username()).param("n", actor.displayName()).param("now", OffsetDateTime.now(clock))
                .param("id", started(ref, actor).id()).update();
        return CommandResult.ok(null);
    }

    // ---- Attachments --------------------------------------------------------------------------

    /** An attachment for a participant of its thread, with the download logged; anyone else gets empty. */
    @Transactional
    public Optional<AttachmentFile> download(long attachmentId, Actor actor) {
        Optional<ThreadRef> thread = jdbc.sql("""
                select t.id, t.kind, t.case_id, t.municipality_number from message_attachment a
                join message m on m.id = a.message_id join message_thread t on t.id = m.thread_id where a.id = :a
                """)
                .param("a", attachmentId).query((rs, n) -> ref(rs)).optional();
        if (thread.isEmpty() || !participant(thread.get(), actor)) {
            return Optional.empty();
        }
        jdbc.sql("insert into message_attachment_download (attachment_id, username, role, downloaded_at) values (:a, :u, :r, :now)")
                .param("a", attachmentId).param("u", actor.username()).param("r", actor.role().name())
                .param("now", OffsetDateTime.now(clock)).update();
        if (thread.get().kind() == ThreadKind.CASE) {
            // An attachment about a case (an identity paper, a doctor's note) is a read of the household's persons.
            cases.recordRead(thread.get().caseId(), actor, "web:/meldinger/vedlegg/" + attachmentId);
        }
        return jdbc.sql("select id, file_name, content_type, content from message_attachment where id = :a").param("a", attachmentId)
                .query((rs, n) -> new AttachmentFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).optional();
    }

    /** How many times an attachment was downloaded, and by whom, newest first. */
    @Transactional(readOnly = true)
    public List<String> downloads(long attachmentId) {
        return jdbc.sql("select username from message_attachment_download where attachment_id = :a order by downloaded_at desc, id desc")
                .param("a", attachmentId).query(String.class).list();
    }

    private boolean participant(ThreadRef ref, Actor actor) {
        if (actor.isAgency()) {
            return true;
        }
        if (!actor.isMunicipality(ref.municipalityNumber())) {
            return false;
        }
        return ref.kind() == ThreadKind.MUNICIPALITY || involvedMunicipalities(ref.caseId()).contains(actor.municipalityNumber());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The file's own name without any path, limited in length and to safe characters. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "vedlegg";
        }
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }

    private static String withExtension(String name, String contentType) {
        String ext = AttachmentTypes.extension(contentType);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(ext) || (ext.equals(".jpg") && lower.endsWith(".jpeg"))) {
            return name;
        }
        return name + ext;
    }
}
