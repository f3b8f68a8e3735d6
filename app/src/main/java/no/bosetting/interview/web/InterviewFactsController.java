package no.bosetting.interview.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.interview.AllocationFacts;
import no.bosetting.interview.AllocationNeed;
import no.bosetting.interview.InterviewFacts;
import no.bosetting.interview.Interviews;
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

/**
 * The interview's ties and needs for the allocation (issue 23 item 1): close family by kind, wider family and network, a
 * job offer with hours, a study admission, needs, and a household to settle together with. Same access as the interview.
 */
@Controller
class InterviewFactsController {

    static final List<String> FIELD_ORDER = List.of("closeFamilyMunicipality", "closeFamilyKind", "widerFamilyMunicipality",
            "networkMunicipality", "jobMunicipality", "jobHoursPerWeek", "studyMunicipality", "needs", "togetherWithCaseId");

    private final InterviewFacts facts;
    private final Interviews interviews;
    private final CaseQueries caseQueries;
    private final Municipalities municipalities;
    private final PersonAccessLog accessLog;
    private final Messages messages;

    InterviewFactsController(InterviewFacts facts, Interviews interviews, CaseQueries caseQueries, Municipalities municipalities,
                             PersonAccessLog accessLog, Messages messages) {
        this.facts = facts;
        this.interviews = interviews;
        this.caseQueries = caseQueries;
        this.municipalities = municipalities;
        this.accessLog = accessLog;
        this.messages = messages;
    }

    @GetMapping("/saker/{id}/samtale/tilknytning")
    String form(@PathVariable long id, Model model) {
        Actor actor = CurrentActor.get();
        CaseSummary summary = openable(id, actor);
        // Family ties and needs of the household's members: a read of their personal details.
        accessLog.recordRead(actor, caseQueries.personIds(id), "web:/saker/" + id + "/samtale/tilknytning");
        return show(summary, values(facts.find(id).orElse(AllocationFacts.none())), Map.of(), model);
    }

    @PostMapping("/saker/{id}/samtale/tilknytning")
    String save(@PathVariable long id, @RequestParam Map<String, String> sent, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        CaseSummary summary = openable(id, actor);
        FormReader r = new FormReader(sent);
        AllocationFacts.CloseFamilyKind kind = r.choice("closeFamilyKind", AllocationFacts.CloseFamilyKind.class);
        Set<AllocationNeed> needs = EnumSet.noneOf(AllocationNeed.class);
        for (AllocationNeed n : AllocationNeed.values()) {
            if (r.flag("need." + n.name())) {
                needs.add(n);
            }
        }
        AllocationFacts f = new AllocationFacts(r.text("closeFamilyMunicipality"), kind, r.text("widerFamilyMunicipality"),
                r.text("networkMunicipality"), r.text("jobMunicipality"), r.integer("jobHoursPerWeek"), r.text("studyMunicipality"),
                needs, r.id("togetherWithCaseId"));
        Map<String, String> errors = new LinkedHashMap<>(r.errors(messages));
        if (errors.isEmpty()) {
            CommandResult<Long> result = CommandResult.attempt(() -> facts.record(id, f, actor));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("facts.saved"));
                return "redirect:/saker/" + id + "/samtale/tilknytning";
            }
            if (result.failure() instanceof CommandFailure.NotFound) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            if (result.failure() instanceof CommandFailure.RuleBroken) {
                // Every problem at its field, not only the first the service stopped at.
                List<FieldProblem> problems = new java.util.ArrayList<>(facts.validate(f, summary, actor));
                problems.sort(java.util.Comparator.comparingInt(p -> FIELD_ORDER.indexOf(p.field())));
                errors.putAll(problems.isEmpty() ? messages.byField(result.failure()) : messages.byField(problems));
            } else {
                errors.putAll(messages.byField(result.failure()));
            }
        }
        accessLog.recordRead(actor, caseQueries.personIds(id), "web:/saker/" + id + "/samtale/tilknytning");
        return show(summary, sent, errors, model);
    }

    private CaseSummary openable(long id, Actor actor) {
        return caseQueries.summary(id, actor).filter(s -> InterviewAccess.mayOpen(s, actor))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String show(CaseSummary summary, Map<String, String> values, Map<String, String> errors, Model model) {
        boolean interviewed = interviews.find(summary.id()).isPresent();
        model.addAttribute("case", summary);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("recordable", interviewed && InterviewAccess.recordable(summary));
        model.addAttribute("interviewMissing", !interviewed);
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("kinds", AllocationFacts.CloseFamilyKind.values());
        model.addAttribute("needs", AllocationNeed.values());
        return "interview/facts";
    }

    private static Map<String, String> values(AllocationFacts f) {
        Map<String, String> v = new HashMap<>();
        put(v, "closeFamilyMunicipality", f.closeFamilyMunicipality());
        put(v, "closeFamilyKind", f.closeFamilyKind() == null ? null : f.closeFamilyKind().name());
        put(v, "widerFamilyMunicipality", f.widerFamilyMunicipality());
        put(v, "networkMunicipality", f.networkMunicipality());
        put(v, "jobMunicipality", f.jobMunicipality());
        put(v, "jobHoursPerWeek", f.jobHoursPerWeek() == null ? null : String.valueOf(f.jobHoursPerWeek()));
        put(v, "studyMunicipality", f.studyMunicipality());
        put(v, "togetherWithCaseId", f.togetherWithCaseId() == null ? null : String.valueOf(f.togetherWithCaseId()));
        for (AllocationNeed n : f.needs()) {
            v.put("need." + n.name(), "true");
        }
        return v;
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null) {
            v.put(key, value);
        }
    }
}
