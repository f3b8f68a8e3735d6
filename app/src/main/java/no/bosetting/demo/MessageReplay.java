package no.bosetting.demo;

import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.messages.ThreadRef;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;

/** Replays messages in a municipality's general thread or a household's case thread. */
final class MessageReplay {

    private final DemoReplay replay;
    private final MessageThreads threads;
    private final ThreadMessages messages;

    MessageReplay(DemoReplay replay) {
        this.replay = replay;
        this.threads = replay.commands.messageThreads();
        this.messages = replay.commands.messages();
    }

    /**
     * Posts the message, first naming the municipality's contact or taking the thread for the agency when the
     * event says so. A message about a case is posted only while the case goes on.
     */
    void post(DemoPlan.PostMessage e) {
        if (e.household() != null && !replay.caseGoesOn(e.household())) {
            return;
        }
        // A case thread is with the municipality that has the household now, which may not be the planned one.
        String municipality = e.household() == null ? e.municipalityNumber()
                : replay.offeringMunicipality(e.household(), e.municipalityNumber());
        Actor actor = e.fromMunicipality() ? replay.officer(municipality) : replay.caseworker();
        CommandResult<Long> r = replay.command(() -> {
            Optional<ThreadRef> ref = e.household() == null ? threads.municipalityThread(municipality, actor)
                    : threads.caseThread(replay.caseId(e.household()), municipality, actor);
            if (ref.isEmpty()) {
                return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", municipality));
            }
            if (e.contactName() != null) {
                CommandResult<Void> contact = e.fromMunicipality()
                        ? threads.setMunicipalityContact(ref.get(), actor, e.contactName(), e.contactPhone(),
                                actor.username() + "@bosetting.test")
                        : threads.takeAsAgencyContact(ref.get(), actor);
                if (!contact.isSuccess()) {
                    throw new CommandFailedException(contact.failure());
                }
            }
            return messages.post(ref.get(), actor, e.body(), List.of());
        });
        replay.check(e, r);
    }
}
