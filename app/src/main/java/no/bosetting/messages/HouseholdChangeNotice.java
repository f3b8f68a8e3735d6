package no.bosetting.messages;

import java.util.List;

import no.bosetting.cases.HouseholdChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the municipality a case is proposed to or accepted by that its household changed: the change's anonymised
 * notice posted by the caseworker in the case's thread, in the change's transaction (so it is there exactly when the
 * change is), which notifies the municipality's officers as every message does.
 */
@Component
class HouseholdChangeNotice {

    private final MessageThreads threads;
    private final ThreadMessages messages;

    HouseholdChangeNotice(MessageThreads threads, ThreadMessages messages) {
        this.threads = threads;
        this.messages = messages;
    }

    @EventListener
    void on(HouseholdChanged change) {
        threads.caseThread(change.caseId(), null, change.actor())
                .ifPresent(ref -> messages.post(ref, change.actor(), "Endring i husstanden: " + change.notice(), List.of()).value());
    }
}
