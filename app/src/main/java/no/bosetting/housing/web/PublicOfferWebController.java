package no.bosetting.housing.web;

import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.housing.DwellingType;
import no.bosetting.housing.HousingOffers;
import no.bosetting.housing.OfferData;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.FormReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public form where residents and landlords offer a dwelling to a municipality. It needs no
 * login and can only add an offer to a queue; it shows nothing back but a receipt.
 */
@Controller
public class PublicOfferWebController {

    private final HousingOffers offers;
    private final Municipalities municipalities;
    private final Messages messages;

    public PublicOfferWebController(HousingOffers offers, Municipalities municipalities, Messages messages) {
        this.offers = offers;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    @GetMapping("/tilby-bolig")
    String form(@RequestParam(required = false) String kommune, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        if (kommune != null && kommune.matches("\\d{4}") && municipalities.find(kommune).isPresent()) {
            values.put("municipalityNumber", kommune);
        }
        return render(values, Map.of(), model);
    }

    @PostMapping("/tilby-bolig")
    String submit(@RequestParam Map<String, String> form, Model model) {
        FormReader r = new FormReader(form);
        OfferData data = new OfferData(r.text("municipalityNumber"), r.text("contactName"), r.text("contactPhone"),
                r.text("contactEmail"), r.text("address"), r.choice("dwellingType", DwellingType.class), r.integer("rooms"),
                r.integer("areaM2"), r.integer("monthlyRent"), r.date("availableFrom"), r.text("description"));
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        offers.validate(data).forEach(p -> errors.putIfAbsent(p.field(), messages.of(p)));
        if (errors.isEmpty()) {
            CommandResult<Long> result = offers.submit(data);
            if (result.isSuccess()) {
                return "redirect:/tilby-bolig/mottatt";
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return render(form, errors, model);
    }

    @GetMapping("/tilby-bolig/mottatt")
    String received() {
        return "housing/offer-received";
    }

    private String render(Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("types", DwellingType.values());
        return "housing/offer-public";
    }
}
