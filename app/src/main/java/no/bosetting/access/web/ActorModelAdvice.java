package no.bosetting.access.web;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in actor in every page's model, for the navigation and role-dependent actions. */
@ControllerAdvice(annotations = Controller.class)
class ActorModelAdvice {

    @ModelAttribute("actor")
    Actor actor() {
        return CurrentActor.find().orElse(null);
    }
}
