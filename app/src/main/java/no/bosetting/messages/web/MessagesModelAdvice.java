package no.bosetting.messages.web;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.messages.MessageThreads;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count on the "Meldinger" navigation item, for the agency and municipality officers. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class MessagesModelAdvice {

    private final MessageThreads threads;

    MessagesModelAdvice(MessageThreads threads) {
        this.threads = threads;
    }

    @ModelAttribute("messagesUnread")
    Long messagesUnread() {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null || !(actor.isAgency() || actor.is(Role.MUNICIPALITY_OFFICER))) {
            return null;
        }
        return threads.unreadTotal(actor);
    }
}
