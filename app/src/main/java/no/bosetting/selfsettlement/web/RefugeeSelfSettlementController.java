package no.bosetting.selfsettlement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseSummary;
import no.bosetting.selfsettlement.OptInWindow;
import no.bosetting.selfsettlement.RequestData;
import no.bosetting.selfsettlement.RequestStatus;
import no.bosetting.selfsettlement.SelfSettlementOverview;
import no.bosetting.selfsettlement.SelfSettlementCommand;
import no.bosetting.selfsettlement.SelfSettlementRegistrations;
import no.bosetting.selfsettlement.SelfSettlementRequest;
import no.bosetting.selfsettlement.SelfSettlementRequests;
import no.bosetting.selfsettlement.SelfSettlementWindows;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.FormReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The refugee's own self-settlement page: the opt-in window, registering a request with the dwelling
 * and lease, its status, and withdrawing. Only their own household: no ids in the path, and an id in
 * a form is checked against their DUF number like any other read.
 */
@Controller
class RefugeeSelfSettlementController {

    private final SelfSettlementRequests requests;
    private final SelfSettlementRegistrations registrations;
    private final SelfSettlementWindows windows;
    private final SelfSettlementOverview overview;
    private final Messages messages;
    private final Clock clock;
    private final no.bosetting.municipalities.Municipalities allMunicipalities;

    RefugeeSelfSettlementController(SelfSettlementRequests requests, SelfSettlementRegistrations registrations,
                                    SelfSettlementWindows windows, SelfSettlementOverview overview, Messages messages, Clock clock,
                                    no.bosetting.municipalities.Municipalities allMunicipalities) {
        this.allMunicipalities = allMunicipalities;
        this.requests = requests;
        this.registrations = registrations;
        this.windows = windows;
        this.overview = overview;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/min-side/selvbosetting")
    String page(Model model) {
        return render(new LinkedHashMap<>(Map.of("leaseStart", LocalDate.now(clock).toString())), Map.of(), model);
    }

    @PostMapping("/min-side/selvbosetting")
    String register(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        RequestData data = new RequestData(r.text("municipalityNumber"), r.text("address"), r.text("landlordName"),
                r.text("landlordEmail"), r.date("leaseStart"), r.integer("monthlyRent"), r.integer("rooms"));
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((f, k) -> errors.put(f, messages.get(k)));
        if (errors.isEmpty()) {
            CommandResult<Long> result = registrations.register(actor, null, data);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("selfsettlement.refugee.registered"));
                return "redirect:/min-side/selvbosetting";
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return render(form, errors, model);
    }

    @PostMapping("/min-side/selvbosetting/trekk")
    String withdraw(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Long id = new FormReader(form).id("requestId");
        CommandResult<RequestStatus> result = id == null
                ? CommandResult.fail(CommandFailure.NotFound.of("selfsettlement.error.notFound"))
                : registrations.withdraw(CurrentActor.get(), id);
        flash(redirect, result, "selfsettlement.refugee.withdrawn");
        return "redirect:/min-side/selvbosetting";
    }

    @PostMapping("/min-side/selvbosetting/bolig-tapt")
    String dwellingLost(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Long id = new FormReader(form).id("requestId");
        CommandResult<RequestStatus> result = id == null
                ? CommandResult.fail(CommandFailure.NotFound.of("selfsettlement.error.notFound"))
                : registrations.dwellingLost(CurrentActor.get(), id, null);
        flash(redirect, result, "selfsettlement.refugee.dwellingLost");
        return "redirect:/min-side/selvbosetting";
    }

    @PostMapping("/min-side/selvbosetting/vindu")
    String optIn(RedirectAttributes redirect) {
        flash(redirect, windows.optIn(CurrentActor.get()), "selfsettlement.window.opened");
        return "redirect:/min-side/selvbosetting";
    }

    @PostMapping("/min-side/selvbosetting/vindu/avslutt")
    String endWindow(RedirectAttributes redirect) {
        flash(redirect, windows.withdraw(CurrentActor.get()), "selfsettlement.window.ended");
        return "redirect:/min-side/selvbosetting";
    }

    private void flash(RedirectAttributes redirect, CommandResult<?> result, String successKey) {
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get(successKey));
        } else {
            redirect.addFlashAttribute("failure", messages.of(result.failure()));
        }
    }

    private String render(Map<String, String> values, Map<String, String> errors, Model model) {
        Actor actor = CurrentActor.get();
        LocalDate today = LocalDate.now(clock);
        Optional<CaseSummary> own = requests.ownCase(actor);
        Optional<OptInWindow> window = own.flatMap(c -> windows.latest(c.id()));
        model.addAttribute("own", own.orElse(null));
        List<SelfSettlementRequest> mine = requests.forRefugee(actor);
        Map<Long, List<SelfSettlementCommand>> commands = new HashMap<>();
        mine.forEach(r -> commands.put(r.id(), requests.validCommands(actor, r)));
        model.addAttribute("requests", mine);
        model.addAttribute("commands", commands);
        model.addAttribute("window", window.orElse(null));
        model.addAttribute("windowOpen", window.map(w -> w.openOn(today)).orElse(false));
        model.addAttribute("lastOptInDay", own.map(c -> windows.lastOptInDay(c.permitDate())).orElse(null));
        model.addAttribute("canOptIn", own.isPresent() && window.isEmpty() && !today.isAfter(windows.lastOptInDay(own.get().permitDate()))
                && (own.get().status() == no.bosetting.cases.CaseStatus.UNDER_MAPPING
                    || own.get().status() == no.bosetting.cases.CaseStatus.READY_FOR_ALLOCATION)
                && !own.get().unaccompaniedMinor() && own.get().permitType() != no.bosetting.cases.PermitType.RESETTLEMENT);
        model.addAttribute("leaseDays", windows.leaseDays());
        var accepting = overview.publicList();
        model.addAttribute("municipalities", accepting);
        // The others may be asked too: the request is recorded and refused at once, so the demand is known (issue 20 item 9).
        java.util.Set<String> acceptingNumbers = new java.util.HashSet<>();
        accepting.forEach(m -> acceptingNumbers.add(m.number()));
        model.addAttribute("otherMunicipalities", allMunicipalities.all().stream().filter(m -> !acceptingNumbers.contains(m.number()))
                .sorted(java.util.Comparator.comparing(no.bosetting.municipalities.Municipality::name)).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "selfsettlement/refugee";
    }
}
