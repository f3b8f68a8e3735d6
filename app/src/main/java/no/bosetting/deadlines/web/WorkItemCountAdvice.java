package no.bosetting.deadlines.web;

import no.bosetting.access.CurrentActor;
import no.bosetting.deadlines.WorkItems;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of open work items behind "Oppgaver" in the navigation of every staff page. */
@ControllerAdvice(annotations = Controller.class)
class WorkItemCountAdvice {

    private final WorkItems workItems;

    public WorkItemCountAdvice(WorkItems workItems) {
        this.workItems = workItems;
    }

    @ModelAttribute("openWorkItems")
    Long openWorkItems() {
        return CurrentActor.find().filter(a -> a.role().isStaff()).map(workItems::openCount).orElse(null);
    }
}
