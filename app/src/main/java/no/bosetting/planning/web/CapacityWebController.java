package no.bosetting.planning.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.planning.DecisionInput;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The council decision: recorded by the municipality itself, or by the agency on its behalf. */
@Controller
class CapacityWebController {

    private final java.time.Clock clock;

    private final CapacityDecisions decisions;
    private final Municipalities municipalities;
    private final Messages messages;
    private final no.bosetting.planning.CapacityRequests requests;

    public CapacityWebController(no.bosetting.planning.CapacityRequests requests, CapacityDecisions decisions, Municipalities municipalities, Messages messages, java.time.Clock clock) {
        this.clock = clock;
        this.decisions = decisions;
        this.municipalities = municipalities;
        this.messages = messages;
        this.requests = requests;
    }

    @GetMapping("/kommune/vedtak")
    String ownForm(@RequestParam(required = false) Integer year, Model model) {
        return form(CurrentActor.get().municipalityNumber(), year, model, "/kommune/vedtak");
    }

    @PostMapping("/kommune/vedtak")
    String ownSave(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return save(CurrentActor.get().municipalityNumber(), form, model, redirect, "/kommune/vedtak", "/kommune");
    }

    @GetMapping("/kapasitet/{number}")
    String agencyForm(@PathVariable String number, @RequestParam(required = false) Integer year, Model model) {
        return form(number, year, model, "/kapasitet/" + number);
    }

    @PostMapping("/kapasitet/{number}")
    String agencySave(@PathVariable String number, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return save(number, form, model, redirect, "/kapasitet/" + number, "/kapasitet");
    }

    @PostMapping("/kommune/vedtak/behandles")
    String ownPending(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return pending(CurrentActor.get().municipalityNumber(), form, model, redirect, "/kommune/vedtak", "/kommune");
    }

    @PostMapping("/kapasitet/{number}/behandles")
    String agencyPending(@PathVariable String number, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return pending(number, form, model, redirect, "/kapasitet/" + number, "/kapasitet");
    }

    /** The council has the request under consideration; the municipality says when it expects to decide. */
    private String pending(String number, Map<String, String> form, Model model, RedirectAttributes redirect, String action, String done) {
        Municipality m = municipalities.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormReader r = new FormReader(form);
        Integer year = r.requiredInteger("year");
        LocalDate expectedOn = r.date("expectedOn");
        Map<String, String> errors = r.errors(messages);
        // The year is the pending form's hidden field, not the decision form's "year" input above it.
        String yearProblem = errors.remove("year");
        if (yearProblem != null) {
            errors.put("pendingYear", yearProblem);
        }
        if (errors.isEmpty()) {
            var result = decisions.markPending(CurrentActor.get(), number, year, expectedOn, r.raw("note"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("decisionForm.pendingSaved", m.name()));
                return "redirect:" + done;
            }
            errors.putAll(messages.byField(result.failure()));
        }
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        return render(m, y, new LinkedHashMap<>(form), errors, model, action);
    }

    private String form(String number, Integer year, Model model, String action) {
        Municipality m = municipalities.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("year", String.valueOf(y));
        decisions.find(number, y).ifPresent(d -> {
            values.put("kind", d.kind().name());
            values.put("year", String.valueOf(d.firstYear()));
            values.put("untilYear", d.lastYear() == d.firstYear() ? "" : String.valueOf(d.lastYear()));
            values.put("maxPersons", d.maxPersons() == null ? "" : String.valueOf(d.maxPersons()));
            values.put("reunifiedOnTop", String.valueOf(d.reunifiedOnTop()));
            values.put("persons", String.valueOf(d.persons()));
            values.put("unaccompaniedMinors", String.valueOf(d.unaccompaniedMinors()));
            values.put("decidedOn", d.decidedOn() == null ? "" : d.decidedOn().toString());
            values.put("deviationReason", decisions.deviationReason(number, y).orElse(""));
            values.put("loweringOverrideReason", decisions.loweringOverrideReason(number, y).orElse(""));
        });
        return render(m, y, values, Map.of(), model, action);
    }

    private String render(Municipality m, int year, Map<String, String> values, Map<String, String> errors, Model model, String action) {
        model.addAttribute("municipality", m);
        model.addAttribute("year", year);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("action", action);
        model.addAttribute("history", decisions.history(m.number(), year));
        model.addAttribute("decision", decisions.find(m.number(), year).orElse(null));
        model.addAttribute("kinds", CapacityDecision.Kind.values());
        model.addAttribute("pending", decisions.pending(m.number(), year).orElse(null));
        model.addAttribute("loweringOverride", decisions.loweringOverrideReason(m.number(), year).orElse(null));
        model.addAttribute("canOverrideLowering", CurrentActor.get().is(no.bosetting.access.Role.AGENCY_PLANNER));
        model.addAttribute("request", requests.versions(m.number(), year).stream()
                .max(java.util.Comparator.comparingInt(no.bosetting.planning.CapacityRequest::version)).orElse(null));
        // The version before the latest, so a revised request shows what it was changed from and why.
        model.addAttribute("requestPrevious", requests.versions(m.number(), year).stream().skip(1).findFirst().orElse(null));
        return "planning/decision-form";
    }

    private String save(String number, Map<String, String> form, Model model, RedirectAttributes redirect, String action, String done) {
        Actor actor = CurrentActor.get();
        Municipality m = municipalities.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormReader r = new FormReader(form);
        CapacityDecision.Kind kind = r.text("kind") == null ? CapacityDecision.Kind.YEAR : r.choice("kind", CapacityDecision.Kind.class);
        Integer year = r.requiredInteger("year");
        Integer persons = r.requiredInteger("persons");
        Integer maxPersons = kind == CapacityDecision.Kind.RANGE ? r.requiredInteger("maxPersons") : null;
        int minors = r.integer("unaccompaniedMinors", 0);
        LocalDate decidedOn = r.date("decidedOn");
        Integer untilYear = r.text("untilYear") == null ? (kind == CapacityDecision.Kind.PERIOD ? null : year) : r.integer("untilYear");
        boolean reunifiedOnTop = Boolean.TRUE.equals(r.yesNo("reunifiedOnTop"));
        Map<String, String> errors = r.errors(messages);
        if (errors.isEmpty()) {
            DecisionInput input = new DecisionInput(kind, year, untilYear, persons, maxPersons, minors, decidedOn, reunifiedOnTop,
                    r.raw("deviationReason"), r.raw("loweringOverrideReason"));
            CommandResult<CapacityDecision> result = CommandResult.attempt(() -> decisions.decide(actor, number, input));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("decisionForm.saved", m.name(), year));
                return "redirect:" + done;
            }
            errors.putAll(messages.byField(result.failure()));
        }
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        return render(m, y, new LinkedHashMap<>(form), errors, model, action);
    }
}
