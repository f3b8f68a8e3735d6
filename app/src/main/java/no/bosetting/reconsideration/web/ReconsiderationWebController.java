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
import no.bosetting.reconsideration.ReconsiderationGround;
import no.bosetting.reconsideration.ReconsiderationRequest;
import no.bosetting.reconsideration.Reconsiderations;
import no.bosetting.reconsideration.RequesterKind;
import no.bosetting.shared.CommandResult;
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

    public ReconsiderationWebController(Reconsiderations reconsiderations, CaseQueries cases, Messages messages) {
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
    String request(@PathVariable long caseId, @RequestParam(required = false) String requesterKind,
                   @RequestParam(required = false) String requesterName, @RequestParam(required = false) String ground,
                   @RequestParam(required = false) String explanation, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        summary(caseId, actor);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("requesterKind", requesterKind == null ? "" : requesterKind);
        values.put("requesterName", requesterName == null ? "" : requesterName);
        values.put("ground", ground == null ? "" : ground);
        values.put("explanation", explanation == null ? "" : explanation);
        CommandResult<Long> result = reconsiderations.request(caseId, actor, new ReconsiderationRequest(
                parse(RequesterKind.class, requesterKind), requesterName, parse(ReconsiderationGround.class, ground), explanation));
        return outcome(caseId, actor, result, "reconsideration.requested", values, model, redirect);
    }

    @PostMapping("/saker/{caseId}/omgjoring/informer")
    String inform(@PathVariable long caseId, @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        summary(caseId, actor);
        return outcome(caseId, actor, reconsiderations.informMunicipality(caseId, actor, note), "reconsideration.informed",
                Map.of("note", note == null ? "" : note), model, redirect);
    }

    @PostMapping("/saker/{caseId}/omgjoring/innvilg")
    String grant(@PathVariable long caseId, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String alternative, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        summary(caseId, actor);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reason", reason == null ? "" : reason);
        values.put("alternative", alternative == null ? "" : alternative);
        return outcome(caseId, actor, CommandResult.attempt(() -> reconsiderations.grant(caseId, actor, reason, alternative)),
                "reconsideration.granted", values, model, redirect);
    }

    @PostMapping("/saker/{caseId}/omgjoring/avslag")
    String refuse(@PathVariable long caseId, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        summary(caseId, actor);
        return outcome(caseId, actor, reconsiderations.refuse(caseId, actor, reason), "reconsideration.refused",
                Map.of("refuseReason", reason == null ? "" : reason), model, redirect);
    }

    private String outcome(long caseId, Actor actor, CommandResult<?> result, String successKey, Map<String, String> values,
                           Model model, RedirectAttributes redirect) {
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get(successKey));
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
        model.addAttribute("canInform", open != null && open.status().name().equals("REQUESTED") && Reconsiderations.mayRegister(actor));
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

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
