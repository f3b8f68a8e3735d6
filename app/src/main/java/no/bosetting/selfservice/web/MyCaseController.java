package no.bosetting.selfservice.web;

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
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.selfservice.MyCaseGuidance;
import no.bosetting.selfservice.RefugeeMessages;
import no.bosetting.selfservice.RefugeeSituation;
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
    private final SettlementApplications applications;
    private final Notifications notifications;
    private final RefugeeMessages refugeeMessages;
    private final Messages messages;
    private final RefugeeSituation situation;
    private final MessageThreads threads;
    private final ThreadMessages threadMessages;

    MyCaseController(CaseQueries cases, SettlementApplications applications, Notifications notifications,
                     RefugeeMessages refugeeMessages, Messages messages, RefugeeSituation situation, MessageThreads threads,
                     ThreadMessages threadMessages) {
        this.cases = cases;
        this.situation = situation;
        this.threads = threads;
        this.threadMessages = threadMessages;
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
            MyCaseGuidance guidance = situation.guidance(d.summary(), d.closedReason(), d.history());
            model.addAttribute("guidance", guidance);
            model.addAttribute("municipalityName", guidance.municipalityName());
            model.addAttribute("plannedDate", guidance.plannedDate());
            model.addAttribute("settlementDate", guidance.nextKey().equals("self.guide.settled") ? guidance.nextDate() : null);
            // The household's thread with the agency (issue 16 point 2): read here, marked read after this page.
            threads.refugeeThreadToRead(d.summary().id(), actor).ifPresent(ref -> {
                model.addAttribute("thread", threadMessages.view(ref, actor));
                model.addAttribute("threadUnread", threadMessages.unread(ref, actor));
                threadMessages.markRead(ref, actor);
            });
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
