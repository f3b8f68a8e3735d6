package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.HistoryTable;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseCommands;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every command on a request does the same way: lock the request and guard the command in the one order (found
 * in the actor's scope → permitted → in a state it applies to), move the request and write its history and a line in
 * the case history, refuse with a reason (the municipality and the agency alike), and tell the municipality's officers.
 * The commands' own rules are their parts' business.
 */
@Component
class RequestTransitions {

    static final HistoryTable HISTORY = new HistoryTable("self_settlement_request_history", "request_id");
    static final String NOT_FOUND = "selfsettlement.error.notFound";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SelfSettlementRequests requests;
    private final CaseCommands caseCommands;
    private final Municipalities municipalities;
    private final UserAccounts users;
    private final Outbox outbox;
    private final no.bosetting.shared.Words words;

    RequestTransitions(JdbcClient jdbc, Clock clock, SelfSettlementRequests requests, CaseCommands caseCommands,
                       Municipalities municipalities, UserAccounts users, Outbox outbox,
                       no.bosetting.shared.Words words) {
        this.words = words;
        this.jdbc = jdbc;
        this.clock = clock;
        this.requests = requests;
        this.caseCommands = caseCommands;
        this.municipalities = municipalities;
        this.users = users;
        this.outbox = outbox;
    }

    /**
     * Locks the request until the transaction ends and guards the command; returns the request as locked, or the first
     * failure (an id outside the actor's scope reads as not found). Writes nothing.
     */
    CommandResult<SelfSettlementRequest> lock(Actor actor, long id, SelfSettlementCommand command) {
        Optional<SelfSettlementRequest> locked = jdbc.sql("select id from self_settlement_request where id = :id for update")
                .param("id", id).query(Long.class).optional()
                .flatMap(x -> requests.find(actor, id));
        Optional<CommandFailure> refused = command.guard(actor, locked.map(SelfSettlementRequest::status), NOT_FOUND, id);
        return refused.isPresent() ? CommandResult.fail(refused.get()) : CommandResult.ok(locked.get());
    }

    /**
     * Applies the command to a locked request: a request that leaves the open states is closed, the status moves to the
     * command's target, and the request's history and the case history get a line each.
     */
    void apply(Actor actor, SelfSettlementRequest r, SelfSettlementCommand command, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        RequestStatus from = jdbc.sql("select status from self_settlement_request where id = :id").param("id", r.id())
                .query((rs, n) -> RequestStatus.valueOf(rs.getString(1))).single();
        RequestStatus to = command.next(from);
        jdbc.sql("""
                update self_settlement_request set status = :s, updated_at = :now, updated_by = :by, version = version + 1,
                    closed_at = case when :closes then :now else closed_at end
                where id = :id
                """)
                .param("s", to.name()).param("now", now).param("by", actor.username()).param("closes", from.isOpen() && !to.isOpen())
                .param("id", r.id()).update();
        HISTORY.append(jdbc, clock, r.id(), actor, command, from, to, reason);
        caseCommands.note(r.caseId(), actor, "SELF_SETTLEMENT_" + command.name(),
                "Avtalt selvbosetting " + municipalities.name(r.municipalityNumber()) + ": " + words.nb("selfsettlement.status.", from) + " → " + words.nb("selfsettlement.status.", to)
                        + (reason == null ? "" : " (" + reason + ")"));
    }

    /** A history line for a command that is not a transition of an existing request (the registration). */
    void record(Actor actor, long id, String command, RequestStatus from, RequestStatus to, String reason) {
        HISTORY.append(jdbc, clock, id, actor, command, from, to, reason);
    }

    /** A history line only, for a command that leaves the status as it is (a saved checklist). */
    void record(Actor actor, SelfSettlementRequest r, SelfSettlementCommand command, RequestStatus status, String reason) {
        HISTORY.append(jdbc, clock, r.id(), actor, command, status, command.next(status), reason);
    }

    /**
     * A refusal by the municipality or the agency ({@code command}), with a reason code and, for "other", a text: the
     * reason and who decided are stored with the request, which is then refused.
     */
    CommandResult<RequestStatus> refuse(Actor actor, long id, SelfSettlementCommand command, RefusalReason reason, String text) {
        CommandResult<SelfSettlementRequest> locked = lock(actor, id, command);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        if (reason == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("refusalReason", "selfsettlement.error.reason.required"));
        }
        String t = text == null || text.isBlank() ? null : text.trim();
        if (reason == RefusalReason.OTHER && t == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("refusalText", "selfsettlement.error.reason.text"));
        }
        jdbc.sql("""
                update self_settlement_request set refusal_reason = :r, refusal_text = :t, decided_at = :now, decided_by = :by
                where id = :id
                """)
                .param("r", reason.name()).param("t", t).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("id", id).update();
        apply(actor, locked.value(), command, "Avslått: " + words.nb("selfsettlement.reason.", reason) + (t == null ? "" : " – " + t));
        return CommandResult.ok(command.target());
    }

    void notifyMunicipality(String municipalityNumber, Wording subject, Wording body, long caseId) {
        for (String officer : users.usernamesForMunicipality(municipalityNumber)) {
            outbox.enqueue("NOTIFICATION", officer, subject, body, caseId);
        }
    }
}
