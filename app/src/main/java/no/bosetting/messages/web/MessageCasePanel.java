package no.bosetting.messages.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.MessageView;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.messages.ThreadView;
import org.springframework.stereotype.Component;

/** The case's thread on the case page: the latest messages and a way to write. */
@Component
class MessageCasePanel implements CasePanel {

    static final int SHOWN = 3;

    private final MessageThreads threads;
    private final ThreadMessages messages;

    MessageCasePanel(MessageThreads threads, ThreadMessages messages) {
        this.threads = threads;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (!actor.isAgency() && !actor.isMunicipality(summary.settlementMunicipality())) {
            return Optional.empty();
        }
        if (threads.involvedMunicipalities(summary.id()).isEmpty() && threads.existingCaseThread(summary.id(), null, actor).isEmpty()) {
            return Optional.empty();
        }
        Optional<ThreadView> thread = threads.existingCaseThread(summary.id(), null, actor).map(ref -> messages.view(ref, actor));
        List<MessageView> latest = thread.map(t -> t.messages().subList(Math.max(0, t.messages().size() - SHOWN), t.messages().size()))
                .orElse(List.of());
        long unread = thread.map(t -> t.messages().stream()
                .filter(m -> m.id() > t.lastReadMessageId() && m.side().name().equals(actor.isAgency() ? "MUNICIPALITY" : "AGENCY"))
                .count()).orElse(0L);
        return Optional.of(new View("messages/panel", Map.of(
                "caseId", summary.id(),
                "latest", latest,
                "total", thread.map(t -> t.messages().size()).orElse(0),
                "unread", unread,
                "municipalityNumber", thread.map(t -> t.ref().municipalityNumber()).orElse(""))));
    }
}
