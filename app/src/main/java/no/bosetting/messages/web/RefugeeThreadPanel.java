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
import no.bosetting.messages.ThreadRef;
import no.bosetting.messages.ThreadView;
import org.springframework.stereotype.Component;

/**
 * The household's own thread with the agency on the case page (issue 16 point 2): the latest messages from Min side
 * and the agency's answers, the unread count and a reply form. Agency staff only; the case page has logged the read.
 */
@Component
class RefugeeThreadPanel implements CasePanel {

    static final int SHOWN = 5;

    private final MessageThreads threads;
    private final ThreadMessages messages;

    RefugeeThreadPanel(MessageThreads threads, ThreadMessages messages) {
        this.threads = threads;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (!actor.isAgency()) {
            return Optional.empty();
        }
        return threads.refugeeThreadToRead(summary.id(), actor).map(ref -> new View("messages/refugee-panel", model(ref, actor)));
    }

    Map<String, Object> model(ThreadRef ref, Actor actor) {
        ThreadView thread = messages.view(ref, actor);
        List<MessageView> all = thread.messages();
        return Map.of(
                "caseId", ref.caseId(),
                "latest", all.subList(Math.max(0, all.size() - SHOWN), all.size()),
                "total", all.size(),
                "unread", messages.unread(ref, actor),
                "lastRead", thread.lastReadMessageId(),
                "maxBody", ThreadMessages.MAX_BODY);
    }
}
