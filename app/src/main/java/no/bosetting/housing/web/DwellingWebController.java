package no.bosetting.housing.web;

import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.housing.Dwelling;
import no.bosetting.housing.DwellingData;
import no.bosetting.housing.DwellingFilter;
import no.bosetting.housing.DwellingStandard;
import no.bosetting.housing.DwellingStatus;
import no.bosetting.housing.DwellingType;
import no.bosetting.housing.Dwellings;
import no.bosetting.housing.HousingMatches;
import no.bosetting.housing.HousingNeeds;
import no.bosetting.housing.LeaseData;
import no.bosetting.housing.LeaseKind;
import no.bosetting.housing.Leases;
import no.bosetting.housing.OwnerType;
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

/** The municipality's dwelling register: list with filters, create and edit, leases and reservations. */
@Controller
class DwellingWebController {

    private final Dwellings dwellings;
    private final Leases leases;
    private final HousingMatches matches;
    private final HousingNeeds needs;
    private final Messages messages;

    public DwellingWebController(Dwellings dwellings, Leases leases, HousingMatches matches, HousingNeeds needs, Messages messages) {
        this.dwellings = dwellings;
        this.leases = leases;
        this.matches = matches;
        this.needs = needs;
        this.messages = messages;
    }

    @GetMapping("/kommune/boliger/behov")
    String need(Model model) {
        model.addAttribute("need", needs.forMunicipality(CurrentActor.get()));
        model.addAttribute("longVacantDays", HousingNeeds.LONG_VACANT_DAYS);
        return "housing/need";
    }

    @GetMapping("/kommune/boliger")
    String list(@RequestParam Map<String, String> params, Model model) {
        Actor actor = CurrentActor.get();
        FormReader reader = new FormReader(params);
        DwellingFilter filter = new DwellingFilter(reader.choice("status", DwellingStatus.class),
                reader.choice("dwellingType", DwellingType.class), reader.integer("minRooms"),
                "yes".equals(reader.text("accessible")) ? Boolean.TRUE : "no".equals(reader.text("accessible")) ? Boolean.FALSE : null);
        model.addAttribute("dwellings", dwellings.list(actor, filter));
        model.addAttribute("filter", params);
        model.addAttribute("statuses", DwellingStatus.values());
        model.addAttribute("types", DwellingType.values());
        model.addAttribute("vacantRent", dwellings.vacantRentPerMonth(actor));
        model.addAttribute("households", matches.awaitingHousing(actor));
        return "housing/dwellings";
    }

    @GetMapping("/kommune/boliger/ny")
    String createForm(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ownerType", OwnerType.MUNICIPAL.name());
        values.put("standard", DwellingStandard.GOOD.name());
        return form(null, values, Map.of(), model);
    }

    @PostMapping("/kommune/boliger/ny")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader reader = new FormReader(form);
        DwellingData data = read(reader);
        Map<String, String> errors = errors(reader, data);
        if (errors.isEmpty()) {
            CommandResult<Long> result = dwellings.create(actor, data);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("housing.dwelling.created"));
                return "redirect:/kommune/boliger/" + result.value();
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return form(null, form, errors, model);
    }

    @GetMapping("/kommune/boliger/{id}")
    String edit(@PathVariable long id, Model model) {
        Dwelling d = found(id);
        return form(d, values(d), Map.of(), model);
    }

    @PostMapping("/kommune/boliger/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        Dwelling d = found(id);
        FormReader reader = new FormReader(form);
        DwellingData data = read(reader);
        Map<String, String> errors = errors(reader, data);
        if (errors.isEmpty()) {
            CommandResult<Dwelling> result = dwellings.update(actor, id, data);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("housing.dwelling.saved"));
                return "redirect:/kommune/boliger/" + id;
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return form(d, form, errors, model);
    }

    @PostMapping("/kommune/boliger/{id}/frigi")
    String release(@PathVariable long id, RedirectAttributes redirect) {
        found(id);
        CommandResult<Dwelling> result = dwellings.release(CurrentActor.get(), id);
        redirect.addFlashAttribute(result.isSuccess() ? "success" : "error",
                result.isSuccess() ? messages.get("housing.dwelling.released") : messages.of(result.failure()));
        return "redirect:/kommune/boliger/" + id;
    }

    @PostMapping("/kommune/boliger/{id}/leie")
    String createLease(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        Dwelling d = found(id);
        FormReader reader = new FormReader(form);
        LeaseData data = new LeaseData(reader.choice("kind", LeaseKind.class), reader.flag("transferable"), reader.date("startDate"),
                reader.integer("termYears"), reader.text("shortTermReason"), reader.integer("leaseRent"), reader.integer("deposit"),
                reader.integer("rentGuaranteeMonths"));
        Map<String, String> errors = new LinkedHashMap<>();
        reader.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        leases.validate(data).forEach(p -> errors.putIfAbsent(p.field(), messages.of(p)));
        if (errors.isEmpty()) {
            CommandResult<Long> result = leases.create(actor, id, data);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("housing.lease.created"));
                return "redirect:/kommune/boliger/" + id;
            }
            errors.putAll(messages.byField(result.failure()));
        }
        model.addAttribute("leaseErrors", errors);
        model.addAttribute("leaseValues", form);
        return form(d, values(d), Map.of(), model);
    }

    private Dwelling found(long id) {
        return dwellings.find(CurrentActor.get(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Dwelling dwelling, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("dwelling", dwelling);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("ownerTypes", OwnerType.values());
        model.addAttribute("types", DwellingType.values());
        model.addAttribute("standards", DwellingStandard.values());
        model.addAttribute("leaseKinds", LeaseKind.values());
        if (dwelling != null) {
            model.addAttribute("commands", dwellings.validCommands(CurrentActor.get(), dwelling));
            model.addAttribute("leases", leases.forDwelling(CurrentActor.get(), dwelling.id()));
            if (!model.containsAttribute("leaseValues")) {
                Map<String, String> lease = new LinkedHashMap<>();
                lease.put("kind", dwelling.ownerType() == OwnerType.PRIVATE_DIRECT ? LeaseKind.DIRECT.name() : LeaseKind.SUBLEASE.name());
                lease.put("termYears", String.valueOf(Leases.DEFAULT_TERM_YEARS));
                lease.put("rentGuaranteeMonths", String.valueOf(Leases.DEFAULT_RENT_GUARANTEE_MONTHS));
                lease.put("leaseRent", dwelling.monthlyRent() == null ? "" : String.valueOf(dwelling.monthlyRent()));
                lease.put("startDate", dwelling.availableFrom().toString());
                model.addAttribute("leaseValues", lease);
                model.addAttribute("leaseErrors", Map.of());
            }
        }
        return "housing/dwelling-form";
    }

    private Map<String, String> errors(FormReader reader, DwellingData data) {
        Map<String, String> errors = new LinkedHashMap<>();
        reader.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        dwellings.validate(data).forEach(p -> errors.putIfAbsent(p.field(), messages.of(p)));
        return errors;
    }

    private static DwellingData read(FormReader r) {
        return new DwellingData(r.text("address"), r.choice("ownerType", OwnerType.class), r.choice("dwellingType", DwellingType.class),
                r.integer("rooms"), r.integer("areaM2"), r.choice("standard", DwellingStandard.class), r.flag("accessible"),
                r.integer("distanceSchoolM"), r.integer("distanceShopM"), r.integer("distanceTransportM"), r.integer("monthlyRent"),
                r.date("availableFrom"), r.text("holdingUnit"), r.flag("unavailable"));
    }

    private static Map<String, String> values(Dwelling d) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("address", d.address());
        v.put("ownerType", d.ownerType().name());
        v.put("dwellingType", d.dwellingType().name());
        v.put("rooms", String.valueOf(d.rooms()));
        v.put("areaM2", str(d.areaM2()));
        v.put("standard", d.standard().name());
        v.put("accessible", d.accessible() ? "true" : "");
        v.put("distanceSchoolM", str(d.distanceSchoolM()));
        v.put("distanceShopM", str(d.distanceShopM()));
        v.put("distanceTransportM", str(d.distanceTransportM()));
        v.put("monthlyRent", str(d.monthlyRent()));
        v.put("availableFrom", d.availableFrom().toString());
        v.put("holdingUnit", d.holdingUnit() == null ? "" : d.holdingUnit());
        v.put("unavailable", d.status() == DwellingStatus.UNAVAILABLE ? "true" : "");
        return v;
    }

    private static String str(Integer i) {
        return i == null ? "" : String.valueOf(i);
    }
}
