package no.bosetting.allocation.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.allocation.AllocationExplanations;
import no.bosetting.allocation.AllocationPolicies;
import no.bosetting.allocation.AllocationPolicy;
import no.bosetting.allocation.AllocationRun;
import no.bosetting.allocation.AllocationRuns;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.LivingSituation;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.StoredExplanations;
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

@Controller
class AllocationRunController {

    private final AllocationRuns runs;
    private final AllocationPolicies policies;
    private final Municipalities municipalities;
    private final Messages messages;
    private final AllocationExplanations explanations;

    public AllocationRunController(AllocationRuns runs, AllocationPolicies policies, Municipalities municipalities, Messages messages,
                                   AllocationExplanations explanations) {
        this.explanations = explanations;
        this.runs = runs;
        this.policies = policies;
        this.municipalities = municipalities;
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

    @GetMapping("/fordeling/motor/{id}")
    String review(@PathVariable long id, Locale locale, Model model) {
        AllocationRun run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, List<AllocationRun.Item>> byMunicipality = run.items().stream().filter(i -> i.municipalityNumber() != null)
                .collect(Collectors.groupingBy(AllocationRun.Item::municipalityNumber, TreeMap::new, Collectors.toList()));
        // Every explanation worded from its data in the reader's language.
        Map<Long, StoredExplanations.Worded> worded = new HashMap<>();
        for (AllocationRun.Item i : run.items()) {
            if (i.municipalityNumber() != null) {
                worded.put(i.caseId(), explanations.word(i.explanation(), locale));
            }
        }
        model.addAttribute("run", run);
        model.addAttribute("worded", worded);
        model.addAttribute("byMunicipality", byMunicipality);
        model.addAttribute("unassigned", run.items().stream().filter(i -> i.municipalityNumber() == null).toList());
        model.addAttribute("municipalities", municipalities.all());
        return "allocation/run";
    }

    @PostMapping("/fordeling/motor/{id}/fest")
    String pin(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long caseId = r.id("caseId");
        if (caseId == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        String m = r.text("municipality");
        CommandResult<Long> result = CommandResult.attempt(() -> runs.pin(CurrentActor.get(), id, caseId, m));
        if (!result.isSuccess()) {
            redirect.addFlashAttribute("errors", messages.byField(result.failure()));
            return "redirect:/fordeling/motor/" + id;
        }
        redirect.addFlashAttribute("success", messages.get("run.repinned"));
        return "redirect:/fordeling/motor/" + result.value();
    }

    @PostMapping("/fordeling/motor/{id}/send")
    String send(@PathVariable long id, RedirectAttributes redirect) {
        CommandResult<Integer> result = CommandResult.attempt(() -> runs.send(CurrentActor.get(), id));
        if (!result.isSuccess()) {
            redirect.addFlashAttribute("errors", messages.byField(result.failure()));
            return "redirect:/fordeling/motor/" + id;
        }
        redirect.addFlashAttribute("success", messages.get("run.sent", result.value()));
        return "redirect:/forslag";
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
            BigDecimal weight = r.requiredDecimal(term, "error.policy.weight");
            if (weight != null) {
                weights.put(term, weight.doubleValue());
            }
        }
        Map<String, String> errors = r.errors(messages);
        if (errors.isEmpty()) {
            var result = policies.saveNewVersion(actor, weights, r.raw("reason"), r.flag("closeFamilyBinds"), r.flag("jobBinds"));
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
