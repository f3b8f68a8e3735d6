package no.bosetting.approvals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import no.bosetting.access.Actor;
import no.bosetting.access.HistoryTable;
import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl;
import no.bosetting.cases.CaseCommands;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import no.bosetting.shared.web.ListPage;
import no.bosetting.shared.web.PageRequest;
import no.bosetting.shared.web.SortKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two-step control: holds a command of a kind the policy covers as a proposal ({@link #orNow}), and lets a second
 * person approve it (the command runs then, as the proposer, through its own code and guard, in this transaction: if
 * it is refused now — the case moved on meanwhile — the approval fails with that typed failure and nothing changes)
 * or return it with a fixed reason and a text (the proposer is told). The proposer never approves or returns their
 * own proposal. Every step is an {@link ApprovalCommand} in the one guard order, written to the approval's history
 * and to the case history, so the case shows both persons.
 */
@Service
public class Approvals implements TwoStepControl {

    static final HistoryTable HISTORY = new HistoryTable("approval_history", "approval_id");
    static final int MAX_TEXT = 4000;
    private static final Logger log = LoggerFactory.getLogger(Approvals.class);

    private static final String COLUMNS = """
            a.id, a.kind, a.subject_id, a.case_id, a.case_reference, a.status, a.command_input, a.change_summary, a.change_summary_key,
            a.change_summary_args, a.reason,
            a.proposed_at, a.proposed_by, a.proposed_by_name, a.decided_at, a.decided_by, a.decided_by_name, a.return_reason, a.return_text
            """;
    private static final String FROM = " from approval a";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApprovalPolicy policy;
    private final ApprovalRunner runner;
    private final CaseCommands caseCommands;
    private final Outbox outbox;
    private final TransactionTemplate dryRun;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    Approvals(JdbcClient jdbc, Clock clock, ApprovalPolicy policy, ApprovalRunner runner, CaseCommands caseCommands,
              Outbox outbox, PlatformTransactionManager transactions, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.policy = policy;
        this.runner = runner;
        this.caseCommands = caseCommands;
        this.outbox = outbox;
        this.dryRun = new TransactionTemplate(transactions);
        this.dryRun.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public CommandResult<?> orNow(Kind kind, long subjectId, Actor actor, Map<String, String> input,
                                  Supplier<? extends CommandResult<?>> now) {
        if (!policy.required(kind) || !runner.concerned(kind, subjectId, actor, input)) {
            return now.get();
        }
        Long caseId = runner.caseId(kind, subjectId);
        // The real command checks the proposal (scope, role, state, its own rules) and is rolled back: what it would
        // refuse now it refuses in its own words when run, and nothing of it (places, letters, messages) is kept.
        CommandResult<?> wouldRun = caseId == null ? null : dryRun.execute(status -> {
            status.setRollbackOnly();
            return runner.run(kind, subjectId, actor, input);
        });
        if (wouldRun == null || !wouldRun.isSuccess()) {
            return now.get();
        }
        return tx.execute(status -> propose(kind, subjectId, caseId, actor, input));
    }

    private CommandResult<?> propose(Kind kind, long subjectId, long caseId, Actor actor, Map<String, String> input) {
        if (!ApprovalCommand.PROPOSE.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        caseCommands.lockStatuses(List.of(caseId));
        if (jdbc.sql("select count(*) from approval where kind = :k and subject_id = :s and status = 'PENDING'")
                .param("k", kind.name()).param("s", subjectId).query(Long.class).single() > 0) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("approval", "error.approval.alreadyPending"));
        }
        ApprovalRunner.ChangeSummary change = runner.summary(kind, subjectId, caseId, input);
        String summary = change.text();
        String reason = ApprovalRunner.reason(kind, input);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into approval (kind, subject_id, case_id, case_reference, status, command_input, change_summary, change_summary_key,
                    change_summary_args, reason, proposed_at, proposed_by, proposed_by_name, proposed_by_role)
                values (:k, :s, :c, :ref, 'PENDING', :input, :summary, :summaryKey, :summaryArgs, :reason, :now, :by, :name, :role)
                returning id
                """)
                .param("k", kind.name()).param("s", subjectId).param("c", caseId).param("ref", runner.caseReference(caseId)).param("input", ApprovalInput.encode(input))
                .param("summary", summary).param("summaryKey", change.wording().key()).param("summaryArgs", change.wording().argsJson())
                .param("reason", blankToNull(reason)).param("now", now).param("by", actor.username())
                .param("name", actor.displayName()).param("role", actor.role().name())
                .query(Long.class).single();
        HISTORY.append(jdbc, clock, id, actor, ApprovalCommand.PROPOSE, null, ApprovalStatus.PENDING, summary);
        caseCommands.note(caseId, actor, "TWO_STEP_PROPOSED", "Venter på godkjenning: " + summary
                + (blankToNull(reason) == null ? "" : ". Begrunnelse: " + reason.trim()) + ". Foreslått av " + actor.displayName());
        return CommandResult.ok(new Held(id));
    }

    /** A second person approves: the command runs now, as the proposer, and must pass its guard again. */
    @Transactional
    public CommandResult<ApprovalStatus> approve(long id, Actor approver) {
        CommandResult<Approval> step = step(id, approver, ApprovalCommand.APPROVE);
        if (!step.isSuccess()) {
            return CommandResult.fail(step.failure());
        }
        Approval a = step.value();
        Actor proposer = jdbc.sql("select proposed_by_role from approval where id = :id").param("id", id)
                .query((rs, n) -> new Actor(a.proposedBy(), a.proposedByName(), Role.valueOf(rs.getString(1)), null, null)).single();
        CommandResult<?> ran = runner.run(a.kind(), a.subjectId(), proposer, a.input());
        if (!ran.isSuccess()) {
            // Returned as it is (typed: the state changed, a rule now refuses); the transaction rolls back.
            return CommandResult.fail(ran.failure());
        }
        decide(a, approver, ApprovalCommand.APPROVE, null, null);
        caseCommands.note(a.caseId(), approver, "TWO_STEP_APPROVED", "Godkjent: " + a.changeSummary() + ". Foreslått av "
                + a.proposedByName() + ", godkjent av " + approver.displayName());
        return CommandResult.ok(ApprovalStatus.APPROVED);
    }

    /** A second person returns the proposal with a fixed reason and a text; nothing of the command runs, the proposer is told. */
    @Transactional
    public CommandResult<ApprovalStatus> giveBack(long id, Actor approver, ReturnReason reason, String text) {
        CommandResult<Approval> step = step(id, approver, ApprovalCommand.RETURN);
        if (!step.isSuccess()) {
            return CommandResult.fail(step.failure());
        }
        if (reason == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("returnReason", "error.approval.returnReason"));
        }
        String why = blankToNull(text);
        if (why == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("returnText", "error.approval.returnText"));
        }
        if (why.length() > MAX_TEXT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("returnText", "error.approval.tooLong", MAX_TEXT));
        }
        Approval a = step.value();
        decide(a, approver, ApprovalCommand.RETURN, reason, why);
        caseCommands.note(a.caseId(), approver, "TWO_STEP_RETURNED", "Returnert (" + runner.returnReasonText(reason) + "): " + a.changeSummary()
                + ". " + why + ". Foreslått av " + a.proposedByName() + ", returnert av " + approver.displayName());
        outbox.enqueue("NOTIFICATION", a.proposedBy(), Wording.of("approval.notice.returned.subject", a.caseReference()),
                Wording.of("approval.notice.returned.body", a.changeWording() == null ? a.changeSummary() : a.changeWording(),
                        approver.displayName(), why), a.caseId(),
                "/godkjenninger/" + id);
        return CommandResult.ok(ApprovalStatus.RETURNED);
    }

    /**
     * The one guard order for a decision on a proposal: found (the agency only), permitted for the role, pending; then
     * the kind's approver roles, and the four-eyes rule: never the proposer.
     */
    private CommandResult<Approval> step(long id, Actor actor, ApprovalCommand command) {
        Optional<Approval> locked = actor.isAgency()
                ? jdbc.sql("select id from approval where id = :id for update").param("id", id).query(Long.class).optional().flatMap(this::find)
                : Optional.empty();
        Optional<CommandFailure> refused = command.guard(actor, locked.map(Approval::status), ApprovalCommand.NOT_FOUND, id)
                .map(f -> f instanceof CommandFailure.WrongState w ? CommandFailure.WrongState.of(w.currentState(), "error.approval.decided") : f);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        Approval a = locked.get();
        if (!ApprovalCommand.approverRoles(a.kind()).contains(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.approval.notApprover"));
        }
        if (a.proposedBy().equals(actor.username())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.approval.ownProposal"));
        }
        return CommandResult.ok(a);
    }

    /** Whether the actor may approve or return this proposal (for the page: the proposer sees it without the buttons). */
    public static boolean mayDecide(Actor actor, Approval a) {
        return a.pending() && ApprovalCommand.APPROVE.allowedFor(actor.role())
                && ApprovalCommand.approverRoles(a.kind()).contains(actor.role()) && !a.proposedBy().equals(actor.username());
    }

    private void decide(Approval a, Actor actor, ApprovalCommand command, ReturnReason reason, String text) {
        jdbc.sql("""
                update approval set status = :to, decided_at = :now, decided_by = :by, decided_by_name = :name, return_reason = :reason,
                    return_text = :text, version = version + 1 where id = :id
                """)
                .param("to", command.target().name()).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("name", actor.displayName()).param("reason", reason == null ? null : reason.name()).param("text", text).param("id", a.id()).update();
        HISTORY.append(jdbc, clock, a.id(), actor, command, a.status(), command.target(),
                reason == null ? null : runner.returnReasonText(reason) + ": " + text);
    }

    // ---- Reading ------------------------------------------------------------------------------

    public record Page(List<Approval> rows, long total, int offset, int limit) {
    }

    /** Pending proposals, oldest first, a page at a time, with the total. */
    @Transactional(readOnly = true)
    public Page pending(int offset, int limit) {
        long total = jdbc.sql("select count(*) from approval where status = 'PENDING'").query(Long.class).single();
        List<Approval> rows = jdbc.sql("select " + COLUMNS + FROM + " where a.status = 'PENDING' order by a.proposed_at, a.id limit :l offset :o")
                .param("l", limit).param("o", offset).query((rs, n) -> map(rs)).list();
        return new Page(rows, total, offset, limit);
    }

    /** The approvers' list's one order: oldest first, so no proposal waits behind newer ones. */
    public static final List<SortKey> PENDING_ORDER = List.of(
            new SortKey("proposed", "a.proposed_at, a.id", "a.proposed_at desc, a.id desc"));

    /** Pending proposals for the approvers' list, one page with the count of all. */
    @Transactional(readOnly = true)
    public ListPage<Approval> pending(PageRequest page, Map<String, String> filters) {
        List<Approval> rows = jdbc.sql("select " + COLUMNS + FROM + " where a.status = 'PENDING' order by " + page.orderBy()
                        + " limit :l offset :o")
                .param("l", page.size()).param("o", page.offset()).query((rs, n) -> map(rs)).list();
        return page.result(rows, pendingCount(), filters);
    }

    @Transactional(readOnly = true)
    public long pendingCount() {
        return jdbc.sql("select count(*) from approval where status = 'PENDING'").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<Approval> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The case's proposals, newest first (at most 20). */
    @Transactional(readOnly = true)
    public List<Approval> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.case_id = :c order by a.proposed_at desc, a.id desc limit 20")
                .param("c", caseId).query((rs, n) -> map(rs)).list();
    }

    @Transactional(readOnly = true)
    public List<ApprovalHistoryEntry> history(long id) {
        return jdbc.sql("""
                select occurred_at, actor, actor_role, command, from_status, to_status, reason from approval_history
                where approval_id = :id order by occurred_at, id
                """)
                .param("id", id)
                .query((rs, n) -> new ApprovalHistoryEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5) == null ? null : ApprovalStatus.valueOf(rs.getString(5)),
                        ApprovalStatus.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    /** A row, its change summary worded in the reader's language (the request's locale). */
    private Approval map(ResultSet rs) throws SQLException {
        String returnReason = rs.getString("return_reason");
        String stored = rs.getString("change_summary");
        Wording wording = wording(rs.getString("change_summary_key"), rs.getString("change_summary_args"));
        return new Approval(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getLong("subject_id"), rs.getLong("case_id"),
                rs.getString("case_reference"), ApprovalStatus.valueOf(rs.getString("status")),
                ApprovalInput.decode(rs.getString("command_input")), stored, wording,
                worded(wording, stored, LocaleContextHolder.getLocale()), rs.getString("reason"),
                rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("proposed_by"), rs.getString("proposed_by_name"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getString("decided_by_name"),
                returnReason == null ? null : ReturnReason.valueOf(returnReason), rs.getString("return_text"));
    }

    /** The stored wording of a change summary; null for a proposal from before V57 or arguments that cannot be read. */
    private static Wording wording(String key, String args) {
        try {
            return Wording.stored(key, args);
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("Change summary {} could not be read; showing the stored text: {}", key, e.toString());
            return null;
        }
    }

    /** The change summary in the reader's language when there is a wording; the stored (Norwegian) text otherwise. */
    private String worded(Wording wording, String stored, Locale locale) {
        return wording == null ? stored : wording.inOr(messages, locale, stored);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
