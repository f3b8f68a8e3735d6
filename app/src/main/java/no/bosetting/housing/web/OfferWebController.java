package no.bosetting.housing.web;

import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.housing.Checklist;
import no.bosetting.housing.DwellingStandard;
import no.bosetting.housing.HousingOffer;
import no.bosetting.housing.HousingOffers;
import no.bosetting.housing.OfferStatus;
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

/** The municipality's queue of private offers, their quality assurance, and its landlords. */
@Controller
class OfferWebController {

    private final HousingOffers offers;
    private final Messages messages;

    public OfferWebController(HousingOffers offers, Messages messages) {
        this.offers = offers;
        this.messages = messages;
    }

    @GetMapping("/kommune/botilbud")
    String queue(@RequestParam Map<String, String> params, Model model) {
        FormReader reader = new FormReader(params);
        OfferStatus status = params.containsKey("status") ? reader.choice("status", OfferStatus.class) : OfferStatus.RECEIVED;
        model.addAttribute("offers", offers.queue(CurrentActor.get(), status,
                no.bosetting.shared.web.PageRequest.read(params, HousingOffers.QUEUE_ORDER, "received"), params));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OfferStatus.values());
        return "housing/offers";
    }

    @GetMapping("/kommune/botilbud/{id}")
    String detail(@PathVariable long id, Model model) {
        HousingOffer offer = found(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ownerType", OwnerType.PRIVATE_SUBLEASE.name());
        values.put("standard", DwellingStandard.GOOD.name());
        return render(offer, values, Map.of(), model);
    }

    @PostMapping("/kommune/botilbud/{id}/sjekkliste")
    String saveChecklist(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        found(id);
        CommandResult<HousingOffer> result = offers.saveChecklist(actor, id, checklist(new FormReader(form)));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("housing.offer.checklistSaved"));
            return "redirect:/kommune/botilbud/" + id;
        }
        return render(found(id), form, messages.byField(result.failure()), model);
    }

    @PostMapping("/kommune/botilbud/{id}/godkjenn")
    String approve(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        found(id);
        FormReader reader = new FormReader(form);
        OwnerType owner = reader.choice("ownerType", OwnerType.class);
        DwellingStandard standard = reader.choice("standard", DwellingStandard.class);
        Map<String, String> errors = new LinkedHashMap<>();
        reader.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        if (errors.isEmpty()) {
            CommandResult<Long> result = offers.approve(actor, id, checklist(reader), owner, standard, reader.text("holdingUnit"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("housing.offer.approved"));
                return "redirect:/kommune/boliger/" + result.value();
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return render(found(id), form, errors, model);
    }

    @PostMapping("/kommune/botilbud/{id}/avvis")
    String reject(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        found(id);
        FormReader reader = new FormReader(form);
        CommandResult<HousingOffer> result = offers.reject(actor, id, reader.text("reason"), reader.flag("rejectLandlord"));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("housing.offer.rejected"));
            return "redirect:/kommune/botilbud";
        }
        return render(found(id), form, messages.byField(result.failure()), model);
    }

    @GetMapping("/kommune/utleiere")
    String landlords(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("landlords", offers.landlords(actor, false));
        model.addAttribute("rejected", offers.landlords(actor, true));
        return "housing/landlords";
    }

    private HousingOffer found(long id) {
        return offers.find(CurrentActor.get(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Checklist checklist(FormReader r) {
        return new Checklist(r.flag("inspectionDone"), r.flag("propertyRegisterChecked"), r.flag("fireSafetyOk"), r.flag("rentReasonable"));
    }

    private String render(HousingOffer offer, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("offer", offer);
        model.addAttribute("commands", offers.validCommands(CurrentActor.get(), offer));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("ownerTypes", new OwnerType[]{OwnerType.PRIVATE_SUBLEASE, OwnerType.PRIVATE_DIRECT});
        model.addAttribute("standards", DwellingStandard.values());
        return "housing/offer-detail";
    }
}
