package no.bosetting.deadlines.web;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.deadlines.WorkItems;
import no.bosetting.shared.web.LazyModel;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/** The number of open work items behind "Oppgaver" in the navigation of every staff page. */
@ControllerAdvice(annotations = Controller.class)
class WorkItemCountAdvice {

    private final WorkItems workItems;

    public WorkItemCountAdvice(WorkItems workItems) {
        this.workItems = workItems;
    }

    /** Counted only when the page's navigation shows it (shared.web.LazyModel). */
    @ModelAttribute("openWorkItems")
    LazyContextVariable<Long> openWorkItems() {
        java.util.Optional<Actor> staff = CurrentActor.find().filter(a -> a.role().isStaff());
        return LazyModel.of(() -> staff.map(workItems::openCount).orElse(null));
    }
}
