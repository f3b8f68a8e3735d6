package no.bosetting.housing.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import no.bosetting.housing.DwellingType;
import no.bosetting.housing.HousingOffers;
import no.bosetting.housing.OfferData;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.RateLimits;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.FormReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public form where residents and landlords offer a dwelling to a municipality. It needs no
 * login and can only add an offer to a queue; it shows nothing back but a receipt. Each offer e-mails the
 * municipality's officers, so offers are limited per client address ({@code bosetting.public-offer.rate-limit.*},
 * counted in the database across instances): beyond the limit the form comes back as it was typed, with
 * status 429 and a message saying when to send it again. Only valid offers count, so fixing typing errors never
 * uses up the limit.
 */
@Controller
class PublicOfferWebController {

    private final HousingOffers offers;
    private final Municipalities municipalities;
    private final Messages messages;
    private final RateLimits rateLimits;
    private final int maxOffers;
    private final Duration window;

    public PublicOfferWebController(HousingOffers offers, Municipalities municipalities, Messages messages, RateLimits rateLimits,
                                    @Value("${bosetting.public-offer.rate-limit.max:3}") int maxOffers,
                                    @Value("${bosetting.public-offer.rate-limit.window:PT10M}") Duration window) {
        this.offers = offers;
        this.municipalities = municipalities;
        this.messages = messages;
        this.rateLimits = rateLimits;
        this.maxOffers = maxOffers;
        this.window = window;
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
    String submit(@RequestParam Map<String, String> form, Model model, HttpServletRequest request, HttpServletResponse response) {
        FormReader r = new FormReader(form);
        OfferData data = new OfferData(r.text("municipalityNumber"), r.text("contactName"), r.text("contactPhone"),
                r.text("contactEmail"), r.text("address"), r.choice("dwellingType", DwellingType.class), r.integer("rooms"),
                r.integer("areaM2"), r.integer("monthlyRent"), r.date("availableFrom"), r.text("description"));
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((field, key) -> errors.put(field, messages.get(key)));
        offers.validate(data).forEach(p -> errors.putIfAbsent(p.field(), messages.of(p)));
        if (errors.isEmpty()) {
            RateLimits.Decision decision = rateLimits.hit("public-offer", request.getRemoteAddr(), maxOffers, window);
            if (!decision.allowed()) {
                long minutes = Math.max(1, (decision.retryAfter().getSeconds() + 59) / 60);
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, decision.retryAfter().getSeconds())));
                model.addAttribute("rateLimited", messages.get("housing.offerForm.rateLimited", maxOffers, window.toMinutes(), minutes));
                return render(form, errors, model);
            }
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
