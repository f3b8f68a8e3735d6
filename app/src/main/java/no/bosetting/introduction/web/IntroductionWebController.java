package no.bosetting.introduction.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.PersonView;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.introduction.IntroductionCommand;
import no.bosetting.introduction.IntroductionRecord;
import no.bosetting.introduction.IntroductionRegister;
import no.bosetting.introduction.NorwegianLevel;
import no.bosetting.introduction.OutcomeCategory;
import no.bosetting.introduction.PeriodKind;
import no.bosetting.introduction.TrainingSubject;
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

/**
 * One person's entry in the introduction register: everyone who may see the case reads it (logged); the settling
 * municipality's officer records the programme, breaks, training and the status a year after. A refused form comes
 * back with the message next to the field and what was typed.
 */
@Controller
class IntroductionWebController {

    private final IntroductionRegister register;
    private final CaseQueries cases;
    private final Messages messages;
    private final Clock clock;

    IntroductionWebController(IntroductionRegister register, CaseQueries cases, Messages messages, Clock clock) {
        this.register = register;
        this.cases = cases;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/saker/{caseId}/introduksjon/{personId}")
    String person(@PathVariable long caseId, @PathVariable long personId, Model model) {
        Actor actor = CurrentActor.get();
        IntroductionRecord record = register.read(actor, caseId, personId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CaseSummary summary = cases.summary(caseId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PersonView person = cases.members(caseId).stream().filter(p -> p.id() == personId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<SettlementDecision> settled = register.settlement(caseId, personId);
        boolean canRecord = settled.isPresent() && register.validCommands(actor, summary).contains(IntroductionCommand.RECORD)
                && actor.isMunicipality(settled.get().municipalityNumber());
        model.addAttribute("caseId", caseId);
        model.addAttribute("reference", summary.reference());
        model.addAttribute("person", person);
        model.addAttribute("record", record);
        model.addAttribute("settlement", settled.orElse(null));
        model.addAttribute("canRecord", canRecord);
        model.addAttribute("periodKinds", PeriodKind.values());
        model.addAttribute("subjects", TrainingSubject.values());
        model.addAttribute("levels", NorwegianLevel.values());
        model.addAttribute("statuses", OutcomeCategory.values());
        model.addAttribute("norwegianHours", record.hours(TrainingSubject.NORWEGIAN));
        model.addAttribute("socialStudiesHours", record.hours(TrainingSubject.SOCIAL_STUDIES));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("maxHours", IntroductionRegister.MAX_HOURS);
        if (!model.containsAttribute("values")) {
            Map<String, String> values = new LinkedHashMap<>();
            if (record.participation() != null) {
                values.put("startedOn", record.participation().startedOn().toString());
                values.put("completedOn", record.participation().completedOn() == null ? "" : record.participation().completedOn().toString());
            }
            model.addAttribute("values", values);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "introduction/person";
    }

    @PostMapping("/saker/{caseId}/introduksjon/{personId}/program")
    String programme(@PathVariable long caseId, @PathVariable long personId, @RequestParam Map<String, String> form, Model model,
                     RedirectAttributes redirect) {
        return submit(caseId, personId, form, model, redirect, r -> {
            LocalDate start = r.date("startedOn");
            LocalDate end = r.date("completedOn");
            return r.ok() ? register.saveProgramme(CurrentActor.get(), caseId, personId, start, end) : null;
        });
    }

    @PostMapping("/saker/{caseId}/introduksjon/{personId}/avbrudd")
    String period(@PathVariable long caseId, @PathVariable long personId, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        return submit(caseId, personId, form, model, redirect, r -> {
            PeriodKind kind = r.choice("periodKind", PeriodKind.class);
            LocalDate from = r.date("periodFrom");
            LocalDate to = r.date("periodTo");
            return r.ok() ? register.addPeriod(CurrentActor.get(), caseId, personId, kind, from, to) : null;
        });
    }

    @PostMapping("/saker/{caseId}/introduksjon/{personId}/opplaering")
    String training(@PathVariable long caseId, @PathVariable long personId, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes redirect) {
        return submit(caseId, personId, form, model, redirect, r -> {
            TrainingSubject subject = r.choice("subject", TrainingSubject.class);
            Integer hours = r.integer("hours");
            LocalDate testOn = r.date("testOn");
            NorwegianLevel level = r.choice("level", NorwegianLevel.class);
            Boolean passed = r.yesNo("passed");
            return r.ok() ? register.addTraining(CurrentActor.get(), caseId, personId, subject, hours, testOn, level, passed) : null;
        });
    }

    @PostMapping("/saker/{caseId}/introduksjon/{personId}/status")
    String outcome(@PathVariable long caseId, @PathVariable long personId, @RequestParam Map<String, String> form, Model model,
                   RedirectAttributes redirect) {
        return submit(caseId, personId, form, model, redirect, r -> {
            OutcomeCategory status = r.choice("status", OutcomeCategory.class);
            LocalDate on = r.date("measuredOn");
            return r.ok() ? register.recordOutcome(CurrentActor.get(), caseId, personId, status, on) : null;
        });
    }

    /** Scope first (404), then role (403); then the form: unreadable fields, or the command's own rules, come back. */
    private String submit(long caseId, long personId, Map<String, String> form, Model model, RedirectAttributes redirect,
                          Function<FormReader, CommandResult<Long>> command) {
        Actor actor = CurrentActor.get();
        cases.summary(caseId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!IntroductionCommand.RECORD.allowedFor(actor.role())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        FormReader reader = new FormReader(form);
        CommandResult<Long> result = CommandResult.attempt(() -> {
            CommandResult<Long> r = command.apply(reader);
            return r == null ? CommandResult.ok(0L) : r;
        });
        Map<String, String> errors = new LinkedHashMap<>(reader.errors(messages));
        if (errors.isEmpty() && result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("introduction.saved"));
            return "redirect:/saker/" + caseId + "/introduksjon/" + personId;
        }
        if (errors.isEmpty()) {
            CommandFailure failure = result.failure();
            if (failure instanceof CommandFailure.NotFound) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            if (failure instanceof CommandFailure.NotAllowed) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            errors.putAll(messages.byField(failure));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", form);
        return person(caseId, personId, model);
    }
}
