package no.bosetting.deadlines.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.deadlines.WorkItems;
import no.bosetting.shared.outbox.OutboxHealth;
import no.bosetting.shared.web.PageRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Each staff member's work list: open items for them or their unit, oldest due date first (or newest
 * first), overdue ones marked in words; recently resolved ones below. The administrator also sees the
 * outbox health: undelivered, failing with the last error, delivered in the last 24 hours.
 */
@Controller
class WorkListController {

    private final WorkItems workItems;
    private final OutboxHealth outboxHealth;
    private final ObjectProvider<GreenMail> localMailServer;
    private final Clock clock;

    public WorkListController(WorkItems workItems, OutboxHealth outboxHealth, ObjectProvider<GreenMail> localMailServer,
                              Clock clock) {
        this.workItems = workItems;
        this.outboxHealth = outboxHealth;
        this.localMailServer = localMailServer;
        this.clock = clock;
    }

    /** One e-mail the local mail server received (demo profile only). */
    public record LocalMail(String to, String subject) {
    }

    @GetMapping("/oppgaver")
    String list(@RequestParam java.util.Map<String, String> query, Model model) {
        Actor actor = CurrentActor.get();
        // Paged with the count (issue 16 point 4): it was the first 500 with a notice.
        PageRequest request = PageRequest.read(query, WorkItems.SORT_KEYS, "frist");
        var page = workItems.open(actor, request, java.util.Map.of());
        model.addAttribute("result", page);
        model.addAttribute("items", page.items());
        model.addAttribute("sort", request.sortKey().name());
        model.addAttribute("total", page.total());
        model.addAttribute("overdueCount", workItems.overdueCount(actor));
        model.addAttribute("resolved", workItems.recentlyResolved(actor, 14, 50));
        model.addAttribute("today", LocalDate.now(clock));
        if (actor.is(Role.AGENCY_ADMIN)) {
            model.addAttribute("outbox", outboxHealth.summary());
            model.addAttribute("failing", outboxHealth.failing(20));
            GreenMail server = localMailServer.getIfAvailable();
            if (server != null) {
                model.addAttribute("localMails", latestMails(server, 10));
            }
        }
        return "deadlines/worklist";
    }

    private static List<LocalMail> latestMails(GreenMail server, int limit) {
        MimeMessage[] received = server.getReceivedMessages();
        List<LocalMail> latest = new ArrayList<>(Arrays.stream(received, Math.max(0, received.length - limit), received.length)
                .map(WorkListController::mail).toList());
        Collections.reverse(latest);
        return latest;
    }

    private static LocalMail mail(MimeMessage message) {
        try {
            var to = message.getAllRecipients();
            return new LocalMail(to == null || to.length == 0 ? "" : to[0].toString(), message.getSubject());
        } catch (MessagingException e) {
            return new LocalMail("", e.getMessage());
        }
    }
}
