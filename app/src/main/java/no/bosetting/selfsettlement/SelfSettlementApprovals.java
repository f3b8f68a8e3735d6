package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency's decision on a forwarded request: approval, which makes the settlement decisions against the
 * municipality's decided number exactly like an accepted proposal (under the same row locks), or refusal with a reason.
 */
@Service
public class SelfSettlementApprovals {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RequestTransitions transitions;
    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final SettlementDecisions decisions;
    private final Municipalities municipalities;
    private final SelfSettlementSettings settings;
    private final SelfSettlementWindows windows;
    private final SelfSettlementRequests requests;

    SelfSettlementApprovals(JdbcClient jdbc, Clock clock, RequestTransitions transitions, CaseQueries cases,
                            CaseCommands caseCommands, SettlementDecisions decisions,
                            Municipalities municipalities, SelfSettlementSettings settings, SelfSettlementWindows windows,
                            SelfSettlementRequests requests) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transitions = transitions;
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.decisions = decisions;
        this.municipalities = municipalities;
        this.settings = settings;
        this.windows = windows;
        this.requests = requests;
    }

    /**
     * The agency approves a forwarded request in the requested municipality, or in a neighbouring one
     * when the requested municipality is full. In one transaction: the capacity decision is locked, the
     * ASB cap and the decided number are checked, the case goes to OFFERED and the settlement decisions
     * take the places (planned date = lease start, or today when the lease has already started).
     *
     * <p>One error channel: a failure found before anything is written is returned; from the case's move to OFFERED
     * on, every failure is thrown ({@link CommandFailedException}), so the transaction rolls back whole.
     */
    @Transactional
    public CommandResult<RequestStatus> approve(Actor actor, long id, String municipalityNumber, String note) {
        CommandResult<SelfSettlementRequest> locked = transitions.lock(actor, id, SelfSettlementCommand.APPROVE);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        SelfSettlementRequest r = locked.value();
        String target = municipalityNumber == null || municipalityNumber.isBlank() ? r.municipalityNumber() : municipalityNumber.trim();
        boolean neighbour = !target.equals(r.municipalityNumber());
        CaseSummary c = cases.summaryForSystem(r.caseId()).orElseThrow();
        Optional<CommandFailure> refused = approvalProblem(r, target, neighbour, c);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate planned = r.leaseStart().isBefore(today) ? today : r.leaseStart();
        int year = planned.getYear();
        String reason = "Avtalt selvbosetting godkjent i " + municipalities.name(target)
                + (neighbour ? " (nabokommune, " + municipalities.name(r.municipalityNumber()) + " er full)" : "")
                + (note == null || note.isBlank() ? "" : ": " + note.trim());
        // From here on every failure is thrown. The case row is locked first (as an acceptance does), then the capacity
        // decision: the same order everywhere, so concurrent approvals and acceptances wait for each other.
        CommandResult<CaseStatus> moved = caseCommands.approveSelfSettlement(r.caseId(), actor, target, reason);
        if (!moved.isSuccess()) {
            throw new CommandFailedException(moved.failure());
        }
        // The places are taken by the one place rule in the offer, under the decision's lock, which is held from here on;
        // its refusal is named on the municipality field.
        Map<Long, LocalDate> dates = new HashMap<>();
        for (Long person : cases.personIds(r.caseId())) {
            dates.put(person, planned);
        }
        CommandResult<List<Long>> offered = decisions.offer(r.caseId(), null, target, dates, actor, null);
        if (!offered.isSuccess()) {
            throw new CommandFailedException(offered.failure() instanceof CommandFailure.RuleBroken broken
                    && "capacity".equals(broken.field())
                    ? new CommandFailure.RuleBroken("municipalityNumber", broken.messageKey(), broken.args()) : offered.failure());
        }
        // The ASB share of the decided number (a self-settlement rule, not a count of places): asked under the same lock.
        Integer decided = decisions.placesUsed(target, year).decided();
        int cap = settings.find(target).orElseThrow().capFor(decided == null ? 0 : decided);
        int asbUsed = requests.approvedPersons(target, year);
        if (asbUsed + c.persons() > cap) {
            throw new CommandFailedException(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.capReached",
                    municipalities.name(target), year, cap, asbUsed, c.persons()));
        }
        jdbc.sql("""
                update self_settlement_request set approved_municipality = :m, approved_persons = :p, place_year = :y,
                    decided_at = :now, decided_by = :by where id = :id
                """)
                .param("m", target).param("p", c.persons()).param("y", year).param("now", OffsetDateTime.now(clock))
                .param("by", actor.username()).param("id", id).update();
        transitions.apply(actor, r, SelfSettlementCommand.APPROVE, reason);
        windows.closeFor(r.caseId(), actor, "APPROVED");
        transitions.notifyMunicipality(target, Wording.of("selfsettlement.notice.approved.subject"),
                Wording.of("selfsettlement.notice.approved.body", r.caseReference(), municipalities.name(target), Wording.date(planned)),
                r.caseId());
        return CommandResult.ok(RequestStatus.APPROVED);
    }

    /** The agency refuses a forwarded request, with a reason. */
    @Transactional
    public CommandResult<RequestStatus> refuseByAgency(Actor actor, long id, RefusalReason reason, String text) {
        return transitions.refuse(actor, id, SelfSettlementCommand.AGENCY_REFUSE, reason, text);
    }

    /** The approval's own rules, checked before anything is written: the municipality, and the household's case. */
    private Optional<CommandFailure> approvalProblem(SelfSettlementRequest r, String target, boolean neighbour, CaseSummary c) {
        if (neighbour && !municipalities.neighbours(r.municipalityNumber()).contains(target)) {
            return Optional.of(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.notNeighbour",
                    municipalities.name(target), municipalities.name(r.municipalityNumber())));
        }
        if (!settings.accepts(target)) {
            return Optional.of(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.notAccepting",
                    municipalities.name(target)));
        }
        if (c.status() == CaseStatus.PROPOSED) {
            return Optional.of(CommandFailure.WrongState.of(c.status().name(), "selfsettlement.error.openProposal", c.reference()));
        }
        if (c.status() == CaseStatus.OFFERED || c.status() == CaseStatus.SETTLED) {
            return Optional.of(CommandFailure.WrongState.of(c.status().name(), "selfsettlement.error.alreadyAllocated", c.reference()));
        }
        return Optional.empty();
    }
}
