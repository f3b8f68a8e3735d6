package no.bosetting.crisis.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.Page;
import no.bosetting.crisis.CrisisModes;
import no.bosetting.crisis.FastTrackApplication;
import no.bosetting.crisis.FastTrackApplications;
import no.bosetting.crisis.FastTrackCommand;
import no.bosetting.municipalities.Municipalities;
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
 * The joint fast-track application from its three sides (issue 18 item 1): the refugee starts and signs it on Min side
 * ({@code /min-side/hurtigspor}, nb/en/uk), the municipality co-signs or declines in its inbox ({@code /kommune/hurtigspor}),
 * the agency accepts or refuses a signed one ({@code /krise/hurtigspor}). No ids in paths: an id in a form is checked
 * against the caller's scope like any other read.
 */
@Controller
class FastTrackController {

    static final int PAGE_SIZE = 50;

    private final FastTrackApplications applications;
    private final CrisisModes modes;
    private final Municipalities municipalities;
    private final Messages messages;
    private final Clock clock;

    FastTrackController(FastTrackApplications applications, CrisisModes modes, Municipalities municipalities, Messages messages,
                        Clock clock) {
        this.applications = applications;
        this.modes = modes;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- the refugee ----

    @GetMapping("/min-side/hurtigspor")
    String refugee(Model model) {
        return renderRefugee(new LinkedHashMap<>(), Map.of(), model);
    }

    @PostMapping("/min-side/hurtigspor")
    String start(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!r.flag("consent")) {
            errors.put("consent", messages.get("crisis.fastTrack.error.consent"));
        } else {
            CommandResult<Long> result = applications.start(CurrentActor.get(), r.text("municipalityNumber"), r.text("statement"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("crisis.fastTrack.started"));
                return "redirect:/min-side/hurtigspor";
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return renderRefugee(form, errors, model);
    }

    @PostMapping("/min-side/hurtigspor/trekk")
    String withdraw(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Long id = new FormReader(form).id("id");
        flash(redirect, applications.withdraw(CurrentActor.get(), id == null ? 0 : id), "crisis.fastTrack.withdrawn");
        return "redirect:/min-side/hurtigspor";
    }

    private String renderRefugee(Map<String, String> values, Map<String, String> errors, Model model) {
        Actor actor = CurrentActor.get();
        List<FastTrackApplication> mine = applications.forRefugee(actor);
        Map<Long, List<FastTrackCommand>> commands = new LinkedHashMap<>();
        mine.forEach(a -> commands.put(a.id(), applications.validCommands(actor, a)));
        var own = applications.ownCase(actor);
        model.addAttribute("own", own.orElse(null));
        model.addAttribute("canStart", own.map(FastTrackApplications::mayStart).orElse(false));
        model.addAttribute("applications", mine);
        model.addAttribute("commands", commands);
        model.addAttribute("crisisOn", modes.on());
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "crisis/fasttrack-refugee";
    }

    // ---- the municipality ----

    @GetMapping("/kommune/hurtigspor")
    String municipality(@RequestParam(defaultValue = "0") int page, Model model) {
        return renderMunicipality(null, new LinkedHashMap<>(), Map.of(), page, model);
    }

    @PostMapping("/kommune/hurtigspor/signer")
    String coSign(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long id = r.id("id");
        LocalDate planned = r.date("plannedSettlementDate");
        Map<String, String> errors = new LinkedHashMap<>(r.errors(messages));
        if (errors.isEmpty()) {
            CommandResult<?> result = applications.coSign(CurrentActor.get(), id == null ? 0 : id, planned);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("crisis.fastTrack.signed"));
                return "redirect:/kommune/hurtigspor";
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return renderMunicipality(id, form, inputIds(errors, id), 0, model);
    }

    @PostMapping("/kommune/hurtigspor/avslaa")
    String declineToSign(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long id = r.id("id");
        CommandResult<?> result = applications.declineToSign(CurrentActor.get(), id == null ? 0 : id, r.text("reason"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("crisis.fastTrack.declined"));
            return "redirect:/kommune/hurtigspor";
        }
        return renderMunicipality(id, form, inputIds(messages.byField(result.failure()), id), 0, model);
    }

    private String renderMunicipality(Long errorsFor, Map<String, String> values, Map<String, String> errors, int page, Model model) {
        return renderList("crisis/fasttrack-municipality", errorsFor, values, errors, page, model);
    }

    // ---- the agency ----

    @GetMapping("/krise/hurtigspor")
    String agency(@RequestParam(defaultValue = "0") int page, Model model) {
        return renderList("crisis/fasttrack-agency", null, new LinkedHashMap<>(), Map.of(), page, model);
    }

    @PostMapping("/krise/hurtigspor/godta")
    String accept(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long id = r.id("id");
        CommandResult<?> result = applications.accept(CurrentActor.get(), id == null ? 0 : id, r.text("overrideReason"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("crisis.fastTrack.accepted"));
            return "redirect:/krise/hurtigspor";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        // Refusals about the places (the one place rule) are shown at the override field, so the reason can be given there;
        // the rest (not signed, not ready) about the application as a whole.
        messages.byField(result.failure()).forEach((f, m) -> errors.put("capacity".equals(f) || "overrideReason".equals(f)
                ? "override-" + id : "", m));
        return renderList("crisis/fasttrack-agency", id, form, errors, 0, model);
    }

    @PostMapping("/krise/hurtigspor/avvis")
    String refuse(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long id = r.id("id");
        CommandResult<?> result = applications.refuse(CurrentActor.get(), id == null ? 0 : id, r.text("reason"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("crisis.fastTrack.refused"));
            return "redirect:/krise/hurtigspor";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        messages.byField(result.failure()).forEach((f, m) -> errors.put("reason".equals(f) ? "refuse-" + id : "", m));
        return renderList("crisis/fasttrack-agency", id, form, errors, 0, model);
    }

    private String renderList(String view, Long errorsFor, Map<String, String> values, Map<String, String> errors, int page, Model model) {
        Actor actor = CurrentActor.get();
        Page<FastTrackApplication> p = applications.page(actor, Math.max(page, 0), PAGE_SIZE);
        Map<Long, List<FastTrackCommand>> commands = new LinkedHashMap<>();
        p.items().forEach(a -> commands.put(a.id(), applications.validCommands(actor, a)));
        model.addAttribute("list", p);
        model.addAttribute("commands", commands);
        model.addAttribute("crisisOn", modes.on());
        model.addAttribute("errorsFor", errorsFor);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(clock));
        return view;
    }

    /** Errors keyed by the id of the input on the application's card, so the error summary links to it. */
    private static Map<String, String> inputIds(Map<String, String> errors, Long id) {
        Map<String, String> byInput = new LinkedHashMap<>();
        errors.forEach((f, m) -> byInput.put(switch (f) {
            case "plannedSettlementDate" -> "planned-" + id;
            case "reason" -> "reason-" + id;
            default -> "";
        }, m));
        return byInput;
    }

    private void flash(RedirectAttributes redirect, CommandResult<?> result, String successKey) {
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get(successKey));
        } else {
            redirect.addFlashAttribute("failure", messages.of(result.failure()));
        }
    }
}
