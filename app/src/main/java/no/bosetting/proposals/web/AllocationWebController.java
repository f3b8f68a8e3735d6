package no.bosetting.proposals.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.LivingSituation;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's side: composing distribution lists and following answers and deadlines. */
@Controller
class AllocationWebController {

    private final java.time.Clock clock;

    private final Proposals proposals;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final SettlementDecisions decisions;
    private final Messages messages;
    private final no.bosetting.access.TwoStepControl twoStep;

    public AllocationWebController(Proposals proposals, CaseQueries cases, Municipalities municipalities,
                                   SettlementDecisions decisions, Messages messages, java.time.Clock clock,
                                   no.bosetting.access.TwoStepControl twoStep) {
        this.twoStep = twoStep;
        this.clock = clock;
        this.proposals = proposals;
        this.cases = cases;
        this.municipalities = municipalities;
        this.decisions = decisions;
        this.messages = messages;
    }

    @GetMapping("/fordeling")
    String compose(@RequestParam(required = false) String municipality,
                   @RequestParam(required = false) HouseholdType householdType,
                   @RequestParam(required = false) LivingSituation living,
                   @RequestParam(defaultValue = "0") int page,
                   Model model) {
        Actor actor = CurrentActor.get();
        CaseFilter filter = new CaseFilter(CaseStatus.READY_FOR_ALLOCATION, null, null, null, householdType, null, living, null, null);
        var ready = cases.search(filter, actor, Math.max(0, page), 100);
        model.addAttribute("ready", ready);
        model.addAttribute("filter", filter);
        model.addAttribute("municipality", municipality);
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("householdTypes", HouseholdType.values());
        model.addAttribute("livingSituations", LivingSituation.values());
        if (municipality != null && !municipality.isBlank()) {
            model.addAttribute("places", decisions.placesUsed(municipality, LocalDate.now(clock).getYear()));
            model.addAttribute("alreadyProposed", ready.items().stream()
                    .filter(c -> proposals.wasProposedTo(c.id(), municipality)).map(c -> c.id()).toList());
        } else {
            model.addAttribute("alreadyProposed", List.of());
        }
        // Households another module holds back (an open self-settlement opt-in window) are shown, but cannot be chosen.
        model.addAttribute("held", proposals.heldReasons(ready.items().stream().map(c -> c.id()).toList()));
        return "proposals/compose";
    }

    @PostMapping("/fordeling")
    String send(@RequestParam(required = false) String municipality,
                @RequestParam(name = "caseId", required = false) List<Long> caseIds,
                @RequestParam(required = false) String note,
                RedirectAttributes redirect) {
        CommandResult<Long> result = CommandResult.attempt(() -> proposals.sendList(CurrentActor.get(), municipality, caseIds, note));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("allocation.sent", caseIds.size(), municipalities.name(municipality)));
            return "redirect:/forslag?municipality=" + municipality;
        }
        redirect.addFlashAttribute("errors", messages.byField(result.failure()));
        return "redirect:/fordeling" + (municipality == null || municipality.isBlank() ? "" : "?municipality=" + municipality);
    }

    @GetMapping("/forslag")
    String overview(@RequestParam(required = false) String municipality,
                    @RequestParam(required = false) ProposalStatus status,
                    @RequestParam(defaultValue = "false") boolean overdue,
                    @RequestParam Map<String, String> query, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("rows", proposals.page(actor, municipality, status, overdue,
                PageRequest.read(query, Proposals.SORT_KEYS, Proposals.DEFAULT_SORT), query));
        model.addAttribute("counts", proposals.counts(actor));
        model.addAttribute("overdueCount", proposals.overdueCount(actor));
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("municipality", municipality);
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        return "proposals/overview";
    }

    /** The agency records an acceptance on the municipality's behalf; a reason is required and shown. */
    @PostMapping("/forslag/{id}/aksepter")
    String acceptOnBehalf(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        long caseId = proposals.find(id, actor).map(p -> p.caseId()).orElse(0L);
        FormReader form = new FormReader(params);
        LocalDate date = form.date("plannedDate");
        if (date == null) {
            redirect.addFlashAttribute("behalfErrors", Map.of("plannedDate",
                    messages.get(form.problems().getOrDefault("plannedDate", "error.planned.required"))));
            return caseId == 0 ? "redirect:/forslag" : "redirect:/saker/" + caseId;
        }
        Map<Long, LocalDate> planned = new HashMap<>();
        for (Long personId : cases.personIds(caseId)) {
            planned.put(personId, date);
        }
        var result = twoStep.orNow(no.bosetting.access.TwoStepControl.Kind.BEYOND_PLACES, id, actor, no.bosetting.access.TwoStepControl.acceptance(planned, form.text("overrideReason")), () -> CommandResult.attempt(() -> proposals.accept(actor, id, planned, form.text("overrideReason"))));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get(no.bosetting.access.TwoStepControl.successKey(result, "proposal.acceptedOnBehalf")));
        } else {
            redirect.addFlashAttribute("behalfErrors", messages.byField(result.failure()));
        }
        return caseId == 0 ? "redirect:/forslag" : "redirect:/saker/" + caseId;
    }

    @PostMapping("/forslag/{id}/trekk")
    String withdraw(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        var result = proposals.withdraw(CurrentActor.get(), id, new FormReader(params).text("reason"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("proposal.withdrawn"));
        } else {
            redirect.addFlashAttribute("errors", messages.byField(result.failure()));
        }
        long caseId = proposals.find(id, CurrentActor.get()).map(p -> p.caseId()).orElse(0L);
        return caseId == 0 ? "redirect:/forslag" : "redirect:/saker/" + caseId;
    }
}
