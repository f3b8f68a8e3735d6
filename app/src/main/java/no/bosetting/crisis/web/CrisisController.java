package no.bosetting.crisis.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.crisis.CrisisModes;
import no.bosetting.crisis.CrisisPeriod;
import no.bosetting.crisis.CrisisSettings;
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
 * The agency's crisis page (issue 18 item 1): whether crisis mode is on, its windows, and — for planners and
 * administrators — switching it on (start, optional end, reason, the temporary scheme and the round size) and off.
 */
@Controller
class CrisisController {

    static final int PAGE_SIZE = 20;

    private final CrisisModes modes;
    private final Messages messages;
    private final Clock clock;

    CrisisController(CrisisModes modes, Messages messages, Clock clock) {
        this.modes = modes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/krise")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("startsOn", LocalDate.now(clock).toString());
        return render(values, Map.of(), page, model);
    }

    @PostMapping("/krise")
    String switchOn(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        CrisisSettings s = new CrisisSettings(r.date("startsOn"), r.date("endsOn"), r.text("reason"), r.text("schemeName"),
                r.date("schemeFrom"), r.date("schemeTo"), r.integer("schemeMonthlyGrant"), r.integer("roundSize"));
        Map<String, String> errors = new LinkedHashMap<>(r.errors(messages));
        if (errors.isEmpty()) {
            CommandResult<Long> result = modes.switchOn(CurrentActor.get(), s);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("crisis.switchedOn"));
                return "redirect:/krise";
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return render(form, errors, 0, model);
    }

    @PostMapping("/krise/avslutt")
    String end(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long id = r.id("id");
        LocalDate endsOn = r.date("endsOn");
        CommandResult<Long> result = modes.end(CurrentActor.get(), id == null ? 0 : id, endsOn);
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("crisis.ended"));
        } else {
            redirect.addFlashAttribute("failure", messages.of(result.failure()));
        }
        return "redirect:/krise";
    }

    private String render(Map<String, String> values, Map<String, String> errors, int page, Model model) {
        Actor actor = CurrentActor.get();
        List<CrisisPeriod> all = modes.all();
        int from = Math.min(Math.max(page, 0) * PAGE_SIZE, all.size());
        int to = Math.min(from + PAGE_SIZE, all.size());
        model.addAttribute("periods", all.subList(from, to));
        model.addAttribute("first", all.isEmpty() ? 0 : from + 1);
        model.addAttribute("last", to);
        model.addAttribute("total", all.size());
        model.addAttribute("page", page);
        model.addAttribute("hasNext", to < all.size());
        model.addAttribute("active", modes.active().orElse(null));
        model.addAttribute("mayConfigure", CrisisModes.mayConfigure(actor));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "crisis/admin";
    }
}
