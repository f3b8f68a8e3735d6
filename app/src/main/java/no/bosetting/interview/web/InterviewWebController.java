package no.bosetting.interview.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.HealthConsents;
import no.bosetting.interview.Interviews;
import no.bosetting.interview.Question;
import no.bosetting.interview.QuestionSet;
import no.bosetting.interview.SettlementInterview;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
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
 * The settlement interview form. Reception staff of the household's own centre record it (the agency
 * caseworker may stand in); everyone else gets "not found", so the page does not reveal that the case exists.
 */
@Controller
class InterviewWebController {

    private final Interviews interviews;
    private final CaseQueries caseQueries;
    private final Municipalities municipalities;
    private final PersonAccessLog accessLog;
    private final Messages messages;
    private final Clock clock;
    private final HealthConsents consents;

    InterviewWebController(Interviews interviews, CaseQueries caseQueries, Municipalities municipalities,
                           PersonAccessLog accessLog, Messages messages, Clock clock, HealthConsents consents) {
        this.consents = consents;
        this.interviews = interviews;
        this.caseQueries = caseQueries;
        this.municipalities = municipalities;
        this.accessLog = accessLog;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/saker/{id}/samtale")
    String form(@PathVariable long id, Model model) {
        Actor actor = CurrentActor.get();
        CaseSummary summary = openable(id, actor);
        Optional<SettlementInterview> existing = interviews.find(id);
        // The form names the members (for their consent); prefilled it shows family and health details: a read.
        List<Long> members = caseQueries.personIds(id);
        accessLog.recordRead(actor, members, "web:/saker/" + id + "/samtale");
        if (existing.isPresent()) {
            if (existing.get().answers().healthDetails() != null) {
                interviews.recordHealthRead(id, actor, "web:/saker/" + id + "/samtale");
            }
        }
        InterviewForm form = existing.map(i -> InterviewForm.from(i.answers(), members, consents.consenting(id)))
                .orElseGet(InterviewForm::new);
        return show(summary, existing, form, Map.of(), model);
    }

    @PostMapping("/saker/{id}/samtale")
    String save(@PathVariable long id, @RequestParam Map<String, String> sent, Model model, RedirectAttributes redirect) {
        InterviewForm form = InterviewForm.sent(sent);
        Actor actor = CurrentActor.get();
        CaseSummary summary = openable(id, actor);
        Optional<SettlementInterview> existing = interviews.find(id);
        if (!InterviewAccess.recordable(summary)) {
            return show(summary, existing, form, Map.of("", messages.get("error.interview.closedCase")), model);
        }
        QuestionSet set = interviews.questionSetFor(summary);
        InterviewAnswers answers = form.toAnswers();
        List<FieldProblem> problems = new ArrayList<>(form.parseProblems());
        problems.addAll(interviews.validate(answers, set, summary));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(p -> InterviewForm.FIELD_ORDER.indexOf(p.field())));
            accessLog.recordRead(actor, caseQueries.personIds(id), "web:/saker/" + id + "/samtale");
            return show(summary, existing, form, messages.byField(problems), model);
        }
        List<Long> members = caseQueries.personIds(id);
        CommandResult<CaseStatus> result = CommandResult.attempt(() -> interviews.record(id, answers, form.consenting(members),
                form.consentDateValue(), actor));
        if (!result.isSuccess()) {
            if (result.failure() instanceof CommandFailure.NotFound) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return show(summary, existing, form, messages.byField(result.failure()), model);
        }
        String successKey;
        if (summary.status() == CaseStatus.UNDER_MAPPING && result.value() == CaseStatus.READY_FOR_ALLOCATION) {
            successKey = "interview.recordedReady";
        } else if (existing.isEmpty()) {
            successKey = "interview.recorded";
        } else {
            successKey = "interview.corrected";
        }
        redirect.addFlashAttribute("success", messages.get(successKey));
        // A municipality officer mapping a private resident does not see the case page: back to the households in the area.
        return actor.is(no.bosetting.access.Role.MUNICIPALITY_OFFICER) ? "redirect:/kommune/i-kommunen" : "redirect:/saker/" + id;
    }

    private CaseSummary openable(long id, Actor actor) {
        return caseQueries.summary(id, actor).or(() -> caseQueries.mappedByMunicipality(id, actor))
                .filter(s -> InterviewAccess.mayOpen(s, actor))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String show(CaseSummary summary, Optional<SettlementInterview> existing, InterviewForm form,
                        Map<String, String> errors, Model model) {
        QuestionSet set = interviews.questionSetFor(summary);
        model.addAttribute("case", summary);
        model.addAttribute("backUrl", CurrentActor.get().is(no.bosetting.access.Role.MUNICIPALITY_OFFICER)
                ? "/kommune/i-kommunen" : "/saker/" + summary.id());
        model.addAttribute("questionSet", set);
        model.addAttribute("asked", asked(set, summary, form));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing.orElse(null));
        existing.ifPresent(i -> model.addAttribute("recordedAt",
                i.recordedAt().atZoneSameInstant(zone()).toLocalDateTime()));
        model.addAttribute("recordable", InterviewAccess.recordable(summary));
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("today", LocalDate.now(clock));
        // The members by name for the consent of each: staff of the centre or the agency, who see the household anyway.
        model.addAttribute("members", caseQueries.members(summary.id()));
        model.addAttribute("consents", consents.current(summary.id()));
        model.addAttribute("needsToSort", interviews.needsToSort(summary.id()).orElse(null));
        return "interview/form";
    }

    /**
     * The questions to show: those of the case's version. The minor's situation only concerns
     * unaccompanied minors, but an earlier answer stays visible so it can be corrected.
     */
    private static Set<String> asked(QuestionSet set, CaseSummary summary, InterviewForm form) {
        Set<String> names = new LinkedHashSet<>();
        for (Question q : set.questions()) {
            if (q != Question.MINOR_SITUATION || summary.unaccompaniedMinor()
                    || form.getMinorSituation() != null && !form.getMinorSituation().isBlank()) {
                names.add(q.name());
            }
        }
        return names;
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
