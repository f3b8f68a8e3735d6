package no.bosetting.reconsideration.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.CaseQueries;
import no.bosetting.reconsideration.Reconsideration;
import no.bosetting.reconsideration.ReconsiderationCommand;
import no.bosetting.reconsideration.ReconsiderationGround;
import no.bosetting.reconsideration.ReconsiderationRequest;
import no.bosetting.reconsideration.Reconsiderations;
import no.bosetting.reconsideration.RequesterKind;
import no.bosetting.shared.CommandFailure;
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

/** The agency's list of open requests and each case's reconsideration page. Outside the agency: 404. */
@Controller
class ReconsiderationWebController {

    private final Reconsiderations reconsiderations;
    private final CaseQueries cases;
    private final Messages messages;
    private final no.bosetting.access.TwoStepControl twoStep;

    public ReconsiderationWebController(Reconsiderations reconsiderations, CaseQueries cases, Messages messages, no.bosetting.access.TwoStepControl twoStep) {
        this.twoStep = twoStep;
        this.reconsiderations = reconsiderations;
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/omgjoringer")
    String list(Model model) {
        model.addAttribute("open", reconsiderations.open());
        model.addAttribute("decided", reconsiderations.recentlyDecided(50));
        return "reconsideration/list";
    }

    @GetMapping("/saker/{caseId}/omgjoring")
    String page(@PathVariable long caseId, Model model) {
        return show(caseId, CurrentActor.get(), model, Map.of(), Map.of());
    }

    @PostMapping("/saker/{caseId}/omgjoring")
    String request(@PathVariable long caseId, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        summary(caseId, actor);
        Map<String, String> values = values(params, "requesterKind", "requesterName", "ground", "explanation");
        FormReader form = new FormReader(params);
        ReconsiderationRequest request = new ReconsiderationRequest(form.choice("requesterKind", RequesterKind.class),
                form.text("requesterName"), form.choice("ground", ReconsiderationGround.class), form.text("explanation"));
        CommandResult<Long> result = reconsiderations.request(caseId, actor, request);
        if (result.failure() instanceof CommandFailure.RuleBroken && !form.problems().isEmpty()) {
            // A choice that could not be read is the input at fault.
            return show(caseId, actor, model, problems(form), values);
        }
        return outcome(caseId, actor, result, "reconsideration.requested", values, model, redirect);
    }

    @PostMapping("/saker/{caseId}/omgjoring/informer")
    String inform(@PathVariable long caseId, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        summary(caseId, actor);
        return outcome(caseId, actor, reconsiderations.informMunicipality(caseId, actor, new FormReader(params).text("note")),
                "reconsideration.informed", values(params, "note"), model, redirect);
    }

    @PostMapping("/saker/{caseId}/omgjoring/innvilg")
    String grant(@PathVariable long caseId, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        summary(caseId, actor);
        FormReader form = new FormReader(params);
        return outcome(caseId, actor, twoStep.orNow(no.bosetting.access.TwoStepControl.Kind.RECONSIDERATION_OUTCOME, caseId, actor, outcomeInput("GRANT", params), () -> CommandResult.attempt(() -> reconsiderations.grant(caseId, actor, form.text("reason"),
                form.text("alternative")))), "reconsideration.granted", values(params, "reason", "alternative"), model, redirect);
    }

    @PostMapping("/saker/{caseId}/omgjoring/avslag")
    String refuse(@PathVariable long caseId, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        summary(caseId, actor);
        return outcome(caseId, actor, twoStep.orNow(no.bosetting.access.TwoStepControl.Kind.RECONSIDERATION_OUTCOME, caseId, actor, outcomeInput("REFUSE", params), () -> reconsiderations.refuse(caseId, actor, new FormReader(params).text("reason"))),
                "reconsideration.refused", Map.of("refuseReason", params.getOrDefault("reason", "")), model, redirect);
    }

    /** A reconsideration outcome's input as two-step control holds it. */
    private static Map<String, String> outcomeInput(String outcome, Map<String, String> params) {
        Map<String, String> input = values(params, "reason", "alternative");
        input.put("outcome", outcome);
        return input;
    }

    /** What was typed, to show again with the errors. */
    private static Map<String, String> values(Map<String, String> params, String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, params.getOrDefault(name, ""));
        }
        return values;
    }

    private Map<String, String> problems(FormReader form) {
        Map<String, String> errors = new LinkedHashMap<>();
        form.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        return errors;
    }

    private String outcome(long caseId, Actor actor, CommandResult<?> result, String successKey, Map<String, String> values,
                           Model model, RedirectAttributes redirect) {
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get(no.bosetting.access.TwoStepControl.successKey(result, successKey)));
            return "redirect:/saker/" + caseId + "/omgjoring";
        }
        Map<String, String> errors = new LinkedHashMap<>(messages.byField(result.failure()));
        // The refusal form's reason field has its own id on the page.
        if (values.containsKey("refuseReason") && errors.containsKey("reason")) {
            errors.put("refuseReason", errors.remove("reason"));
        }
        return show(caseId, actor, model, errors, values);
    }

    private String show(long caseId, Actor actor, Model model, Map<String, String> errors, Map<String, String> values) {
        CaseSummary summary = summary(caseId, actor);
        List<Reconsideration> all = reconsiderations.forCase(caseId);
        Reconsideration open = all.stream().filter(r -> r.status().isOpen()).findFirst().orElse(null);
        model.addAttribute("summary", summary);
        model.addAttribute("open", open);
        model.addAttribute("history", open == null ? List.of() : reconsiderations.history(open.id()));
        model.addAttribute("past", all.stream().filter(r -> !r.status().isOpen()).toList());
        model.addAttribute("canRequest", open == null && summary.status() == CaseStatus.OFFERED && Reconsiderations.mayRegister(actor));
        // What the actor may do with the open request now; the municipality is informed before anyone decides.
        model.addAttribute("commands", open == null ? List.of() : Reconsiderations.validCommands(actor, open));
        model.addAttribute("awaitingInform", open != null && ReconsiderationCommand.INFORM_MUNICIPALITY.appliesTo(open.status()));
        model.addAttribute("mayDecide", Reconsiderations.mayDecide(actor));
        model.addAttribute("requesterKinds", RequesterKind.values());
        model.addAttribute("grounds", ReconsiderationGround.values());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "reconsideration/case";
    }

    private CaseSummary summary(long caseId, Actor actor) {
        if (!actor.isAgency()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return cases.summary(caseId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
