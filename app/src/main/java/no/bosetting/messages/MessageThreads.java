package no.bosetting.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message threads, who may use them, and their named contacts. The agency may use every thread. A
 * municipality officer may use its own municipality's general thread and the thread of a case proposed to or
 * accepted by its municipality; any other thread reads as "not found". The messages in a thread are
 * {@link ThreadMessages}, their attachments {@link MessageAttachments}, the inbox and unread counts
 * {@link MessageInbox}.
 */
@Service
public class MessageThreads {

    public static final int MAX_CONTACT = 200;

    /** A thread's columns, for the thread page and the inbox. */
    static final String THREAD_COLUMNS = """
            t.id, t.kind, t.case_id, t.municipality_number, t.municipality_contact_name, t.municipality_contact_phone,
            t.municipality_contact_email, t.agency_contact_username, t.agency_contact_name, t.last_message_at
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final Proposals proposals;
    private final Municipalities municipalities;

    public MessageThreads(JdbcClient jdbc, Clock clock, CaseQueries cases, Proposals proposals, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.proposals = proposals;
        this.municipalities = municipalities;
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

    /**
     * The thread between the agency and the household of a case (issue 16 point 2), without creating it: for the agency
     * any case, for a refugee only the own household's case; anyone else gets nothing.
     */
    @Transactional(readOnly = true)
    public Optional<ThreadRef> refugeeThreadToRead(long caseId, Actor actor) {
        ThreadRef probe = ThreadRef.notStarted(ThreadKind.REFUGEE, caseId, null);
        if (cases.summaryForSystem(caseId).isEmpty() || !participant(probe, actor)) {
            return Optional.empty();
        }
        return Optional.of(find(ThreadKind.REFUGEE, caseId, null).orElse(probe));
    }

    private Optional<ThreadRef> find(ThreadKind kind, Long caseId, String municipalityNumber) {
        if (kind == ThreadKind.REFUGEE) {
            return jdbc.sql("select id from message_thread where kind = 'REFUGEE' and case_id = :c").param("c", caseId)
                    .query(Long.class).optional().map(id -> new ThreadRef(id, kind, caseId, null));
        }
        var spec = kind == ThreadKind.CASE
                ? jdbc.sql("select id from message_thread where kind = 'CASE' and case_id = :c and municipality_number = :m").param("c", caseId)
                : jdbc.sql("select id from message_thread where kind = 'MUNICIPALITY' and municipality_number = :m");
        return spec.param("m", municipalityNumber).query(Long.class).optional()
                .map(id -> new ThreadRef(id, kind, caseId, municipalityNumber));
    }

    /** The thread itself: as it is when started, else created now (by a command, never by a read). */
    ThreadRef started(ThreadRef ref, Actor actor) {
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

    /** Whether the actor may use the thread now: the scope rule of {@link #caseThread} for a thread already found. */
    boolean participant(ThreadRef ref, Actor actor) {
        if (actor.isAgency()) {
            return true;
        }
        if (ref.kind() == ThreadKind.REFUGEE) {
            // The household's own members, found from the signed-in DUF number; no municipality or centre.
            return actor.role() == Role.REFUGEE && actor.dufNumber().flatMap(cases::caseIdForDuf)
                    .map(id -> id.equals(ref.caseId())).orElse(false);
        }
        if (!actor.isMunicipality(ref.municipalityNumber())) {
            return false;
        }
        return ref.kind() == ThreadKind.MUNICIPALITY || involvedMunicipalities(ref.caseId()).contains(actor.municipalityNumber());
    }

    // ---- Contacts -----------------------------------------------------------------------------

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
        if (!actor.isAgency() || !participant(ref, actor)) {
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

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The thread of a row that has the thread's id, kind, case_id and municipality_number. */
    static ThreadRef ref(ResultSet rs) throws SQLException {
        return new ThreadRef(rs.getLong("id"), ThreadKind.valueOf(rs.getString("kind")), (Long) rs.getObject("case_id"),
                rs.getString("municipality_number"));
    }
}
