package no.bosetting.selfservice;

import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A refugee tells the agency they want to decline the offer or have a question. It is a message in the household's
 * thread with the agency (the agency answers there, issue 16 point 2) and a note in the case history, never a status
 * change. The thread tells the agency's contact (or every caseworker); "I want to decline" also tells every caseworker
 * in its own words, as it asks them to act.
 */
@Service
public class RefugeeMessages {

    public static final int MAX_LENGTH = 1000;

    public enum Kind { QUESTION, WANTS_TO_DECLINE }

    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final Outbox outbox;
    private final UserAccounts users;
    private final MessageThreads threads;
    private final ThreadMessages threadMessages;

    public RefugeeMessages(CaseQueries cases, CaseCommands caseCommands, Outbox outbox, UserAccounts users,
                           MessageThreads threads, ThreadMessages threadMessages) {
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.outbox = outbox;
        this.users = users;
        this.threads = threads;
        this.threadMessages = threadMessages;
    }

    @Transactional
    public CommandResult<Long> send(Actor actor, Kind kind, String text) {
        if (actor.role() != Role.REFUGEE || actor.dufNumber().isEmpty()) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (kind == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("kind", "self.error.kind"));
        }
        if (text == null || text.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("text", "self.error.text"));
        }
        if (text.length() > MAX_LENGTH) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("text", "error.text.tooLong", MAX_LENGTH));
        }
        // The refugee's own case only: the scoped query returns nothing for anyone else's.
        Optional<CaseSummary> own = cases.caseIdForDuf(actor.dufNumber().get()).flatMap(id -> cases.summary(id, actor));
        if (own.isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("text", "self.error.noCase"));
        }
        CaseSummary c = own.get();
        if (kind == Kind.WANTS_TO_DECLINE && !CaseCommand.DECLINE_OFFER.appliesTo(c.status())) {
            // Only while there is an offer to decline (issue 16 point 3).
            return CommandResult.fail(CommandFailure.RuleBroken.of("kind", "self.error.noOfferToDecline"));
        }
        String label = kind == Kind.WANTS_TO_DECLINE ? "Ønsker å takke nei til tilbudet" : "Spørsmål fra flyktningen";
        caseCommands.note(c.id(), actor, kind == Kind.WANTS_TO_DECLINE ? "REFUGEE_WANTS_TO_DECLINE" : "REFUGEE_QUESTION",
                label + ": " + text.trim());
        CommandResult<Long> posted = threads.refugeeThreadToRead(c.id(), actor)
                .map(ref -> threadMessages.post(ref, actor, text.trim(), List.of()))
                .orElse(CommandResult.fail(CommandFailure.RuleBroken.of("text", "self.error.noCase")));
        if (!posted.isSuccess()) {
            return CommandResult.fail(posted.failure());
        }
        if (kind == Kind.WANTS_TO_DECLINE) {
            for (String caseworker : users.usernamesForRole(Role.AGENCY_CASEWORKER)) {
                outbox.enqueue("NOTIFICATION", caseworker, Wording.of("self.notice.wantsToDecline.subject", c.reference()),
                        Wording.of("self.notice.wantsToDecline.body"), c.id());
            }
        }
        return CommandResult.ok(c.id());
    }
}
