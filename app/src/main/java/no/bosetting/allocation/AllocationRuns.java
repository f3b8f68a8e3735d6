package no.bosetting.allocation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.Explanation;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.engine.PinRefusedException;
import no.bosetting.allocation.engine.UnassignedReason;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.Page;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Propose allocation": runs the engine over ready households, keeps the result for review, lets the
 * caseworker pin or change a household's municipality (the engine re-optimises the rest), and sends
 * the result as distribution lists that remember the policy version and explanation.
 */
@Service
public class AllocationRuns {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AllocationPort engine;
    private final AllocationPolicies policies;
    private final RoundBuilder rounds;
    private final List<RoundSize> roundSizes;
    private final int ordinaryRoundSize;
    private final CaseQueries cases;
    private final Proposals proposals;
    private final Municipalities municipalities;
    private final AllocationExplanations explanations;
    private final Duration timeLimit;

    public AllocationRuns(JdbcClient jdbc, Clock clock, AllocationPort engine, AllocationPolicies policies, RoundBuilder rounds,
                          CaseQueries cases, Proposals proposals, Municipalities municipalities, AllocationExplanations explanations,
                          @Value("${bosetting.allocation.time-limit:PT5S}") Duration timeLimit, List<RoundSize> roundSizes,
                          @Value("${bosetting.allocation.round-size:0}") int ordinaryRoundSize) {
        this.roundSizes = List.copyOf(roundSizes);
        this.ordinaryRoundSize = ordinaryRoundSize;
        this.jdbc = jdbc;
        this.clock = clock;
        this.engine = engine;
        this.policies = policies;
        this.rounds = rounds;
        this.cases = cases;
        this.proposals = proposals;
        this.municipalities = municipalities;
        this.explanations = explanations;
        this.timeLimit = timeLimit;
    }

    /** Runs the engine over every ready household that matches the filter (status is forced to ready). */
    @Transactional
    public CommandResult<Long> propose(Actor actor, CaseFilter filter) {
        if (!actor.is(Role.AGENCY_CASEWORKER)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        List<CaseSummary> households = ready(actor, filter);
        // Households another module holds back (an open self-settlement opt-in window) are not part of the run.
        households = new ArrayList<>(rounds.allocatable(households, LocalDate.now(clock)));
        households = roundOf(households);
        if (households.isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("filter", "error.allocation.noneReady"));
        }
        return CommandResult.ok(run(actor, households, Map.of(), Map.of()));
    }

    /**
     * The households one round takes: all, or — with a round size (crisis mode's while it is on, issue 18 item 1, else
     * {@code bosetting.allocation.round-size}, 0 for no limit) — the longest waiting up to that number.
     */
    private List<CaseSummary> roundOf(List<CaseSummary> households) {
        LocalDate today = LocalDate.now(clock);
        int size = roundSizes.stream().map(r -> r.roundSizeOn(today)).filter(java.util.OptionalInt::isPresent)
                .mapToInt(java.util.OptionalInt::getAsInt).findFirst().orElse(ordinaryRoundSize);
        if (size <= 0 || households.size() <= size) {
            return households;
        }
        return households.stream().sorted(java.util.Comparator.comparing(CaseSummary::permitDate,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(CaseSummary::id)).limit(size).toList();
    }

    /** Every ready household that matches the filter (status is forced to ready). */
    private List<CaseSummary> ready(Actor actor, CaseFilter filter) {
        CaseFilter ready = new CaseFilter(CaseStatus.READY_FOR_ALLOCATION, filter.municipalityNumber(), filter.minWaitedDays(),
                filter.maxWaitedDays(), filter.householdType(), filter.unaccompaniedMinor(), filter.livingSituation(), null, null);
        List<CaseSummary> households = new ArrayList<>();
        int page = 0;
        Page<CaseSummary> batch;
        do {
            batch = cases.search(ready, actor, page++, 500);
            households.addAll(batch.items());
        } while (batch.hasNext());
        return households;
    }

    /** The run a review page opened on {@code runId} now shows: a pin replaces a run, and the old one names its successor. */
    public long latest(long runId) {
        long current = runId;
        for (int hops = 0; hops < 10_000; hops++) {
            Long next = jdbc.sql("select replaced_by from allocation_run where id = :id").param("id", current)
                    .query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().orElse(null);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** Fixes one household to a municipality (or frees it with null) and re-optimises the rest. */
    @Transactional
    public CommandResult<Long> pin(Actor actor, long runId, long caseId, String municipalityNumber) {
        if (!actor.is(Role.AGENCY_CASEWORKER)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<AllocationRun> found = find(runId);
        if (found.isEmpty() || !"DRAFT".equals(found.get().status())) {
            return CommandResult.fail(CommandFailure.WrongState.of(found.map(AllocationRun::status).orElse("NONE"), "error.allocation.notDraft"));
        }
        if (municipalityNumber != null && municipalities.find(municipalityNumber).isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipality", "error.municipality.unknown", municipalityNumber));
        }
        Map<String, String> pins = new LinkedHashMap<>();
        for (AllocationRun.Item item : found.get().items()) {
            if (item.pinned() && item.caseId() != caseId) {
                pins.put(String.valueOf(item.caseId()), item.municipalityNumber());
            }
        }
        if (municipalityNumber != null) {
            pins.put(String.valueOf(caseId), municipalityNumber);
        }
        // The run's households that are still ready, read a page at a time rather than one by one.
        java.util.Set<Long> inRun = found.get().items().stream().map(AllocationRun.Item::caseId).collect(Collectors.toSet());
        List<CaseSummary> households = ready(actor, CaseFilter.none()).stream().filter(c -> inRun.contains(c.id())).toList();
        households = new ArrayList<>(rounds.allocatable(households, LocalDate.now(clock)));
        java.util.Set<String> present = households.stream().map(c -> String.valueOf(c.id())).collect(Collectors.toSet());
        if (municipalityNumber != null && !present.contains(String.valueOf(caseId))) {
            // No longer ready, or held back since the run (e.g. the household opted in to find its own dwelling).
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipality", "error.allocation.notAllocatable"));
        }
        pins.keySet().retainAll(present);
        // What the engine first proposed stays with each household through the chain of pins.
        Map<Long, String> first = new java.util.HashMap<>();
        found.get().items().forEach(i -> first.put(i.caseId(), i.firstMunicipality()));
        jdbc.sql("update allocation_run set status = 'REPLACED' where id = :id").param("id", runId).update();
        try {
            long next = run(actor, households, pins, first);
            jdbc.sql("update allocation_run set replaced_by = :next where id = :id").param("next", next).param("id", runId).update();
            return CommandResult.ok(next);
        } catch (PinRefusedException e) {
            // The engine refuses pins that break a hard rule (capacity, rejection); say which, keep the old run.
            throw new CommandFailedException(pinRefused(e));
        }
    }

    /** The engine says why it refused a pin as data; the caseworker gets the rule in their own language. */
    CommandFailure pinRefused(PinRefusedException refused) {
        switch (refused.reason()) {
            case HARD_RULE:
                return CommandFailure.RuleBroken.of("municipality", "error.allocation.pinRefused.rule",
                        new DefaultMessageSourceResolvable(new String[] {"pin.rule." + refused.rule(), "pin.rule.other"},
                                null, (String) null));
            case PLACES_EXCEEDED:
                return CommandFailure.RuleBroken.of("municipality", "error.allocation.pinRefused.places",
                        municipalities.name(refused.municipality()));
            case LARGE_DWELLINGS_EXCEEDED:
                return CommandFailure.RuleBroken.of("municipality", "error.allocation.pinRefused.dwellings",
                        municipalities.name(refused.municipality()));
            case CONFLICTING_GROUP:
                return CommandFailure.RuleBroken.of("municipality", "error.allocation.pinRefused.group");
            default:
                break;
        }
        return CommandFailure.RuleBroken.of("municipality", "error.allocation.pinRefused.other");
    }

    private long run(Actor actor, List<CaseSummary> households, Map<String, String> pins, Map<Long, String> first) {
        AllocationPolicy policy = policies.current();
        LocalDate today = LocalDate.now(clock);
        RoundBuilder.Round round = rounds.buildRound("round-" + today, households, today, policy);
        Instance instance = round.instance();
        AllocationExplanations.RoundExplainer explaining = explanations.forRound(round, policy.toEngine());
        AllocationResult result = engine.solve(instance, policy.toEngine(),
                Options.defaults().withSeed(today.toEpochDay()).withTimeLimit(timeLimit).withPins(pins));
        OffsetDateTime now = OffsetDateTime.now(clock);
        long runId = jdbc.sql("""
                insert into allocation_run (policy_id, status, households, assigned, objective, upper_bound, gap_percent, seconds,
                    created_at, created_by)
                values (:policy, 'DRAFT', :h, :a, :obj, :ub, :gap, :s, :now, :by) returning id
                """)
                .param("policy", policy.id()).param("h", households.size()).param("a", result.assignment().size())
                .param("obj", result.objective()).param("ub", result.upperBound()).param("gap", result.gapPercent())
                .param("s", result.seconds()).param("now", now).param("by", actor.username())
                .query(Long.class).single();
        // One statement for all items: a run of 1,000 households is stored in one round trip.
        int n = households.size();
        Long[] ids = new Long[n];
        String[] ms = new String[n];
        Boolean[] pinned = new Boolean[n];
        Double[] scores = new Double[n];
        String[] stored = new String[n];
        String[] codes = new String[n];
        String[] reasons = new String[n];
        String[] firsts = new String[n];
        for (int k = 0; k < n; k++) {
            CaseSummary c = households.get(k);
            String key = String.valueOf(c.id());
            Explanation e = result.explanations().get(key);
            UnassignedReason r = result.unassigned().get(key);
            ids[k] = c.id();
            ms[k] = result.assignment().get(key);
            pinned[k] = pins.containsKey(key);
            scores[k] = e == null ? null : e.score();
            stored[k] = e == null ? null : explaining.store(key, e);
            codes[k] = r == null ? null : r.code().name();
            reasons[k] = r == null ? null : r.message();
            firsts[k] = first.containsKey(c.id()) ? first.get(c.id()) : ms[k];
        }
        jdbc.sql("""
                insert into allocation_run_item (run_id, case_id, municipality_number, pinned, score, explanation,
                    unassigned_code, unassigned_reason, first_municipality)
                select :run, u.case_id, u.m, u.pinned, u.score, u.explanation, u.code, u.reason, u.first
                from unnest(cast(:ids as bigint[]), cast(:ms as text[]), cast(:pinned as boolean[]), cast(:scores as float8[]),
                            cast(:stored as text[]), cast(:codes as text[]), cast(:reasons as text[]), cast(:firsts as text[]))
                     as u(case_id, m, pinned, score, explanation, code, reason, first)
                """)
                .param("run", runId).param("ids", ids).param("ms", ms).param("pinned", pinned).param("scores", scores)
                .param("stored", stored).param("codes", codes).param("reasons", reasons).param("firsts", firsts)
                .update();
        return runId;
    }

    public Optional<AllocationRun> find(long runId) {
        return jdbc.sql("""
                select id, policy_id, status, households, assigned, objective, upper_bound, gap_percent, seconds, created_at, created_by
                from allocation_run where id = :id
                """)
                .param("id", runId)
                .query((rs, n) -> new AllocationRun(rs.getLong("id"), policies.find(rs.getLong("policy_id")).orElseThrow(),
                        rs.getString("status"), rs.getInt("households"), rs.getInt("assigned"), rs.getDouble("objective"),
                        rs.getDouble("upper_bound"), rs.getDouble("gap_percent"), rs.getDouble("seconds"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), items(runId)))
                .optional();
    }

    private List<AllocationRun.Item> items(long runId) {
        return jdbc.sql("""
                select i.case_id, c.reference, c.household_type, c.persons, c.unaccompanied_minor, c.permit_date,
                       i.municipality_number, i.pinned, i.score, i.explanation, i.unassigned_code, i.unassigned_reason,
                       i.first_municipality, i.sent_at is not null
                from allocation_run_item i join settlement_case c on c.id = i.case_id
                where i.run_id = :run order by i.municipality_number nulls last, c.permit_date, c.id
                """)
                .param("run", runId)
                .query((rs, n) -> new AllocationRun.Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                        java.time.temporal.ChronoUnit.DAYS.between(rs.getObject(6, LocalDate.class), LocalDate.now(clock)),
                        rs.getString(7), rs.getBoolean(8), (Double) rs.getObject(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getObject(6, LocalDate.class), rs.getString(13), rs.getBoolean(14)))
                .list();
    }

    /** Sends every household of the run that has a proposal and is not sent yet. */
    @Transactional
    public CommandResult<Integer> send(Actor actor, long runId) {
        return send(actor, runId, null);
    }

    /**
     * Sends the chosen households of the reviewed run ({@code null} = all) as one distribution list per municipality.
     * The chosen lists go, or none do: a household that is no longer ready makes the whole send fail with its reference.
     * Idempotent by the run's state: the run row is locked, households already sent from it are skipped, so a second
     * click, a double submit or a resubmit after the back button sends nothing twice (it answers 0 lists).
     */
    @Transactional
    public CommandResult<Integer> send(Actor actor, long runId, java.util.Set<Long> chosen) {
        if (!actor.is(Role.AGENCY_CASEWORKER)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        AllocationRun run = jdbc.sql("select id from allocation_run where id = :id for update").param("id", runId)
                .query(Long.class).optional().flatMap(this::find).orElse(null);
        if (run == null) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.allocation.notFound", runId));
        }
        if ("SENT".equals(run.status())) {
            return CommandResult.ok(0);
        }
        if (!run.draft()) {
            return CommandResult.fail(CommandFailure.WrongState.of(run.status(), "error.allocation.notDraft"));
        }
        Map<String, List<AllocationRun.Item>> byMunicipality = run.items().stream()
                .filter(i -> i.municipalityNumber() != null && !i.sent() && (chosen == null || chosen.contains(i.caseId())))
                .collect(Collectors.groupingBy(AllocationRun.Item::municipalityNumber, java.util.TreeMap::new, Collectors.toList()));
        int lists = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Map.Entry<String, List<AllocationRun.Item>> e : byMunicipality.entrySet()) {
            Map<Long, String> stored = new java.util.HashMap<>();
            // The structured explanation (with the policy version) goes along, so it can be worded later in any language.
            e.getValue().forEach(i -> stored.put(i.caseId(), i.explanation()));
            List<Long> ids = e.getValue().stream().map(AllocationRun.Item::caseId).toList();
            CommandResult<Long> sent = proposals.sendList(actor, e.getKey(), ids,
                    null, new Proposals.Basis(runId, run.policy().name(), run.policy().version(), stored));
            if (!sent.isSuccess()) {
                throw new CommandFailedException(sent.failure());
            }
            jdbc.sql("update allocation_run_item set sent_at = :now where run_id = :run and case_id in (:ids)")
                    .param("now", now).param("run", runId).param("ids", ids).update();
            lists++;
        }
        // The run is sent when every household with a proposal has gone; until then the rest can still be sent.
        jdbc.sql("""
                update allocation_run set status = 'SENT', sent_at = :now, sent_by = :by where id = :id and not exists (
                    select 1 from allocation_run_item i where i.run_id = :id and i.municipality_number is not null and i.sent_at is null)
                """)
                .param("now", now).param("by", actor.username()).param("id", runId).update();
        return CommandResult.ok(lists);
    }
}
