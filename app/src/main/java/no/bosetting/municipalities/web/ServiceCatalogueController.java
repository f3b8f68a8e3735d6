package no.bosetting.municipalities.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.municipalities.MunicipalService;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.municipalities.ServiceCatalogue;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
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
 * The service catalogue page (issue 23 item 1): the municipality's officer keeps its own at {@code /kommune/tjenester};
 * the agency's caseworker keeps any municipality's at {@code /fordeling/tjenester?kommune=}.
 */
@Controller
class ServiceCatalogueController {

    private final ServiceCatalogue catalogue;
    private final Municipalities municipalities;
    private final Messages messages;
    private final Clock clock;

    ServiceCatalogueController(ServiceCatalogue catalogue, Municipalities municipalities, Messages messages, Clock clock) {
        this.catalogue = catalogue;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/kommune/tjenester")
    String own(Model model) {
        Actor actor = CurrentActor.get();
        return show(ownMunicipality(actor), "/kommune/tjenester", Map.of(), Map.of(), model);
    }

    @PostMapping("/kommune/tjenester")
    String addOwn(@RequestParam Map<String, String> sent, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        return add(actor, ownMunicipality(actor), "/kommune/tjenester", sent, model, redirect);
    }

    @PostMapping("/kommune/tjenester/avslutt")
    String endOwn(@RequestParam Map<String, String> sent, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        return end(actor, ownMunicipality(actor), "/kommune/tjenester", sent, model, redirect);
    }

    @GetMapping("/fordeling/tjenester")
    String agency(@RequestParam(name = "kommune", required = false) String number, Model model) {
        Municipality m = number == null || number.isBlank() ? null : municipality(number);
        return show(m, "/fordeling/tjenester", Map.of(), Map.of(), model);
    }

    @PostMapping("/fordeling/tjenester")
    String addAgency(@RequestParam Map<String, String> sent, Model model, RedirectAttributes redirect) {
        Optional<Municipality> m = municipalities.find(sent.get("kommune"));
        return m.isEmpty() ? chooseMunicipality(model)
                : add(CurrentActor.get(), m.get(), "/fordeling/tjenester", sent, model, redirect);
    }

    @PostMapping("/fordeling/tjenester/avslutt")
    String endAgency(@RequestParam Map<String, String> sent, Model model, RedirectAttributes redirect) {
        Optional<Municipality> m = municipalities.find(sent.get("kommune"));
        return m.isEmpty() ? chooseMunicipality(model)
                : end(CurrentActor.get(), m.get(), "/fordeling/tjenester", sent, model, redirect);
    }

    /** A form sent without a known municipality: the page again, asking for one. */
    private String chooseMunicipality(Model model) {
        return show(null, "/fordeling/tjenester", Map.of(), Map.of("kommune", messages.get("error.services.municipality")), model);
    }

    private String add(Actor actor, Municipality m, String path, Map<String, String> sent, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(sent);
        MunicipalService service = r.choice("service", MunicipalService.class);
        if (service == null && !r.problems().containsKey("service")) {
            r.problem("service", "error.services.service");
        }
        LocalDate from = r.date("validFrom");
        if (from == null && !r.problems().containsKey("validFrom")) {
            r.problem("validFrom", "error.date.required");
        }
        LocalDate to = r.date("validTo");
        Map<String, String> errors = new LinkedHashMap<>(r.errors(messages));
        if (errors.isEmpty()) {
            CommandResult<Long> result = CommandResult.attempt(() -> catalogue.record(actor, m.number(), service, from, to, r.text("note")));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("services.added"));
                return redirect(path, m);
            }
            refuseUnlessRuleBroken(result.failure());
            errors.putAll(messages.byField(result.failure()));
        }
        return show(m, path, sent, errors, model);
    }

    private String end(Actor actor, Municipality m, String path, Map<String, String> sent, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(sent);
        Long entry = r.id("entryId");
        LocalDate lastDay = r.date("lastDay");
        String field = "lastDay-" + entry;
        Map<String, String> errors = new LinkedHashMap<>();
        if (entry == null) {
            return show(m, path, Map.of(), Map.of("", messages.get("error.services.notFound", "")), model);
        }
        if (lastDay == null) {
            errors.put(field, messages.get(r.problems().containsKey("lastDay") ? r.problems().get("lastDay") : "error.date.required"));
        } else {
            CommandResult<Void> result = CommandResult.attempt(() -> catalogue.end(actor, m.number(), entry, lastDay));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("services.ended"));
                return redirect(path, m);
            }
            refuseUnlessRuleBroken(result.failure());
            errors.put(field, messages.of(result.failure()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(field, sent.get("lastDay"));
        return show(m, path, values, errors, model);
    }

    private static void refuseUnlessRuleBroken(CommandFailure failure) {
        if (failure instanceof CommandFailure.NotFound || failure instanceof CommandFailure.NotAllowed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String redirect(String path, Municipality m) {
        return "redirect:" + path + (path.startsWith("/fordeling") ? "?kommune=" + m.number() : "");
    }

    private String show(Municipality m, String path, Map<String, String> values, Map<String, String> errors, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("municipality", m);
        model.addAttribute("agency", path.startsWith("/fordeling"));
        model.addAttribute("path", path);
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("entries", m == null ? java.util.List.of() : catalogue.entries(m.number()));
        model.addAttribute("services", MunicipalService.values());
        model.addAttribute("today", today);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "municipalities/services";
    }

    private Municipality ownMunicipality(Actor actor) {
        return municipality(actor.municipalityNumber());
    }

    private Municipality municipality(String number) {
        return municipalities.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
