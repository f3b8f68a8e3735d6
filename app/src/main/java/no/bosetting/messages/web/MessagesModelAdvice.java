package no.bosetting.messages.web;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.messages.MessageInbox;
import no.bosetting.shared.web.LazyModel;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/** The unread count on the "Meldinger" navigation item, for the agency and municipality officers. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class MessagesModelAdvice {

    private final MessageInbox inbox;

    MessagesModelAdvice(MessageInbox inbox) {
        this.inbox = inbox;
    }

    /** Counted only when the page's navigation shows it (shared.web.LazyModel). */
    @ModelAttribute("messagesUnread")
    LazyContextVariable<Long> messagesUnread() {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null || !(actor.isAgency() || actor.is(Role.MUNICIPALITY_OFFICER))) {
            return LazyModel.of(() -> null);
        }
        return LazyModel.of(() -> inbox.unreadTotal(actor));
    }
}
