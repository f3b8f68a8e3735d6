package no.bosetting.applications.web;

import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.applications.ApplicationCommand;
import no.bosetting.applications.ApplicationStatus;
import no.bosetting.applications.QueueFilter;
import no.bosetting.applications.SettlementApplication;
import no.bosetting.applications.SettlementApplications;
import no.bosetting.municipalities.Municipalities;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's queue of applications from private residents, with late ones marked for discretion. */
@Controller
@RequestMapping("/soknader")
class ApplicationQueueController {

    private final SettlementApplications applications;
    private final Municipalities municipalities;
    private final Messages messages;

    ApplicationQueueController(SettlementApplications applications, Municipalities municipalities, Messages messages) {
        this.applications = applications;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam Map<String, String> params, Model model) {
        FormReader r = new FormReader(params);
        // No status chosen shows the waiting ones; "any" is an empty status; an unknown one reads as waiting.
        ApplicationStatus s = !params.containsKey("status") ? ApplicationStatus.SUBMITTED : r.text("status") == null ? null
                : Optional.ofNullable(r.choice("status", ApplicationStatus.class)).orElse(ApplicationStatus.SUBMITTED);
        String permit = r.text("permit");
        QueueFilter filter = new QueueFilter(s, yesNo(r, "late"), yesNo(r, "minor"), permit == null ? null : "none".equals(permit));
        model.addAttribute("items", applications.queue(filter, CurrentActor.get()));
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("late", params.getOrDefault("late", ""));
        model.addAttribute("minor", params.getOrDefault("minor", ""));
        model.addAttribute("permit", params.getOrDefault("permit", ""));
        model.addAttribute("ruleText", messages.get("app.rule." + applications.startRule().name()));
        return "applications/queue";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return detailPage(id, model, Map.of(), null);
    }

    @PostMapping("/{id}/godta")
    String accept(@PathVariable long id, Model model, RedirectAttributes redirect) {
        CommandResult<ApplicationStatus> result = applications.accept(id, CurrentActor.get());
        return outcome(id, result, model, redirect, null);
    }

    @PostMapping("/{id}/avslaa")
    String refuse(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CommandResult<ApplicationStatus> result = applications.refuse(id, CurrentActor.get(), new FormReader(form).text("reason"));
        return outcome(id, result, model, redirect, form.get("reason"));
    }

    private String outcome(long id, CommandResult<ApplicationStatus> result, Model model, RedirectAttributes redirect, String reason) {
        if (result.isSuccess()) {
            redirect.addFlashAttribute("saved", "app.handled." + result.value().name());
            return "redirect:/soknader/" + id;
        }
        if (result.failure() instanceof CommandFailure.NotFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return detailPage(id, model, messages.byField(result.failure()), reason);
    }

    private String detailPage(long id, Model model, Map<String, String> errors, String reason) {
        Actor actor = CurrentActor.get();
        SettlementApplication application = applications.detail(id, actor)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("sa", application);
        model.addAttribute("a", application.answers());
        model.addAttribute("applicant", applications.applicantName(application).orElse(null));
        model.addAttribute("tiesName", name(application.answers().tiesMunicipality()));
        model.addAttribute("currentName", name(application.answers().currentMunicipality()));
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        model.addAttribute("commands", applications.validCommands(actor, Optional.of(application)));
        return "applications/detail";
    }

    private String name(String number) {
        return number == null ? null : number + " " + municipalities.name(number);
    }

    /** A yes/no filter: "true" or "false", or empty for either. */
    private static Boolean yesNo(FormReader r, String name) {
        return r.text(name) == null ? null : r.flag(name);
    }
}
