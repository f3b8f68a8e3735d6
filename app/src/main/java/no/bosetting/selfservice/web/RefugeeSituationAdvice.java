package no.bosetting.selfservice.web;

import jakarta.servlet.http.HttpServletRequest;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.selfservice.MyCaseGuidance;
import no.bosetting.selfservice.RefugeeSituation;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every refugee page under {@code /min-side} the household's situation ({@link MyCaseGuidance}), so the
 * application and self-settlement pages (other modules' templates) tell a household that already has an offer what
 * applies to it instead of "the deadline has passed" (issue 16 point 3).
 */
@ControllerAdvice
class RefugeeSituationAdvice {

    private final RefugeeSituation situation;

    RefugeeSituationAdvice(RefugeeSituation situation) {
        this.situation = situation;
    }

    @ModelAttribute("refugeeSituation")
    MyCaseGuidance refugeeSituation(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/min-side/")) {
            return null;
        }
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null || actor.role() != Role.REFUGEE) {
            return null;
        }
        return situation.forRefugee(actor).orElse(null);
    }
}
