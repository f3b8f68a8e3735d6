package no.bosetting.applications.web;

import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.applications.ApplicationDeadline;
import no.bosetting.applications.ApplicationForm;
import no.bosetting.applications.SettlementApplication;
import no.bosetting.applications.SettlementApplications;
import no.bosetting.cases.CaseQueries;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The refugee's own application for settlement with public help; no ids in the URL, only their own. */
@Controller
@RequestMapping("/min-side/soknad")
class RefugeeApplicationController {

    private final SettlementApplications applications;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final Messages messages;
    private final Clock clock;

    RefugeeApplicationController(SettlementApplications applications, CaseQueries cases, Municipalities municipalities,
                                 Messages messages, Clock clock) {
        this.applications = applications;
        this.cases = cases;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String show(Model model) {
        Actor actor = CurrentActor.get();
        Optional<SettlementApplication> application = applications.forRefugee(actor);
        ApplicationForm form = application.map(SettlementApplication::answers).orElse(ApplicationForm.empty());
        return page(model, actor, application, form, Map.of());
    }

    @PostMapping
    String save(@RequestParam Map<String, String> posted, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(posted);
        boolean submit = "submit".equals(r.text("action"));
        ApplicationForm form = form(r);
        var problems = applications.validate(form, submit);
        if (!problems.isEmpty()) {
            return page(model, actor, applications.forRefugee(actor), form, messages.byField(problems));
        }
        CommandResult<SettlementApplication> result = applications.save(actor, form, submit);
        if (!result.isSuccess()) {
            return page(model, actor, applications.forRefugee(actor), form, messages.byField(result.failure()));
        }
        redirect.addFlashAttribute("saved", submit ? "app.sent" : "app.savedDraft");
        return "redirect:/min-side/soknad";
    }

    private String page(Model model, Actor actor, Optional<SettlementApplication> application, ApplicationForm form,
                        Map<String, String> errors) {
        LocalDate today = LocalDate.now(clock);
        ApplicationDeadline deadline = application.map(SettlementApplication::deadline).orElse(null);
        if (deadline == null) {
            deadline = actor.dufNumber().flatMap(cases::caseIdForDuf).flatMap(applications::deadlineWithoutApplication).orElse(null);
        }
        model.addAttribute("sa", application.orElse(null));
        model.addAttribute("commands", applications.validCommands(actor, application));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("deadline", deadline);
        model.addAttribute("daysLeft", deadline == null ? null : deadline.daysLeft(today));
        model.addAttribute("municipalities", municipalities.all());
        return "applications/refugee-form";
    }

    /** The form as posted (checkboxes are absent when unticked); dates stay text, so the rules can say what is wrong. */
    private static ApplicationForm form(FormReader r) {
        return new ApplicationForm(r.flag("unaccompaniedMinor"), r.text("tiesMunicipality"), r.text("tiesDescription"),
                r.text("adaptationNeeds"), r.flag("healthConsent"), r.text("healthDetails"), r.text("pets"), r.text("canStay"),
                r.text("currentAddress"), r.text("currentMunicipality"), r.text("notifiedDate"), r.text("arrivalDate"),
                r.text("childLivesWith"), r.text("childRelationship"), r.text("childWantsToStay"), r.text("childSelfSufficiency"),
                r.text("childRepresentative"));
    }
}
