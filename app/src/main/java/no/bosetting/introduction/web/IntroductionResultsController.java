package no.bosetting.introduction.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.introduction.IntroductionResults;
import no.bosetting.introduction.ModelCard;
import no.bosetting.introduction.OutcomeFeatures;
import no.bosetting.introduction.OutcomeModels;
import no.bosetting.introduction.OutcomeCategory;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme's results: the agency's national and per-municipality table and the public share in work or education
 * per municipality, both under the small-cell rule; and the outcome model's card with the administrator's retrain
 * button.
 */
@Controller
class IntroductionResultsController {

    private final IntroductionResults results;
    private final OutcomeModels models;
    private final Messages messages;

    IntroductionResultsController(IntroductionResults results, OutcomeModels models, Messages messages) {
        this.results = results;
        this.models = models;
        this.messages = messages;
    }

    @GetMapping("/statistikk/introduksjon")
    String agency(@RequestParam(required = false) Integer year, @RequestParam Map<String, String> query, Model model,
                  HttpServletRequest request) {
        if (!CurrentActor.get().isAgency()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return populate(year, query, model, false, request);
    }

    @GetMapping("/offentlig/introduksjon")
    String publicResults(@RequestParam(required = false) Integer year, @RequestParam Map<String, String> query, Model model,
                         HttpServletRequest request) {
        return populate(year, query, model, true, request);
    }

    private String populate(Integer year, Map<String, String> query, Model model, boolean publicView, HttpServletRequest request) {
        if (!results.answersFor(year)) {
            // Years as text: a number argument would be written "1 990" in Norwegian.
            no.bosetting.shared.web.ErrorExplanation.attach(request, "introduction.error.year",
                    String.valueOf(IntroductionResults.FIRST_YEAR), String.valueOf(results.lastYear()), String.valueOf(year));
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Map<String, String> filters = year == null ? Map.of() : Map.of("year", String.valueOf(year));
        model.addAttribute("results", results.results(year, PageRequest.read(query, IntroductionResults.ORDER, "name"), filters));
        model.addAttribute("years", results.years());
        model.addAttribute("year", year);
        model.addAttribute("statuses", OutcomeCategory.values());
        model.addAttribute("publicView", publicView);
        model.addAttribute("basePath", publicView ? "/offentlig/introduksjon" : "/statistikk/introduksjon");
        return "introduction/results";
    }

    @GetMapping("/statistikk/introduksjon/modell")
    String card(Model model) {
        requireAdmin();
        model.addAttribute("card", models.current().orElse(null));
        model.addAttribute("features", OutcomeFeatures.NAMES);
        model.addAttribute("minPersons", OutcomeModels.MIN_PERSONS);
        return "introduction/model";
    }

    @PostMapping("/statistikk/introduksjon/modell")
    String retrain(RedirectAttributes redirect) {
        Actor actor = requireAdmin();
        CommandResult<ModelCard> result = CommandResult.attempt(() -> models.train(actor));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("introduction.model.trained"));
        } else {
            redirect.addFlashAttribute("failure", messages.of(result.failure()));
        }
        return "redirect:/statistikk/introduksjon/modell";
    }

    private static Actor requireAdmin() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.AGENCY_ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return actor;
    }
}
