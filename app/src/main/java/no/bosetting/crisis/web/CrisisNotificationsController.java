package no.bosetting.crisis.web;

import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.Page;
import no.bosetting.crisis.CrisisModes;
import no.bosetting.crisis.CrisisNotification;
import no.bosetting.crisis.CrisisNotifications;
import no.bosetting.crisis.NotificationCommand;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Municipalities' notifications of named refugees they want to settle (issue 18 item 1): the municipality officer's
 * form and its own notifications ({@code /kommune/innmeldinger}); the agency's list where it takes them up or declines
 * them ({@code /krise/innmeldinger}). No municipality sees another's.
 */
@Controller
class CrisisNotificationsController {

    static final int PAGE_SIZE = 50;

    private final CrisisNotifications notifications;
    private final CrisisModes modes;
    private final CaseQueries cases;
    private final Messages messages;

    CrisisNotificationsController(CrisisNotifications notifications, CrisisModes modes, CaseQueries cases, Messages messages) {
        this.notifications = notifications;
        this.modes = modes;
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/kommune/innmeldinger")
    String municipality(@RequestParam(defaultValue = "0") int page, Model model) {
        return renderMunicipality(new LinkedHashMap<>(), Map.of(), page, model);
    }

    @PostMapping("/kommune/innmeldinger")
    String send(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        CommandResult<Long> result = notifications.send(CurrentActor.get(), r.text("identity"), r.text("name"), r.text("reason"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("crisis.notification.sent"));
            return "redirect:/kommune/innmeldinger";
        }
        return renderMunicipality(form, messages.byField(result.failure()), 0, model);
    }

    @GetMapping("/krise/innmeldinger")
    String agency(@RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = CurrentActor.get();
        Page<CrisisNotification> p = notifications.page(actor, Math.max(page, 0), PAGE_SIZE);
        // A notification that matched a household shows who it is: the read is logged.
        p.items().stream().filter(n -> n.caseId() != null)
                .forEach(n -> cases.recordRead(n.caseId(), actor, "Innmelding fra kommune (krisemodus)"));
        Map<Long, java.util.List<NotificationCommand>> commands = new LinkedHashMap<>();
        p.items().forEach(n -> commands.put(n.id(), notifications.validCommands(actor, n)));
        model.addAttribute("list", p);
        model.addAttribute("commands", commands);
        model.addAttribute("crisisOn", modes.on());
        return "crisis/notifications-agency";
    }

    @PostMapping("/krise/innmeldinger/behandle")
    String handle(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long id = r.id("id");
        NotificationCommand command = "decline".equals(r.text("action")) ? NotificationCommand.DECLINE : NotificationCommand.TAKE_UP;
        CommandResult<?> result = notifications.handle(CurrentActor.get(), id == null ? 0 : id, command, r.text("note"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("crisis.notification.handled"));
        } else {
            redirect.addFlashAttribute("failure", messages.of(result.failure()));
        }
        return "redirect:/krise/innmeldinger";
    }

    private String renderMunicipality(Map<String, String> values, Map<String, String> errors, int page, Model model) {
        model.addAttribute("list", notifications.page(CurrentActor.get(), Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("crisisOn", modes.on());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "crisis/notifications-municipality";
    }
}
