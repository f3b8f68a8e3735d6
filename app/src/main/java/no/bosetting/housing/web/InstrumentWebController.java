package no.bosetting.housing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.housing.DwellingFilter;
import no.bosetting.housing.Dwellings;
import no.bosetting.housing.HousingInstrument;
import no.bosetting.housing.HousingInstruments;
import no.bosetting.housing.InstrumentKind;
import no.bosetting.housing.InstrumentStatus;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.FormReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Housing allowance, start loans and Husbanken applications: what is pending, granted or refused. */
@Controller
class InstrumentWebController {

    private final HousingInstruments instruments;
    private final CaseQueries cases;
    private final Dwellings dwellings;
    private final Messages messages;
    private final Clock clock;

    public InstrumentWebController(HousingInstruments instruments, CaseQueries cases, Dwellings dwellings, Messages messages,
                                   Clock clock) {
        this.instruments = instruments;
        this.cases = cases;
        this.dwellings = dwellings;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/kommune/virkemidler")
    String list(@RequestParam Map<String, String> params, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("appliedOn", LocalDate.now(clock).toString());
        return render(params, values, Map.of(), Map.of(), Map.of(), model);
    }

    @PostMapping("/kommune/virkemidler")
    String apply(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        InstrumentKind kind = r.choice("kind", InstrumentKind.class);
        Long caseId = r.id("caseId");
        Long dwellingId = r.id("dwellingId");
        LocalDate appliedOn = r.date("appliedOn");
        Integer amount = r.integer("amount");
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        if (errors.isEmpty()) {
            CommandResult<Long> result = instruments.apply(actor, kind, caseId, dwellingId, appliedOn, amount, r.text("note"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("housing.instrument.registered"));
                return "redirect:/kommune/virkemidler";
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return render(Map.of(), form, errors, Map.of(), Map.of(), model);
    }

    @PostMapping("/kommune/virkemidler/vedtak")
    String decide(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        Long id = r.id("id");
        InstrumentStatus status = r.choice("status", InstrumentStatus.class);
        LocalDate decidedOn = r.date("decidedOn");
        Integer amount = r.integer("decisionAmount");
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        if (errors.isEmpty()) {
            CommandResult<HousingInstrument> result = id == null
                    ? CommandResult.fail(CommandFailure.NotFound.of("housing.error.instrument.notFound", "–"))
                    : instruments.decide(actor, id, status, decidedOn, amount, r.text("refusalReason"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("housing.instrument.decided"));
                return "redirect:/kommune/virkemidler";
            }
            // The decision form names its amount field apart from the application form's on the same page.
            messages.byField(result.failure()).forEach((field, message) -> errors.put(field.equals("amount") ? "decisionAmount" : field, message));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (id != null) {
            params.put("vedtak", String.valueOf(id));
        }
        return render(params, Map.of("appliedOn", LocalDate.now(clock).toString()), Map.of(), form, errors, model);
    }

    private String render(Map<String, String> params, Map<String, String> values, Map<String, String> errors,
                          Map<String, String> decisionValues, Map<String, String> decisionErrors, Model model) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(params);
        InstrumentStatus filter = r.choice("status", InstrumentStatus.class);
        Long selected = r.id("vedtak");
        model.addAttribute("instruments", instruments.list(actor, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("selected", selected == null ? null : instruments.find(actor, selected).orElse(null));
        model.addAttribute("kinds", InstrumentKind.values());
        model.addAttribute("statuses", InstrumentStatus.values());
        model.addAttribute("households", cases.search(CaseFilter.none(), actor, 0, 500).items());
        model.addAttribute("dwellings", dwellings.list(actor, DwellingFilter.none()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("decisionValues", decisionValues);
        model.addAttribute("decisionErrors", decisionErrors);
        return "housing/instruments";
    }
}
