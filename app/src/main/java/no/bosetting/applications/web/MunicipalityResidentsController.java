package no.bosetting.applications.web;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.HouseholdsLivingOutsideReception;
import no.bosetting.cases.MappingScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The municipality's view of households living privately or in AMOT/MAMOT in its area once they are
 * in the settlement flow: anonymised (no names, no identifiers), so no access log.
 */
@Controller
class MunicipalityResidentsController {

    private final HouseholdsLivingOutsideReception living;

    MunicipalityResidentsController(HouseholdsLivingOutsideReception living) {
        this.living = living;
    }

    @GetMapping("/kommune/i-kommunen")
    String residents(@org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> query, Model model) {
        Actor actor = CurrentActor.get();
        // Paged with the count (issue 16 point 4): in a year like 2022 a municipality has thousands living privately.
        var page = living.in(actor.municipalityNumber(),
                no.bosetting.shared.web.PageRequest.read(query, HouseholdsLivingOutsideReception.SORT, "living"));
        var households = page.items();
        model.addAttribute("result", page);
        model.addAttribute("households", households);
        // The municipality maps the private residents living in it: these it may hold the settlement interview for.
        model.addAttribute("interviewable", households.stream().filter(h -> MappingScope.sees(actor, h))
                .map(h -> h.id()).collect(java.util.stream.Collectors.toSet()));
        return "applications/in-municipality";
    }
}
