package no.bosetting.introduction.web;

import java.util.List;

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

    static final int PAGE_SIZE = 50;

    private final IntroductionResults results;
    private final OutcomeModels models;
    private final Messages messages;

    IntroductionResultsController(IntroductionResults results, OutcomeModels models, Messages messages) {
        this.results = results;
        this.models = models;
        this.messages = messages;
    }

    /** One page of rows, with "showing a–b of n". */
    record Paged(List<IntroductionResults.Row> rows, int page, int totalPages, int from, int to, int total) {

        static Paged of(List<IntroductionResults.Row> all, int page) {
            int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            int p = Math.min(Math.max(page, 0), pages - 1);
            int from = p * PAGE_SIZE;
            int to = Math.min(all.size(), from + PAGE_SIZE);
            return new Paged(all.subList(from, to), p, pages, all.isEmpty() ? 0 : from + 1, to, all.size());
        }

        public boolean hasNext() {
            return page + 1 < totalPages;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    @GetMapping("/statistikk/introduksjon")
    String agency(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int side, Model model) {
        if (!CurrentActor.get().isAgency()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return populate(year, side, model, false);
    }

    @GetMapping("/offentlig/introduksjon")
    String publicResults(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int side, Model model) {
        return populate(year, side, model, true);
    }

    private String populate(Integer year, int side, Model model, boolean publicView) {
        IntroductionResults.Results r = results.results(year);
        model.addAttribute("results", r);
        model.addAttribute("page", Paged.of(r.municipalities(), side));
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
