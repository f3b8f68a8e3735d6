package no.bosetting.selfsettlement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseHistoryEntry;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.selfsettlement.RefusalReason;
import no.bosetting.cases.CaseStatus;
import no.bosetting.selfsettlement.RequestStatus;
import no.bosetting.selfsettlement.SelfSettlementApprovals;
import no.bosetting.selfsettlement.SelfSettlementCommand;
import no.bosetting.selfsettlement.SelfSettlementOverview;
import no.bosetting.selfsettlement.SelfSettlementRequest;
import no.bosetting.selfsettlement.SelfSettlementRequests;
import no.bosetting.selfsettlement.SelfSettlementSettings;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.FormReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's queue of forwarded self-settlement requests (oldest first, with the 3-working-day
 * target) and the decision page with the rules to weigh and the municipality's places. An id that
 * does not exist leads back to the queue with a message (the agency sees every request).
 */
@Controller
class AgencySelfSettlementController {

    private final SelfSettlementRequests requests;
    private final SelfSettlementApprovals approvals;
    private final SelfSettlementSettings settings;
    private final SelfSettlementOverview overview;
    private final CaseQueries cases;
    private final Interviews interviews;
    private final Municipalities municipalities;
    private final Messages messages;
    private final Clock clock;

    AgencySelfSettlementController(SelfSettlementRequests requests, SelfSettlementApprovals approvals,
                                   SelfSettlementSettings settings, SelfSettlementOverview overview, CaseQueries cases,
                                   Interviews interviews, Municipalities municipalities, Messages messages, Clock clock) {
        this.requests = requests;
        this.approvals = approvals;
        this.settings = settings;
        this.overview = overview;
        this.cases = cases;
        this.interviews = interviews;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/selvbosetting")
    String queue(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("queue", requests.queue(actor));
        model.addAttribute("decided", requests.recentlyDecided(actor, 20));
        model.addAttribute("today", LocalDate.now(clock));
        return "selfsettlement/queue";
    }

    @GetMapping("/selvbosetting/{id}")
    String decide(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Optional<SelfSettlementRequest> request = requests.find(CurrentActor.get(), id);
        if (request.isEmpty()) {
            return notFound(redirect);
        }
        return render(request.get(), Map.of("municipalityNumber", request.get().municipalityNumber()), Map.of(), model);
    }

    @PostMapping("/selvbosetting/{id}/godkjenn")
    String approve(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Optional<SelfSettlementRequest> request = requests.find(CurrentActor.get(), id);
        if (request.isEmpty()) {
            return notFound(redirect);
        }
        FormReader r = new FormReader(form);
        CommandResult<RequestStatus> result = CommandResult.attempt(
                () -> approvals.approve(CurrentActor.get(), id, r.text("municipalityNumber"), r.text("note")));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("selfsettlement.request.approved"));
            return "redirect:/selvbosetting";
        }
        return render(requests.find(CurrentActor.get(), id).orElseThrow(), form, messages.byField(result.failure()), model);
    }

    @PostMapping("/selvbosetting/{id}/avslag")
    String refuse(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Optional<SelfSettlementRequest> request = requests.find(CurrentActor.get(), id);
        if (request.isEmpty()) {
            return notFound(redirect);
        }
        FormReader r = new FormReader(form);
        CommandResult<RequestStatus> result = approvals.refuseByAgency(CurrentActor.get(), id,
                r.choice("refusalReason", RefusalReason.class), r.text("refusalText"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("selfsettlement.request.refused"));
            return "redirect:/selvbosetting";
        }
        Map<String, String> values = new LinkedHashMap<>(form);
        values.putIfAbsent("municipalityNumber", request.get().municipalityNumber());
        return render(request.get(), values, messages.byField(result.failure()), model);
    }

    private String notFound(RedirectAttributes redirect) {
        redirect.addFlashAttribute("failure", messages.get("selfsettlement.error.notFound"));
        return "redirect:/selvbosetting";
    }

    private String render(SelfSettlementRequest request, Map<String, String> values, Map<String, String> errors, Model model) {
        Actor actor = CurrentActor.get();
        LocalDate today = LocalDate.now(clock);
        int year = (request.leaseStart().isBefore(today) ? today : request.leaseStart()).getYear();
        CaseSummary summary = cases.summary(request.caseId(), actor).orElseThrow();
        List<CaseHistoryEntry> history = cases.history(request.caseId());
        long earlierProposals = history.stream().filter(h -> "PROPOSE".equals(h.command())).count();
        InterviewAnswers answers = interviews.answersFor(List.of(request.caseId())).get(request.caseId());
        List<Map<String, Object>> choices = new java.util.ArrayList<>();
        choices.add(choice(request.municipalityNumber(), year));
        for (String n : municipalities.neighbours(request.municipalityNumber())) {
            if (settings.accepts(n)) {
                choices.add(choice(n, year));
            }
        }
        requests.recordRead(request, actor, "web:/selvbosetting/" + request.id());
        model.addAttribute("request", request);
        model.addAttribute("summary", summary);
        model.addAttribute("earlierProposals", earlierProposals);
        model.addAttribute("answers", answers);
        model.addAttribute("familyHere", answers != null && request.municipalityNumber().equals(answers.familyMunicipalityNumber()));
        model.addAttribute("places", overview.places(request.municipalityNumber(), year));
        model.addAttribute("choices", choices);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("history", requests.history(request.id()));
        model.addAttribute("refusalReasons", RefusalReason.values());
        model.addAttribute("municipalityName", municipalities.name(request.municipalityNumber()));
        model.addAttribute("today", today);
        List<SelfSettlementCommand> commands = requests.validCommands(actor, request);
        model.addAttribute("commands", commands);
        // Waiting for a decision the actor's role may not make (a planner or an administrator).
        model.addAttribute("caseworkerOnly", request.awaitingDecision() && !commands.contains(SelfSettlementCommand.APPROVE));
        model.addAttribute("openProposal", summary.status() == CaseStatus.PROPOSED);
        model.addAttribute("alreadyAllocated", summary.status() == CaseStatus.OFFERED || summary.status() == CaseStatus.SETTLED);
        return "selfsettlement/decide";
    }

    private Map<String, Object> choice(String number, int year) {
        SelfSettlementOverview.Places p = overview.places(number, year);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("name", municipalities.find(number).map(Municipality::name).orElse(number));
        m.put("places", p);
        return m;
    }
}
