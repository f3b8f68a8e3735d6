package no.bosetting.decisions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseDetail;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.InformationChannel;
import no.bosetting.cases.InformedForm;
import no.bosetting.decisions.DecisionFields;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
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
class DecisionWebController {

    private final SettlementDecisions decisions;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final Messages messages;

    private final Clock clock;

    public DecisionWebController(SettlementDecisions decisions, CaseQueries cases, Municipalities municipalities, Messages messages,
                                 Clock clock) {
        this.clock = clock;
        this.decisions = decisions;
        this.cases = cases;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    /** Registers or corrects one person's actual settlement date. */
    @PostMapping("/vedtak/{id}/bosettingsdato")
    String registerDate(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        SettlementDecision decision = decisions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (cases.summary(decision.caseId(), actor).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        FormReader form = new FormReader(params);
        LocalDate date = form.date("date");
        if (form.problems().containsKey("date")) {
            redirect.addFlashAttribute("dateErrors", Map.of("date-" + id, messages.get(form.problems().get("date"))));
            return "redirect:/saker/" + decision.caseId();
        }
        String reason = form.text("reason");
        CommandResult<SettlementDecision> result = CommandResult.attempt(() -> decisions.registerSettlementDate(id, date, reason, actor));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("decision.dateRegistered"));
        } else {
            String field = result.failure() instanceof CommandFailure.RuleBroken r && "reason".equals(r.field()) ? "reason-" + id : "date-" + id;
            redirect.addFlashAttribute("dateErrors", Map.of(field, messages.of(result.failure())));
        }
        return "redirect:/saker/" + decision.caseId();
    }

    /**
     * The refugee declined the offer: a reason and the record of how and when the person was informed of the
     * consequence. Every problem is shown next to its field at once; nothing is saved until all are right.
     */
    @PostMapping("/saker/{caseId}/takk-nei")
    String decline(@PathVariable long caseId, @RequestParam(required = false) String reason,
                   @RequestParam(defaultValue = "false") boolean informed,
                   @RequestParam(required = false) String informedOn,
                   @RequestParam(required = false) InformationChannel informedChannel,
                   @RequestParam(required = false) String informedLanguage,
                   @RequestParam(required = false) String interpreter,
                   RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        // Another unit's case answers "not found" before the input is validated, as its page does.
        CaseSummary summary = cases.summary(caseId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reason", reason == null ? "" : reason);
        form.putAll(InformedForm.values(informed, informedOn, informedChannel, informedLanguage, interpreter));
        List<FieldProblem> problems = new ArrayList<>();
        if (actor.is(Role.AGENCY_CASEWORKER)) {
            problems.addAll(InformedForm.problems(informed, informedOn, informedChannel, informedLanguage, interpreter,
                    LocalDate.now(clock), summary.permitDate()));
            if (reason == null || reason.isBlank()) {
                problems.add(FieldProblem.of("reason", "error.reason.required"));
            }
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("declineErrors", prefixed(messages.byField(problems)));
            redirect.addFlashAttribute("declineForm", form);
            return "redirect:/saker/" + caseId;
        }
        var result = decisions.decline(caseId, actor, reason,
                InformedForm.record(informed, informedOn, informedChannel, informedLanguage, interpreter));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("decision.declined"));
        } else {
            redirect.addFlashAttribute("declineErrors", prefixed(messages.byField(result.failure())));
            redirect.addFlashAttribute("declineForm", form);
        }
        return "redirect:/saker/" + caseId;
    }

    /**
     * The household moved out of its reception centre to its settlement municipality: the move-out date and
     * each member's actual settlement date (fields {@code settled-<decision id>}), by the centre's staff or
     * a caseworker. Another centre's household answers "not found".
     */
    @PostMapping("/saker/{caseId}/flyttet-til-kommunen")
    String moveOutToMunicipality(@PathVariable long caseId, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        cases.summary(caseId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormReader reader = new FormReader(params);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("moveOutDate", params.getOrDefault("moveOutDate", ""));
        LocalDate moved = reader.date("moveOutDate");
        Map<Long, LocalDate> dates = new HashMap<>();
        for (SettlementDecision d : decisions.forCase(caseId)) {
            String field = settledField(d.id());
            form.put(field, params.getOrDefault(field, ""));
            LocalDate date = reader.date(field);
            if (date != null) {
                dates.put(d.id(), date);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        reader.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        if (errors.isEmpty()) {
            CommandResult<CaseStatus> result = CommandResult.attempt(() -> decisions.recordMoveOutToMunicipality(caseId, actor, moved, dates));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("decision.movedOutSettled"));
                // Reception staff see only current residents: after the move-out the case is no longer theirs.
                return cases.summary(caseId, actor).isEmpty() ? "redirect:/mottak" : "redirect:/saker/" + caseId;
            }
            errors.put(moveOutField(result.failure()), messages.of(result.failure()));
        }
        redirect.addFlashAttribute("moveOutSettledErrors", errors);
        redirect.addFlashAttribute("moveOutSettledForm", form);
        return "redirect:/saker/" + caseId;
    }

    private static String settledField(long decisionId) {
        return "settled-" + decisionId;
    }

    /** The move-out form's input a refusal points at: a member's settlement date, the move-out date, or the form. */
    private static String moveOutField(CommandFailure failure) {
        Optional<Long> decision = DecisionFields.subject(failure, DecisionFields.SETTLEMENT_DATE);
        if (decision.isPresent()) {
            return settledField(decision.get());
        }
        if (!(failure instanceof CommandFailure.RuleBroken r) || r.field() == null) {
            return "";
        }
        return DecisionFields.DATE.equals(r.field()) ? "moveOutDate" : r.field();
    }

    /** The decline form's ids carry a prefix, so the error summary links to the right field. */
    private static Map<String, String> prefixed(Map<String, String> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach((k, v) -> map.put(k.isEmpty() ? k : "decline-" + k, v));
        return map;
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
        // The letter gives the offer; a declined one has none to give.
        model.addAttribute("decisions", list.stream().filter(d -> d.status() != DecisionStatus.DECLINED).toList());
        model.addAttribute("municipalityName", municipalities.name(list.get(0).municipalityNumber()));
        return "decisions/letter";
    }
}
