package no.bosetting.housing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.housing.Lease;
import no.bosetting.housing.Leases;
import no.bosetting.housing.ReviewOutcome;
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

/** Active leases, soonest ending first, with the review of the tenant's situation before expiry. */
@Controller
class LeaseWebController {

    private final Leases leases;
    private final Messages messages;
    private final Clock clock;

    public LeaseWebController(Leases leases, Messages messages, Clock clock) {
        this.leases = leases;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/kommune/leieforhold")
    String list(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("leases", leases.active(CurrentActor.get()));
        model.addAttribute("outcomes", ReviewOutcome.values());
        model.addAttribute("reviewFrom", today.plusDays(90));
        model.addAttribute("today", today);
        return "housing/leases";
    }

    @PostMapping("/kommune/leieforhold/{id}/vurdering")
    String review(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        leases.find(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormReader r = new FormReader(form);
        // An unknown outcome reads as none chosen, which the command refuses.
        CommandResult<Lease> result = leases.review(actor, id, r.choice("outcome", ReviewOutcome.class), r.text("note"));
        redirect.addFlashAttribute(result.isSuccess() ? "success" : "error",
                result.isSuccess() ? messages.get("housing.lease.reviewed") : messages.of(result.failure()));
        return "redirect:/kommune/leieforhold";
    }

    @PostMapping("/kommune/leieforhold/{id}/avslutt")
    String end(@PathVariable long id, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        leases.find(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CommandResult<Lease> result = leases.end(actor, id);
        redirect.addFlashAttribute(result.isSuccess() ? "success" : "error",
                result.isSuccess() ? messages.get("housing.lease.ended") : messages.of(result.failure()));
        return "redirect:/kommune/leieforhold";
    }
}
