package no.bosetting.allocation.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.allocation.AllocationPolicies;
import no.bosetting.allocation.AllocationPolicy;
import no.bosetting.allocation.AllocationRuns;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.LivingSituation;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AllocationRunController {

    private final AllocationRuns runs;
    private final AllocationPolicies policies;
    private final Messages messages;

    public AllocationRunController(AllocationRuns runs, AllocationPolicies policies, Messages messages) {
        this.runs = runs;
        this.policies = policies;
        this.messages = messages;
    }

    @PostMapping("/fordeling/motor")
    String propose(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        CaseFilter filter = new CaseFilter(null, null, r.integer("minDays"), null, r.choice("householdType", HouseholdType.class),
                null, r.choice("living", LivingSituation.class), null, null);
        if (!r.ok()) {
            redirect.addFlashAttribute("errors", r.errors(messages));
            return "redirect:/fordeling";
        }
        CommandResult<Long> result = CommandResult.attempt(() -> runs.propose(CurrentActor.get(), filter));
        if (!result.isSuccess()) {
            redirect.addFlashAttribute("errors", messages.byField(result.failure()));
            return "redirect:/fordeling";
        }
        return "redirect:/fordeling/motor/" + result.value();
    }

    @GetMapping("/fordeling/policy")
    String policy(Model model) {
        AllocationPolicy current = policies.current();
        model.addAttribute("current", current);
        model.addAttribute("versions", policies.versions());
        model.addAttribute("terms", AllocationPolicy.TERMS);
        if (!model.containsAttribute("values")) {
            Map<String, String> values = new LinkedHashMap<>();
            current.weights().forEach((k, v) -> values.put(k, String.valueOf(v)));
            values.put("useRangeMaximum", String.valueOf(current.useRangeMaximum()));
            model.addAttribute("values", values);
        }
        return "allocation/policy";
    }

    @PostMapping("/fordeling/policy")
    String savePolicy(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String term : AllocationPolicy.TERMS) {
            // The outcome term is optional: left empty it is 0, off.
            BigDecimal weight = AllocationPolicy.PREDICTED_OUTCOME.equals(term)
                    ? (r.has(term) && !r.raw(term).isBlank() ? r.requiredDecimal(term, "error.policy.weight") : BigDecimal.ZERO)
                    : r.requiredDecimal(term, "error.policy.weight");
            if (weight != null) {
                weights.put(term, weight.doubleValue());
            }
        }
        Map<String, String> errors = r.errors(messages);
        if (errors.isEmpty()) {
            var result = policies.saveNewVersion(actor, weights, r.raw("reason"), r.flag("useRangeMaximum"), r.flag("closeFamilyBinds"),
                    r.flag("jobBinds"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("policy.saved", result.value().version()));
                return "redirect:/fordeling/policy";
            }
            errors.putAll(messages.byField(result.failure()));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", form);
        return policy(model);
    }
}
