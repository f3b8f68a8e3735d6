package no.bosetting.shared.outbox;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class NotificationController {

    private final Notifications notifications;

    public NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/varsler")
    String list(Principal principal, @org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> query, Model model) {
        model.addAttribute("notifications", notifications.page(principal.getName(),
                no.bosetting.shared.web.PageRequest.read(query, Notifications.ORDER, "-created"), query));
        return "notifications";
    }

    @PostMapping("/varsler/lest")
    String markRead(Principal principal) {
        notifications.markAllRead(principal.getName());
        return "redirect:/varsler";
    }
}
