package no.bosetting.proposals.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.DecisionFields;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.ProposalDetail;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.Proposals;
import no.bosetting.proposals.RejectionReason;
import no.bosetting.shared.CommandFailure;
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
 * The municipality's side: its overview, incoming proposals with the anonymised profile, and the
 * answer (accept with planned dates, or reject with a reason) within the deadline.
 */
@Controller
class MunicipalityWebController {

    private final java.time.Clock clock;

    private final Proposals proposals;
    private final SettlementDecisions decisions;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final Messages messages;

    public MunicipalityWebController(Proposals proposals, SettlementDecisions decisions, CaseQueries cases,
                                     Municipalities municipalities, Messages messages, java.time.Clock clock) {
        this.clock = clock;
        this.proposals = proposals;
        this.decisions = decisions;
        this.cases = cases;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    @GetMapping("/kommune")
    String dashboard(Model model) {
        Actor actor = CurrentActor.get();
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("municipality", municipalities.find(actor.municipalityNumber()).orElseThrow());
        model.addAttribute("places", decisions.placesUsed(actor.municipalityNumber(), year));
        model.addAttribute("pending", proposals.list(actor, null, ProposalStatus.PENDING, false, 200));
        model.addAttribute("awaitingSettlement", cases.search(CaseFilter.status(CaseStatus.OFFERED), actor, 0, 200));
        model.addAttribute("year", year);
        return "proposals/municipality-dashboard";
    }

    @GetMapping("/kommune/forslag")
    String incoming(@RequestParam(required = false) ProposalStatus status, @RequestParam Map<String, String> query, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("rows", proposals.page(actor, null, status, false,
                PageRequest.read(query, Proposals.SORT_KEYS, Proposals.DEFAULT_SORT), query));
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("status", status);
        return "proposals/municipality-list";
    }

    @GetMapping("/kommune/forslag/{id}")
    String detail(@PathVariable long id, Model model) {
        ProposalDetail detail = proposals.detail(id, CurrentActor.get())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        populate(model, detail);
        if (!model.containsAttribute("planned")) {
            model.addAttribute("planned", new HashMap<String, String>());
        }
        return "proposals/municipality-detail";
    }

    /** Fills the detail page, which shows the household's profile with its needs and consented health details: a logged read. */
    private void populate(Model model, ProposalDetail detail) {
        Actor actor = CurrentActor.get();
        cases.recordRead(detail.proposal().caseId(), actor, "web:/kommune/forslag/" + detail.proposal().id());
        model.addAttribute("detail", detail);
        model.addAttribute("commands", proposals.validCommands(actor, detail.proposal()));
        model.addAttribute("reasons", RejectionReason.values());
        model.addAttribute("places", decisions.placesUsed(detail.proposal().municipalityNumber(), LocalDate.now(clock).getYear()));
        model.addAttribute("nextYearPlaces", decisions.placesUsed(detail.proposal().municipalityNumber(), LocalDate.now(clock).getYear() + 1));
        model.addAttribute("minDate", LocalDate.now(clock));
    }

    /**
     * Planned dates arrive per member position (plannedDate0, plannedDate1, …) or as one date for all,
     * so the municipality never handles person ids before accepting.
     */
    @PostMapping("/kommune/forslag/{id}/aksepter")
    String accept(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        ProposalDetail detail = proposals.detail(id, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // Positions follow the order the page lists the members in, so each date lands on the right person.
        List<Long> personIds = new java.util.ArrayList<>(cases.anonymousMembersByPerson(detail.proposal().caseId()).keySet());
        FormReader form = new FormReader(params);
        LocalDate all = form.date("plannedDateAll");
        String allProblem = form.problems().get("plannedDateAll");
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Long, LocalDate> planned = new HashMap<>();
        Map<String, String> submitted = new HashMap<>();
        for (int i = 0; i < personIds.size(); i++) {
            String name = "plannedDate" + i;
            submitted.put(name, params.getOrDefault(name, ""));
            boolean own = form.text(name) != null;
            LocalDate date = own ? form.date(name) : all;
            String problem = own ? form.problems().get(name) : allProblem;
            if (problem != null) {
                // A member's own date that cannot be read is that member's error; the household date's, the household's.
                errors.putIfAbsent(own ? name : "plannedDateAll", messages.get(problem));
            } else if (date == null) {
                // The household date is the required one; the per-person dates are optional (issue 16 point 5): one error
                // next to the household date, not one on each optional member field.
                errors.putIfAbsent("plannedDateAll", messages.get("error.planned.required"));
            } else {
                planned.put(personIds.get(i), date);
            }
        }
        submitted.put("plannedDateAll", params.getOrDefault("plannedDateAll", ""));
        if (errors.isEmpty()) {
            CommandResult<List<Long>> result = CommandResult.attempt(() -> proposals.accept(actor, id, planned, form.text("overrideReason")));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("proposal.accepted"));
                return "redirect:/saker/" + detail.proposal().caseId();
            }
            errors.put(acceptField(result.failure(), personIds), messages.of(result.failure()));
        }
        populate(model, proposals.detail(id, actor).orElseThrow());
        model.addAttribute("acceptErrors", errors);
        model.addAttribute("planned", submitted);
        return "proposals/municipality-detail";
    }

    /** The input a refused acceptance points at: a member's planned date by position, else the form as a whole. */
    private static String acceptField(CommandFailure failure, List<Long> personIds) {
        Optional<Long> person = DecisionFields.subject(failure, DecisionFields.PLANNED);
        if (person.isPresent()) {
            return "plannedDate" + personIds.indexOf(person.get());
        }
        String field = failure instanceof CommandFailure.RuleBroken r && r.field() != null ? r.field() : "accept";
        return field.equals("capacity") ? "accept" : field;
    }

    @PostMapping("/kommune/forslag/{id}/avslaa")
    String reject(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader form = new FormReader(params);
        RejectionReason rejectionCode = form.choice("rejectionCode", RejectionReason.class);
        String rejectionText = form.text("rejectionText");
        Map<String, String> errors = new LinkedHashMap<>();
        form.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        if (errors.isEmpty()) {
            var result = proposals.reject(actor, id, rejectionCode, rejectionText);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("proposal.rejected"));
                return "redirect:/kommune/forslag";
            }
            if (result.failure() instanceof CommandFailure.NotFound) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            errors.putAll(messages.byField(result.failure()));
        }
        populate(model, proposals.detail(id, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("rejectErrors", errors);
        model.addAttribute("rejectionCode", rejectionCode);
        model.addAttribute("rejectionText", rejectionText);
        model.addAttribute("planned", new HashMap<String, String>());
        return "proposals/municipality-detail";
    }
}
