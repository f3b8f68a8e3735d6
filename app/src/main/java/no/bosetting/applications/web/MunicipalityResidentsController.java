package no.bosetting.applications.web;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The municipality's view of households living privately or in AMOT/MAMOT in its area once they are
 * in the settlement flow: anonymised (no names, no identifiers), so no access log.
 */
@Controller
class MunicipalityResidentsController {

    private final CaseQueries cases;

    MunicipalityResidentsController(CaseQueries cases) {
        this.cases = cases;
    }

    @GetMapping("/kommune/i-kommunen")
    String residents(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("households", cases.livingOutsideReceptionIn(actor.municipalityNumber()));
        return "applications/in-municipality";
    }
}
