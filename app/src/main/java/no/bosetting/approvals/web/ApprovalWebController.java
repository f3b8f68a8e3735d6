package no.bosetting.approvals.web;

import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl.Kind;
import no.bosetting.approvals.Approval;
import no.bosetting.approvals.ApprovalPolicy;
import no.bosetting.approvals.Approvals;
import no.bosetting.approvals.ReturnReason;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-step control's pages: the approvers' work list "Til godkjenning" (paged, with the count), one proposal with
 * what would change and the approve / return forms, and the administrator's settings per decision kind.
 * Agency caseworkers and administrators only; the settings: administrators only.
 */
@Controller
class ApprovalWebController {

    private final Approvals approvals;
    private final ApprovalPolicy policy;
    private final ApprovalRows rows;
    private final Messages messages;

    ApprovalWebController(Approvals approvals, ApprovalPolicy policy, ApprovalRows rows, Messages messages) {
        this.approvals = approvals;
        this.policy = policy;
        this.rows = rows;
        this.messages = messages;
    }

    @GetMapping("/godkjenninger")
    String list(@RequestParam Map<String, String> query, Model model) {
        approver();
        model.addAttribute("result", approvals.pending(PageRequest.read(query, Approvals.PENDING_ORDER, "proposed"), query));
        return "approvals/list";
    }

    @GetMapping("/godkjenninger/{id}")
    String detail(@PathVariable long id, Model model) {
        return show(id, approver(), model, Map.of(), Map.of());
    }

    @PostMapping("/godkjenninger/{id}/godkjenn")
    String approve(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Actor actor = approver();
        CommandResult<?> result = approvals.approve(id, actor);
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("approval.approved"));
            return "redirect:/godkjenninger/" + id;
        }
        return show(id, actor, model, Map.of("approval", messages.get("approval.failed", messages.of(result.failure()))), Map.of());
    }

    @PostMapping("/godkjenninger/{id}/returner")
    String giveBack(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = approver();
        FormReader form = new FormReader(params);
        ReturnReason reason = form.choice("returnReason", ReturnReason.class);
        CommandResult<?> result = approvals.giveBack(id, actor, reason, form.text("returnText"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("approval.returned"));
            return "redirect:/godkjenninger/" + id;
        }
        Map<String, String> errors = new LinkedHashMap<>(messages.byField(result.failure()));
        if (errors.containsKey("")) {
            errors.put("approval", errors.remove(""));
        }
        return show(id, actor, model, errors, Map.of("returnReason", params.getOrDefault("returnReason", ""),
                "returnText", params.getOrDefault("returnText", "")));
    }

    @GetMapping("/godkjenninger/innstillinger")
    String settings(Model model) {
        administrator();
        model.addAttribute("settings", policy.all().values());
        return "approvals/settings";
    }

    @PostMapping("/godkjenninger/innstillinger")
    String saveSettings(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Actor actor = administrator();
        for (Kind kind : Kind.values()) {
            policy.set(kind, "on".equals(params.get(kind.name())) || "true".equals(params.get(kind.name())), actor).value();
        }
        redirect.addFlashAttribute("success", messages.get("approval.settings.saved"));
        return "redirect:/godkjenninger/innstillinger";
    }

    private String show(long id, Actor actor, Model model, Map<String, String> errors, Map<String, String> values) {
        Approval a = approvals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("approval", a);
        model.addAttribute("rows", rows.rows(a));
        model.addAttribute("history", approvals.history(id));
        model.addAttribute("mayDecide", Approvals.mayDecide(actor, a));
        model.addAttribute("ownProposal", a.pending() && a.proposedBy().equals(actor.username()));
        model.addAttribute("returnReasons", ReturnReason.values());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "approvals/detail";
    }

    private static Actor approver() {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.AGENCY_CASEWORKER && actor.role() != Role.AGENCY_ADMIN) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return actor;
    }

    private static Actor administrator() {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.AGENCY_ADMIN) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return actor;
    }
}
