package no.bosetting.grants.web;

import java.util.Map;

import no.bosetting.access.CurrentActor;
import no.bosetting.grants.AdditionalGrants;
import no.bosetting.grants.GrantRates;
import no.bosetting.grants.GrantSchedules;
import no.bosetting.grants.GrantViews;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's grant pages: the national sums and forecast, any municipality's grants and any person's schedule. */
@Controller
class GrantAgencyController {

    private final GrantViews views;
    private final GrantSchedules schedules;
    private final GrantPageSupport support;
    private final Municipalities municipalities;
    private final Messages messages;
    private final AdditionalGrants additional;

    GrantAgencyController(GrantViews views, GrantSchedules schedules, GrantPageSupport support, Municipalities municipalities, Messages messages,
                          AdditionalGrants additional) {
        this.additional = additional;
        this.views = views;
        this.schedules = schedules;
        this.support = support;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    @GetMapping("/tilskudd")
    String national(@RequestParam(required = false) String kommune, Model model) {
        if (kommune != null && municipalities.find(kommune.trim()).isPresent()) {
            return "redirect:/tilskudd/kommuner/" + kommune.trim();
        }
        int first = views.firstYear();
        model.addAttribute("sums", views.nationalYears(first - 2, first + GrantViews.YEARS - 1));
        model.addAttribute("forecast", views.forecast(PlanningScenario.Kind.EXPECTED));
        model.addAttribute("years", GrantPageSupport.years(first));
        model.addAttribute("missingRates", views.missingRates(null, first));
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("canEdit", GrantRates.mayEdit(CurrentActor.get()));
        return "grants/national";
    }

    @PostMapping("/tilskudd/beregn")
    String recompute(RedirectAttributes redirect) {
        if (!GrantRates.mayEdit(CurrentActor.get())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        int changed = schedules.refreshAll("RECOMPUTE");
        redirect.addFlashAttribute("success", messages.get("grants.national.recomputed", changed));
        return "redirect:/tilskudd";
    }

    @GetMapping("/tilskudd/kommuner/{number}")
    String municipality(@PathVariable String number, @RequestParam Map<String, String> query, Model model) {
        known(number);
        return support.municipalityPage(model, CurrentActor.get(), number, query, "/tilskudd/kommuner/" + number, "/tilskudd/personer/");
    }

    @GetMapping("/tilskudd/kommuner/{number}/eksport.csv")
    ResponseEntity<byte[]> csv(@PathVariable String number) {
        known(number);
        return GrantPageSupport.csv(support.municipalityTable(number, CurrentActor.get()), "tilskudd-" + number + ".csv");
    }

    @GetMapping("/tilskudd/kommuner/{number}/eksport.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String number) {
        known(number);
        return GrantPageSupport.xlsx(support.municipalityTable(number, CurrentActor.get()), "tilskudd-" + number + ".xlsx");
    }

    @GetMapping("/tilskudd/personer/{personId}")
    String person(@PathVariable long personId, Model model) {
        model.addAttribute("back", "/tilskudd");
        return support.personPage(model, CurrentActor.get(), personId, null).orElseThrow();
    }

    /** The planner or administrator grants the disability grant to a settled person; errors come back next to their fields. */
    @PostMapping("/tilskudd/personer/{personId}/nedsatt-funksjonsevne")
    String grantDisability(@PathVariable long personId, @RequestParam java.util.Map<String, String> params, Model model,
                           RedirectAttributes redirect) {
        if (!GrantRates.mayEdit(CurrentActor.get())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        no.bosetting.shared.web.FormReader reader = new no.bosetting.shared.web.FormReader(params);
        java.time.LocalDate on = reader.date("grantedOn");
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>(reader.errors(messages));
        if (errors.isEmpty()) {
            no.bosetting.shared.CommandResult<AdditionalGrants.Granted> result = no.bosetting.shared.CommandResult.attempt(() ->
                    additional.grantDisability(CurrentActor.get(), personId, on, reader.text("reason")));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("grants.disability.granted"));
                return "redirect:/tilskudd/personer/" + personId;
            }
            errors.putAll(messages.byField(result.failure()));
            if (errors.containsKey("")) {
                errors.put("grantedOn", errors.remove(""));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", params);
        return person(personId, model);
    }

    private void known(String number) {
        if (municipalities.find(number).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
