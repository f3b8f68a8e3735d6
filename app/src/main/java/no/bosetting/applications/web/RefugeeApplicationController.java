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
    String save(ApplicationFormData data, @RequestParam(defaultValue = "save") String action, Model model,
                RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        boolean submit = "submit".equals(action);
        ApplicationForm form = data.toForm();
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
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("deadline", deadline);
        model.addAttribute("daysLeft", deadline == null ? null : deadline.daysLeft(today));
        model.addAttribute("municipalities", municipalities.all());
        return "applications/refugee-form";
    }

    /** The form as posted; checkboxes are absent when unticked. */
    record ApplicationFormData(Boolean unaccompaniedMinor, String tiesMunicipality, String tiesDescription,
                               String adaptationNeeds, Boolean healthConsent, String healthDetails, String pets,
                               String canStay, String currentAddress, String currentMunicipality, String notifiedDate,
                               String arrivalDate, String childLivesWith, String childRelationship, String childWantsToStay,
                               String childSelfSufficiency, String childRepresentative) {
        ApplicationForm toForm() {
            return new ApplicationForm(Boolean.TRUE.equals(unaccompaniedMinor), tiesMunicipality, tiesDescription,
                    adaptationNeeds, Boolean.TRUE.equals(healthConsent), healthDetails, pets, canStay, currentAddress,
                    currentMunicipality, notifiedDate, arrivalDate, childLivesWith, childRelationship, childWantsToStay,
                    childSelfSufficiency, childRepresentative);
        }
    }
}
