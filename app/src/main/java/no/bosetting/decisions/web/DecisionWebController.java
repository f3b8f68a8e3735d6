package no.bosetting.decisions.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseDetail;
import no.bosetting.cases.CaseQueries;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
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

@Controller
public class DecisionWebController {

    private final SettlementDecisions decisions;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final Messages messages;

    public DecisionWebController(SettlementDecisions decisions, CaseQueries cases, Municipalities municipalities, Messages messages) {
        this.decisions = decisions;
        this.cases = cases;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    /** Registers or corrects one person's actual settlement date. */
    @PostMapping("/vedtak/{id}/bosettingsdato")
    String registerDate(@PathVariable long id, @RequestParam(required = false) String date,
                        @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        SettlementDecision decision = decisions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (cases.summary(decision.caseId(), actor).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDate parsed;
        try {
            parsed = date == null || date.isBlank() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("dateErrors", Map.of("date-" + id, messages.get("error.date.invalid")));
            return "redirect:/saker/" + decision.caseId();
        }
        CommandResult<SettlementDecision> result = CommandResult.attempt(() -> decisions.registerSettlementDate(id, parsed, reason, actor));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("decision.dateRegistered"));
        } else {
            String field = result.failure() instanceof CommandFailure.RuleBroken r && "reason".equals(r.field()) ? "reason-" + id : "date-" + id;
            redirect.addFlashAttribute("dateErrors", Map.of(field, messages.of(result.failure())));
        }
        return "redirect:/saker/" + decision.caseId();
    }

    @PostMapping("/saker/{caseId}/takk-nei")
    String decline(@PathVariable long caseId, @RequestParam(required = false) String reason,
                   @RequestParam(defaultValue = "false") boolean informed, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        // Another unit's case answers "not found" before the input is validated, as its page does.
        if (cases.summary(caseId, actor).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var result = decisions.decline(caseId, actor, reason, informed);
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("decision.declined"));
        } else {
            redirect.addFlashAttribute("declineErrors", messages.byField(result.failure()));
        }
        return "redirect:/saker/" + caseId;
    }

    /** The printable decision letter, one page per household member. Reading it is logged as a read of the persons. */
    @GetMapping("/saker/{caseId}/vedtaksbrev")
    String letter(@PathVariable long caseId, Model model) {
        Actor actor = CurrentActor.get();
        CaseDetail detail = cases.detail(caseId, actor, "web:/saker/" + caseId + "/vedtaksbrev")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var list = decisions.forCase(caseId);
        if (list.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("case", detail);
        model.addAttribute("decisions", list);
        model.addAttribute("municipalityName", municipalities.name(list.get(0).municipalityNumber()));
        return "decisions/letter";
    }
}
