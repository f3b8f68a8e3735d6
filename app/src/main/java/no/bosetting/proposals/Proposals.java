package no.bosetting.proposals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.HouseholdType;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.Interviews;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.AllocationHolds;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import no.bosetting.shared.web.ListPage;
import no.bosetting.shared.web.PageRequest;
import no.bosetting.shared.web.SortKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Distribution lists and the municipalities' answers. Sending proposes each household to one
 * municipality with a deadline; accepting makes the decisions and takes places; rejecting needs a
 * reason and returns the household to ready, never to be proposed to that municipality again.
 */
@Service
public class Proposals {

    private static final String ROW_SELECT = """
            select p.id, p.allocation_list_id, p.case_id, c.reference, p.municipality_number, p.status, c.household_type,
                   c.persons, c.unaccompanied_minor, p.proposed_at, p.deadline, p.answered_at, p.answered_late,
                   p.rejection_code, p.rejection_text, p.override_reason, p.allocation_run_id, p.policy_name,
                   p.policy_version, p.explanation
            from proposal p join settlement_case c on c.id = p.case_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseCommands caseCommands;
    private final CaseQueries caseQueries;
    private final SettlementDecisions decisions;
    private final Interviews interviews;
    private final Municipalities municipalities;
    private final Outbox outbox;
    private final UserAccounts users;
    private final List<AllocationHolds> holds;
    private final int answerDays;
    private final no.bosetting.shared.Words words;
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private List<no.bosetting.shared.AllocationRestrictions> restrictions = List.of(); // issue 18 item 3 (h18-protect)
    private no.bosetting.shared.CrashPoints crashPoints = no.bosetting.shared.CrashPoints.NONE; // issue 22 item 5 (bin/crash-test)

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCrashPoints(no.bosetting.shared.CrashPoints crashPoints) {
        this.crashPoints = crashPoints;
    }

    public Proposals(JdbcClient jdbc, Clock clock, CaseCommands caseCommands, CaseQueries caseQueries,
                     SettlementDecisions decisions, Interviews interviews, Municipalities municipalities, Outbox outbox,
                     UserAccounts users, List<AllocationHolds> holds,
                     @Value("${bosetting.proposal.answer-days:7}") int answerDays, no.bosetting.shared.Words words) {
        this.words = words;
        this.holds = List.copyOf(holds);
        this.jdbc = jdbc;
        this.clock = clock;
        this.caseCommands = caseCommands;
        this.caseQueries = caseQueries;
        this.decisions = decisions;
        this.interviews = interviews;
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.users = users;
        this.answerDays = answerDays;
    }

    /** Sends a distribution list; all households go, or none do and the failure names the household. */
    @Transactional
    public CommandResult<Long> sendList(Actor actor, String municipalityNumber, List<Long> caseIds, String note) {
        return sendList(actor, municipalityNumber, caseIds, note, null);
    }

    /**
     * What an allocation run contributes to each proposal it sends: the run, the policy version and the
     * explanation the caseworker saw, kept so the choice can be explained later.
     */
    public record Basis(long allocationRunId, String policyName, int policyVersion, Map<Long, String> explanations) {
    }

    @Transactional
    public CommandResult<Long> sendList(Actor actor, String municipalityNumber, List<Long> caseIds, String note, Basis basis) {
        if (!ProposalCommand.PROPOSE.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (municipalityNumber == null || municipalities.find(municipalityNumber).isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "error.municipality.required"));
        }
        if (caseIds == null || caseIds.isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("caseIds", "error.list.empty"));
        }
        // Lock the households first: an opt-in to self-settlement at the same moment then either comes before
        // (and the hold below sees it) or after (and sees the proposal).
        caseCommands.lockStatuses(new LinkedHashSet<>(caseIds));
        Optional<CommandFailure> held = held(actor, caseIds);
        if (held.isPresent()) {
            return CommandResult.fail(held.get());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate deadline = LocalDate.now(clock).plusDays(answerDays);
        long listId = jdbc.sql("""
                insert into allocation_list (municipality_number, sent_at, sent_by, deadline, note)
                values (:m, :now, :by, :deadline, :note) returning id
                """)
                .param("m", municipalityNumber).param("now", now).param("by", actor.username())
                .param("deadline", deadline).param("note", note == null || note.isBlank() ? null : note.trim())
                .query(Long.class).single();
        String name = municipalities.name(municipalityNumber);
        for (Long caseId : new LinkedHashSet<>(caseIds)) {
            Optional<CaseSummary> summary = caseQueries.summary(caseId, actor);
            if (summary.isEmpty()) {
                throw new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", caseId));
            }
            if (wasProposedTo(caseId, municipalityNumber)) {
                throw new CommandFailedException(CommandFailure.RuleBroken.of("caseIds", "error.proposal.alreadyProposed",
                        summary.get().reference(), name));
            }
            if (restrictions.stream().anyMatch(r -> {
                var x = r.forCases(List.of(caseId)).get(caseId);
                return x != null && x.unsuitableMunicipalities().contains(municipalityNumber);
            })) {
                // Unsuitable for a restricted reason (issue 18 item 3): the refusal never says which.
                throw new CommandFailedException(CommandFailure.RuleBroken.of("caseIds", "error.proposal.restricted",
                        summary.get().reference(), name));
            }
            CommandResult<CaseStatus> moved = caseCommands.propose(caseId, actor, name);
            if (!moved.isSuccess()) {
                if (moved.failure() instanceof CommandFailure.WrongState) {
                    throw new CommandFailedException(CommandFailure.RuleBroken.of("caseIds", "error.proposal.notReady",
                            summary.get().reference()));
                }
                throw new CommandFailedException(moved.failure());
            }
            jdbc.sql("""
                    insert into proposal (allocation_list_id, case_id, municipality_number, status, proposed_at, deadline,
                        allocation_run_id, policy_name, policy_version, explanation)
                    values (:list, :case, :m, 'PENDING', :now, :deadline, :run, :policy, :policyVersion, :explanation)
                    """)
                    .param("list", listId).param("case", caseId).param("m", municipalityNumber).param("now", now)
                    .param("deadline", deadline)
                    .param("run", basis == null ? null : basis.allocationRunId())
                    .param("policy", basis == null ? null : basis.policyName())
                    .param("policyVersion", basis == null ? null : basis.policyVersion())
                    .param("explanation", basis == null ? null : basis.explanations().get(caseId))
                    .update();
        }
        for (String officer : users.usernamesForMunicipality(municipalityNumber)) {
            outbox.enqueue("NOTIFICATION", officer, Wording.of("proposal.notice.list.subject", Wording.count(caseIds.size())),
                    Wording.of("proposal.notice.list.body", Wording.date(deadline)), null);
        }
        return CommandResult.ok(listId);
    }

    /**
     * Of these households, which are held out of allocation today and why (message key), e.g. a household in
     * an open self-settlement opt-in window: the compose page shows them disabled with the reason.
     */
    public Map<Long, String> heldReasons(java.util.Collection<Long> caseIds) {
        Map<Long, String> reasons = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (AllocationHolds hold : holds) {
            for (Long id : hold.heldCaseIds(caseIds, today)) {
                reasons.putIfAbsent(id, hold.reasonKey());
            }
        }
        return reasons;
    }

    private Optional<CommandFailure> held(Actor actor, List<Long> caseIds) {
        Map<Long, String> reasons = heldReasons(new LinkedHashSet<>(caseIds));
        for (Long caseId : new LinkedHashSet<>(caseIds)) {
            String reason = reasons.get(caseId);
            if (reason != null) {
                String reference = caseQueries.summary(caseId, actor).map(CaseSummary::reference).orElse(String.valueOf(caseId));
                return Optional.of(CommandFailure.RuleBroken.of("caseIds", "error.proposal.held", reference,
                        new DefaultMessageSourceResolvable(reason)));
            }
        }
        return Optional.empty();
    }

    /** Per household, every municipality it has been proposed to (and so may not be proposed to again). */
    public Map<Long, java.util.Set<String>> proposedTo(java.util.Collection<Long> caseIds) {
        Map<Long, java.util.Set<String>> result = new HashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select case_id, municipality_number from proposal where status <> 'WITHDRAWN' and case_id in (:ids)")
                .param("ids", caseIds)
                .query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(rs.getString(2)))
                .list();
        return result;
    }

    public boolean wasProposedTo(long caseId, String municipalityNumber) {
        return jdbc.sql("select count(*) from proposal where case_id = :c and municipality_number = :m and status <> 'WITHDRAWN'")
                .param("c", caseId).param("m", municipalityNumber).query(Long.class).single() > 0;
    }

    /**
     * Accepts a proposal with a planned settlement date per member. A municipality officer may accept
     * its own proposals; an agency caseworker may accept on the municipality's behalf and, with a
     * reason, beyond the decided number.
     */
    @Transactional
    public CommandResult<List<Long>> accept(Actor actor, long proposalId, Map<Long, LocalDate> plannedDates,
                                            String overrideReason) {
        Optional<Locked> locked = lockInScope(proposalId, actor);
        Optional<CommandFailure> refused = ProposalCommand.ACCEPT.check(actor, locked.map(Locked::status), proposalId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        Locked p = locked.get();
        if (actor.isAgency() && (overrideReason == null || overrideReason.isBlank())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("overrideReason", "error.proposal.agencyReason"));
        }
        String reason = actor.isAgency() ? "Akseptert av IMDi på vegne av kommunen: " + overrideReason.trim() : "Akseptert av kommunen";
        CommandResult<CaseStatus> moved = caseCommands.accept(p.caseId(), actor, p.municipalityNumber(), reason);
        if (!moved.isSuccess()) {
            return CommandResult.fail(moved.failure());
        }
        CommandResult<List<Long>> offered = decisions.offer(p.caseId(), proposalId, p.municipalityNumber(), plannedDates,
                actor, actor.isAgency() ? overrideReason : null);
        if (!offered.isSuccess()) {
            // Roll back the case transition too: nothing of a refused acceptance may remain.
            throw new CommandFailedException(offered.failure());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update proposal set status = 'ACCEPTED', answered_at = :now, answered_by = :by, answered_late = :late,
                    override_reason = :override, version = version + 1 where id = :id
                """)
                .param("now", now).param("by", actor.username()).param("late", LocalDate.now(clock).isAfter(p.deadline()))
                .param("override", actor.isAgency() ? overrideReason.trim() : null).param("id", proposalId).update();
        crashPoints.reached("acceptance", proposalId); // places taken, not yet committed
        return offered;
    }

    @Transactional
    public CommandResult<CaseStatus> reject(Actor actor, long proposalId, RejectionReason code, String text) {
        Optional<Locked> locked = lockInScope(proposalId, actor);
        Optional<CommandFailure> refused = ProposalCommand.REJECT.check(actor, locked.map(Locked::status), proposalId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        Locked p = locked.get();
        if (code == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rejectionCode", "error.rejection.code"));
        }
        if (text == null || text.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rejectionText", "error.rejection.text"));
        }
        if (text.length() > 2000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rejectionText", "error.text.tooLong", 2000));
        }
        CommandResult<CaseStatus> moved = caseCommands.reject(p.caseId(), actor, p.municipalityNumber(),
                words.nb("rejection.", code) + ": " + text.trim());
        if (!moved.isSuccess()) {
            return moved;
        }
        jdbc.sql("""
                update proposal set status = 'REJECTED', answered_at = :now, answered_by = :by, answered_late = :late,
                    rejection_code = :code, rejection_text = :text, version = version + 1 where id = :id
                """)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("late", LocalDate.now(clock).isAfter(p.deadline())).param("code", code.name())
                .param("text", text.trim()).param("id", proposalId).update();
        return moved;
    }

    /** The agency takes back an unanswered proposal (e.g. overdue); the household may be proposed again. */
    @Transactional
    public CommandResult<CaseStatus> withdraw(Actor actor, long proposalId, String reason) {
        Optional<Locked> locked = lockInScope(proposalId, actor);
        Optional<CommandFailure> refused = ProposalCommand.WITHDRAW.check(actor, locked.map(Locked::status), proposalId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        Locked p = locked.get();
        CommandResult<CaseStatus> moved = caseCommands.withdrawProposal(p.caseId(), actor, reason);
        if (!moved.isSuccess()) {
            return moved;
        }
        jdbc.sql("update proposal set status = 'WITHDRAWN', answered_at = :now, answered_by = :by, version = version + 1 where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", proposalId).update();
        return moved;
    }

    /** The proposal locked for this transaction, when the actor may know of it (the agency, or its own municipality). */
    private Optional<Locked> lockInScope(long proposalId, Actor actor) {
        return jdbc.sql("select case_id, municipality_number, status, deadline from proposal where id = :id for update")
                .param("id", proposalId)
                .query((rs, n) -> new Locked(rs.getLong(1), rs.getString(2), ProposalStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class)))
                .optional()
                .filter(p -> inScope(actor, p.municipalityNumber()));
    }

    private static boolean inScope(Actor actor, String municipalityNumber) {
        return actor.isAgency() || actor.isMunicipality(municipalityNumber);
    }

    /** The commands the actor may issue on the proposal now, for the pages and the API; none outside the actor's scope. */
    public List<ProposalCommand> validCommands(Actor actor, ProposalRow proposal) {
        return inScope(actor, proposal.municipalityNumber())
                ? Transition.valid(ProposalCommand.class, actor, proposal.status()) : List.of();
    }

    public Optional<ProposalRow> find(long proposalId, Actor actor) {
        return jdbc.sql(ROW_SELECT + " where p.id = :id").param("id", proposalId)
                .query((rs, n) -> row(rs, LocalDate.now(clock))).optional()
                .filter(p -> inScope(actor, p.municipalityNumber()));
    }

    /** The anonymised profile a municipality decides on. */
    public Optional<ProposalDetail> detail(long proposalId, Actor actor) {
        return find(proposalId, actor).map(p -> {
            CaseSummary summary = caseQueries.summaryForSystem(p.caseId()).orElseThrow();
            return new ProposalDetail(p, new ArrayList<>(caseQueries.anonymousMembersByPerson(p.caseId()).values()), interviews.profile(p.caseId(), actor, "proposal:" + p.id()),
                    summary.livingSituation().name(), summary.daysWaited());
        });
    }

    /** The proposals of one distribution list, within the actor's scope. */
    public List<ProposalRow> forList(long allocationListId, Actor actor) {
        return jdbc.sql(ROW_SELECT + " where p.allocation_list_id = :l order by p.id").param("l", allocationListId)
                .query((rs, n) -> row(rs, LocalDate.now(clock))).list().stream()
                .filter(p -> inScope(actor, p.municipalityNumber()))
                .toList();
    }

    public List<ProposalRow> forCase(long caseId) {
        // Asked by the case page's proposal panel and its message threads: read once per page (shared.RequestMemo).
        return no.bosetting.shared.RequestMemo.once("proposals-for-case:" + caseId,
                () -> List.copyOf(jdbc.sql(ROW_SELECT + " where p.case_id = :c order by p.proposed_at, p.id").param("c", caseId)
                        .query((rs, n) -> row(rs, LocalDate.now(clock))).list()));
    }

    /**
     * Proposals in scope: the agency sees all (optionally one municipality), a municipality its own.
     * {@code overdueOnly} keeps pending proposals past their deadline.
     */
    public List<ProposalRow> list(Actor actor, String municipalityNumber, ProposalStatus status, boolean overdueOnly, int limit) {
        return page(actor, municipalityNumber, status, overdueOnly, PageRequest.first(limit, SORT_KEYS, DEFAULT_SORT), Map.of()).items();
    }

    private static final String PENDING_FIRST = "case when p.status = 'PENDING' then 0 else 1 end";
    private static final String STATUS_ORDER = "array_position(array[" + java.util.Arrays.stream(ProposalStatus.values())
            .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", ")) + "]::text[], p.status)";
    /** By municipality number (the numbers group the municipalities by county); names belong to the municipalities module. */
    private static final String MUNICIPALITY_NAME = "p.municipality_number";

    /** The proposal lists' sortable columns (issue 16 point 4); the default keeps unanswered proposals first by deadline. */
    public static final List<SortKey> SORT_KEYS = List.of(
            new SortKey("deadline", PENDING_FIRST + ", p.deadline, p.id desc", PENDING_FIRST + ", p.deadline desc, p.id desc"),
            new SortKey("proposed", "p.proposed_at, p.id", "p.proposed_at desc, p.id desc"),
            new SortKey("municipality", MUNICIPALITY_NAME + ", p.deadline, p.id", MUNICIPALITY_NAME + " desc, p.deadline, p.id"),
            new SortKey("status", STATUS_ORDER + ", p.deadline, p.id", STATUS_ORDER + " desc, p.deadline, p.id"),
            new SortKey("reference", "c.reference, p.id", "c.reference desc, p.id desc"));

    public static final String DEFAULT_SORT = "deadline";

    /**
     * One page of the proposals in scope (the agency all, optionally one municipality; a municipality its own), with
     * the count of all that match: {@code overdueOnly} keeps pending proposals past their deadline.
     */
    public ListPage<ProposalRow> page(Actor actor, String municipalityNumber, ProposalStatus status, boolean overdueOnly,
                                      PageRequest request, Map<String, String> filters) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            where.append(" and p.municipality_number = :scope");
            params.put("scope", actor.municipalityNumber());
        } else if (!actor.isAgency()) {
            return request.result(List.of(), 0, filters);
        }
        if (municipalityNumber != null && !municipalityNumber.isBlank()) {
            where.append(" and p.municipality_number = :m");
            params.put("m", municipalityNumber);
        }
        if (status != null) {
            where.append(" and p.status = :s");
            params.put("s", status.name());
        }
        if (overdueOnly) {
            where.append(" and p.status = 'PENDING' and p.deadline < :today");
            params.put("today", LocalDate.now(clock));
        }
        long total = jdbc.sql("select count(*) from proposal p join settlement_case c on c.id = p.case_id" + where)
                .params(params).query(Long.class).single();
        params.put("limit", request.size());
        params.put("offset", request.offset());
        List<ProposalRow> rows = jdbc.sql(ROW_SELECT + where + " order by " + request.orderBy() + " limit :limit offset :offset")
                .params(params).query((rs, n) -> row(rs, LocalDate.now(clock))).list();
        return request.result(rows, total, filters);
    }

    public Map<ProposalStatus, Long> counts(Actor actor) {
        Map<ProposalStatus, Long> counts = new java.util.EnumMap<>(ProposalStatus.class);
        String where = actor.role() == Role.MUNICIPALITY_OFFICER ? " where municipality_number = :m" : "";
        if (!actor.isAgency() && actor.role() != Role.MUNICIPALITY_OFFICER) {
            return counts;
        }
        var spec = jdbc.sql("select status, count(*) from proposal" + where + " group by status");
        if (!where.isEmpty()) {
            spec = spec.param("m", actor.municipalityNumber());
        }
        spec.query((rs, n) -> counts.put(ProposalStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** Pending proposals past their deadline, within scope, counted in the database. */
    public long overdueCount(Actor actor) {
        if (!actor.isAgency() && actor.role() != Role.MUNICIPALITY_OFFICER) {
            return 0;
        }
        boolean scoped = actor.role() == Role.MUNICIPALITY_OFFICER;
        var spec = jdbc.sql("select count(*) from proposal where status = 'PENDING' and deadline < :today"
                + (scoped ? " and municipality_number = :m" : "")).param("today", LocalDate.now(clock));
        if (scoped) {
            spec = spec.param("m", actor.municipalityNumber());
        }
        return spec.query(Long.class).single();
    }

    private ProposalRow row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        ProposalStatus status = ProposalStatus.valueOf(rs.getString("status"));
        String m = rs.getString("municipality_number");
        String code = rs.getString("rejection_code");
        return new ProposalRow(rs.getLong("id"), rs.getLong("allocation_list_id"), rs.getLong("case_id"), rs.getString("reference"),
                m, municipalities.name(m), status, HouseholdType.valueOf(rs.getString("household_type")), rs.getInt("persons"),
                rs.getBoolean("unaccompanied_minor"), rs.getObject("proposed_at", OffsetDateTime.class), deadline,
                ChronoUnit.DAYS.between(today, deadline), status == ProposalStatus.PENDING && today.isAfter(deadline),
                rs.getObject("answered_at", OffsetDateTime.class), (Boolean) rs.getObject("answered_late"),
                code == null ? null : RejectionReason.valueOf(code), rs.getString("rejection_text"), rs.getString("override_reason"),
                (Long) rs.getObject("allocation_run_id"), rs.getString("policy_name"), (Integer) rs.getObject("policy_version"),
                rs.getString("explanation"));
    }

    private record Locked(long caseId, String municipalityNumber, ProposalStatus status, LocalDate deadline) {
    }
}
