package no.bosetting.selfsettlement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.selfsettlement.InspectionResult;
import no.bosetting.selfsettlement.MunicipalityInitiatedSelfSettlements;
import no.bosetting.selfsettlement.RefusalReason;
import no.bosetting.selfsettlement.RequestChecklist;
import no.bosetting.selfsettlement.RequestData;
import no.bosetting.selfsettlement.RequestStatus;
import no.bosetting.selfsettlement.SelfSettlementChecks;
import no.bosetting.selfsettlement.SelfSettlementRegistrations;
import no.bosetting.selfsettlement.SelfSettlementRequest;
import no.bosetting.selfsettlement.SelfSettlementRequests;
import no.bosetting.selfsettlement.SelfSettlementSetting;
import no.bosetting.selfsettlement.SelfSettlementSettings;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.FormReader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The municipality's side of agreed self-settlement: its setting, its requests and their check. */
@Controller
class MunicipalSelfSettlementController {

    private final SelfSettlementRequests requests;
    private final SelfSettlementRegistrations registrations;
    private final SelfSettlementChecks checks;
    private final SelfSettlementSettings settings;
    private final MunicipalityInitiatedSelfSettlements initiated;
    private final Municipalities municipalities;
    private final Messages messages;
    private final Clock clock;

    MunicipalSelfSettlementController(SelfSettlementRequests requests, SelfSettlementRegistrations registrations,
                                      SelfSettlementChecks checks, SelfSettlementSettings settings,
                                      MunicipalityInitiatedSelfSettlements initiated, Municipalities municipalities,
                                      Messages messages, Clock clock) {
        this.requests = requests;
        this.registrations = registrations;
        this.checks = checks;
        this.settings = settings;
        this.initiated = initiated;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/kommune/selvbosetting")
    String overview(@org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> query, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("requests", requests.forMunicipality(actor, no.bosetting.shared.web.PageRequest.read(query,
                SelfSettlementRequests.MUNICIPALITY_ORDER, "received"), query));
        model.addAttribute("setting", settings.find(actor.municipalityNumber()).orElse(null));
        model.addAttribute("candidates", initiated.candidates(actor));
        model.addAttribute("marked", initiated.marked(actor));
        model.addAttribute("initiatedDays", initiated.days());
        model.addAttribute("municipalityName", municipalities.name(actor.municipalityNumber()));
        return "selfsettlement/municipality";
    }

    @PostMapping("/kommune/selvbosetting/egen-bolig")
    String markInitiated(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Long caseId = new FormReader(form).id("caseId");
        CommandResult<LocalDate> result = caseId == null
                ? CommandResult.fail(no.bosetting.shared.CommandFailure.RuleBroken.of("caseId", "selfsettlement.error.choose"))
                : initiated.mark(CurrentActor.get(), caseId);
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("selfsettlement.initiated.marked", result.value()));
        } else {
            redirect.addFlashAttribute("failure", messages.of(result.failure()));
        }
        return "redirect:/kommune/selvbosetting";
    }

    @GetMapping("/kommune/selvbosetting/innstillinger")
    String settingsForm(Model model) {
        Actor actor = CurrentActor.get();
        Map<String, String> values = new LinkedHashMap<>();
        SelfSettlementSetting s = settings.find(actor.municipalityNumber()).orElse(null);
        values.put("accepts", s != null && s.accepts() ? "true" : "false");
        values.put("rulesText", s == null || s.rulesText() == null ? "" : s.rulesText());
        values.put("rentLimit", s == null || s.rentLimit() == null ? "" : String.valueOf(s.rentLimit()));
        values.put("capPercent", String.valueOf(s == null ? SelfSettlementSetting.DEFAULT_CAP_PERCENT : s.capPercent()));
        return renderSettings(values, Map.of(), model);
    }

    @PostMapping("/kommune/selvbosetting/innstillinger")
    String saveSettings(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        Integer rent = r.integer("rentLimit");
        Integer cap = r.integer("capPercent");
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((f, k) -> errors.put(f, messages.get(k)));
        if (errors.isEmpty()) {
            CommandResult<SelfSettlementSetting> result = settings.save(actor, actor.municipalityNumber(), "true".equals(r.text("accepts")),
                    r.text("rulesText"), rent, cap);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("selfsettlement.settings.saved"));
                return "redirect:/kommune/selvbosetting/innstillinger";
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return renderSettings(form, errors, model);
    }

    @GetMapping("/kommune/selvbosetting/ny")
    String registerForm(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("leaseStart", LocalDate.now(clock).toString());
        return renderRegister(values, Map.of(), model);
    }

    @PostMapping("/kommune/selvbosetting/ny")
    String register(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        RequestData data = new RequestData(actor.municipalityNumber(), r.text("address"), r.text("landlordName"),
                r.text("landlordEmail"), r.date("leaseStart"), r.integer("monthlyRent"), r.integer("rooms"));
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((f, k) -> errors.put(f, messages.get(k)));
        if (errors.isEmpty()) {
            CommandResult<Long> result = registrations.register(actor, r.text("dufNumber"), data);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("selfsettlement.request.registered"));
                return "redirect:/kommune/selvbosetting/" + result.value();
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return renderRegister(form, errors, model);
    }

    @GetMapping("/kommune/selvbosetting/{id}")
    String detail(@PathVariable long id, Model model) {
        SelfSettlementRequest request = found(id);
        return renderDetail(request, checklistValues(request), Map.of(), model);
    }

    @PostMapping("/kommune/selvbosetting/{id}/sjekkliste")
    String saveChecklist(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return withChecklist(id, form, model, redirect, "selfsettlement.checklist.saved",
                checklist -> checks.saveChecklist(CurrentActor.get(), id, checklist));
    }

    @PostMapping("/kommune/selvbosetting/{id}/videresend")
    String forward(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return withChecklist(id, form, model, redirect, "selfsettlement.request.forwarded",
                checklist -> checks.forward(CurrentActor.get(), id, checklist));
    }

    /** Saving and forwarding both read the checklist; a field that cannot be read stops the command and keeps the input. */
    private String withChecklist(long id, Map<String, String> form, Model model, RedirectAttributes redirect, String successKey,
                                 java.util.function.Function<RequestChecklist, CommandResult<?>> command) {
        SelfSettlementRequest request = found(id);
        FormReader r = new FormReader(form);
        RequestChecklist checklist = checklist(r);
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((f, k) -> errors.put(f, messages.get(k)));
        if (errors.isEmpty()) {
            CommandResult<?> result = command.apply(checklist);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get(successKey));
                return "redirect:/kommune/selvbosetting/" + id;
            }
            errors.putAll(messages.byField(result.failure()));
            request = found(id);
        }
        return renderDetail(request, form, errors, model);
    }

    @PostMapping("/kommune/selvbosetting/{id}/avslag")
    String refuse(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        found(id);
        FormReader r = new FormReader(form);
        RefusalReason reason = r.choice("refusalReason", RefusalReason.class);
        CommandResult<RequestStatus> result = checks.refuseByMunicipality(CurrentActor.get(), id, reason, r.text("refusalText"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("selfsettlement.request.refused"));
            return "redirect:/kommune/selvbosetting/" + id;
        }
        Map<String, String> values = new LinkedHashMap<>(checklistValues(found(id)));
        values.putAll(form);
        return renderDetail(found(id), values, messages.byField(result.failure()), model);
    }

    @PostMapping("/kommune/selvbosetting/{id}/bolig-tapt")
    String dwellingLost(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        found(id);
        CommandResult<RequestStatus> result = registrations.dwellingLost(CurrentActor.get(), id, new FormReader(form).text("note"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("selfsettlement.request.dwellingLost"));
        } else {
            redirect.addFlashAttribute("failure", messages.of(result.failure()));
        }
        return "redirect:/kommune/selvbosetting/" + id;
    }

    private SelfSettlementRequest found(long id) {
        return requests.find(CurrentActor.get(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static RequestChecklist checklist(FormReader r) {
        return new RequestChecklist(r.flag("leaseTermsOk"), r.flag("rentWithinLimit"), r.flag("propertyRegisterOk"),
                r.flag("independentDwelling"), r.date("inspectionDate"), r.choice("inspectionResult", InspectionResult.class));
    }

    private static Map<String, String> checklistValues(SelfSettlementRequest request) {
        Map<String, String> v = new LinkedHashMap<>();
        RequestChecklist c = request.checklist();
        v.put("leaseTermsOk", String.valueOf(c.leaseTermsOk()));
        v.put("rentWithinLimit", String.valueOf(c.rentWithinLimit()));
        v.put("propertyRegisterOk", String.valueOf(c.propertyRegisterOk()));
        v.put("independentDwelling", String.valueOf(c.independentDwelling()));
        v.put("inspectionDate", c.inspectionDate() == null ? "" : c.inspectionDate().toString());
        v.put("inspectionResult", c.inspectionResult() == null ? "" : c.inspectionResult().name());
        return v;
    }

    private String renderSettings(Map<String, String> values, Map<String, String> errors, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("history", settings.history(actor.municipalityNumber()));
        model.addAttribute("municipalityName", municipalities.name(actor.municipalityNumber()));
        return "selfsettlement/settings";
    }

    private String renderRegister(Map<String, String> values, Map<String, String> errors, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("accepts", settings.accepts(actor.municipalityNumber()));
        model.addAttribute("municipalityName", municipalities.name(actor.municipalityNumber()));
        return "selfsettlement/register";
    }

    private String renderDetail(SelfSettlementRequest request, Map<String, String> values, Map<String, String> errors, Model model) {
        Actor actor = CurrentActor.get();
        requests.recordRead(request, actor, "web:/kommune/selvbosetting/" + request.id());
        model.addAttribute("request", request);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("history", requests.history(request.id()));
        model.addAttribute("setting", settings.find(request.municipalityNumber()).orElse(null));
        model.addAttribute("landlordRejected", requests.landlordRejected(actor, request.landlordName(), request.landlordEmail()));
        model.addAttribute("inspectionResults", InspectionResult.values());
        model.addAttribute("refusalReasons", RefusalReason.values());
        model.addAttribute("municipalityName", municipalities.name(request.municipalityNumber()));
        model.addAttribute("commands", requests.validCommands(actor, request));
        return "selfsettlement/municipality-detail";
    }
}
