package no.bosetting.selfservice.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.applications.SettlementApplication;
import no.bosetting.applications.SettlementApplications;
import no.bosetting.cases.CaseDetail;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.selfservice.RefugeeMessages;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Notifications;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My case": the refugee's own household only, found from their DUF number; no ids in the URL. */
@Controller
class MyCaseController {

    static final List<CaseStatus> STEPS = List.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION,
            CaseStatus.PROPOSED, CaseStatus.OFFERED, CaseStatus.SETTLED);

    private final CaseQueries cases;
    private final SettlementDecisions decisions;
    private final Municipalities municipalities;
    private final SettlementApplications applications;
    private final Notifications notifications;
    private final RefugeeMessages refugeeMessages;
    private final Messages messages;

    MyCaseController(CaseQueries cases, SettlementDecisions decisions, Municipalities municipalities,
                     SettlementApplications applications, Notifications notifications, RefugeeMessages refugeeMessages,
                     Messages messages) {
        this.cases = cases;
        this.decisions = decisions;
        this.municipalities = municipalities;
        this.applications = applications;
        this.notifications = notifications;
        this.refugeeMessages = refugeeMessages;
        this.messages = messages;
    }

    @GetMapping("/min-side")
    String myCase(Model model) {
        return page(model, Map.of(), null, "");
    }

    @PostMapping("/min-side/melding")
    String message(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        // An unknown kind reads as none chosen, which the command refuses next to the choice.
        CommandResult<Long> result = refugeeMessages.send(CurrentActor.get(), r.choice("kind", RefugeeMessages.Kind.class), r.text("text"));
        if (!result.isSuccess()) {
            return page(model, messages.byField(result.failure()), form.get("kind"), form.get("text"));
        }
        redirect.addFlashAttribute("saved", "self.message.sent");
        return "redirect:/min-side";
    }

    @PostMapping("/min-side/varsler/lest")
    String markRead() {
        notifications.markAllRead(CurrentActor.get().username());
        return "redirect:/min-side#varsler";
    }

    private String page(Model model, Map<String, String> errors, String kind, String text) {
        Actor actor = CurrentActor.get();
        Optional<CaseDetail> detail = actor.dufNumber().flatMap(cases::caseIdForDuf)
                .flatMap(id -> cases.detail(id, actor, "min side"));
        model.addAttribute("detail", detail.orElse(null));
        model.addAttribute("steps", STEPS);
        detail.ifPresent(d -> {
            CaseStatus status = d.summary().status();
            model.addAttribute("status", status);
            model.addAttribute("stepIndex", STEPS.indexOf(status));
            model.addAttribute("allocated", status == CaseStatus.OFFERED || status == CaseStatus.SETTLED);
            List<SettlementDecision> own = decisions.forCase(d.summary().id()).stream()
                    .filter(x -> x.status() != DecisionStatus.DECLINED).toList();
            String municipality = d.summary().settlementMunicipality() != null ? d.summary().settlementMunicipality()
                    : own.stream().map(SettlementDecision::municipalityNumber).findFirst().orElse(null);
            model.addAttribute("municipalityName", municipality == null ? null : municipalities.name(municipality));
            model.addAttribute("plannedDate", own.stream().map(SettlementDecision::plannedSettlementDate)
                    .filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null));
            model.addAttribute("settlementDate", own.stream().map(SettlementDecision::settlementDate)
                    .filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null));
        });
        Optional<SettlementApplication> application = applications.forRefugee(actor);
        model.addAttribute("sa", application.orElse(null));
        model.addAttribute("notifications", notifications.latest(actor.username(), 20));
        model.addAttribute("errors", errors);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("text", text == null ? "" : text);
        return "selfservice/my-case";
    }
}
