package no.bosetting.grants.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.CurrentActor;
import no.bosetting.grants.GrantCategory;
import no.bosetting.grants.GrantKind;
import no.bosetting.grants.GrantRate;
import no.bosetting.grants.GrantRates;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rate tables: every agency role reads them, the planner and the administrator add and correct them. */
@Controller
class GrantRateController {

    static final String BASE = "/tilskudd/satser";

    private final GrantRates rates;
    private final Messages messages;

    GrantRateController(GrantRates rates, Messages messages) {
        this.rates = rates;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String page(@RequestParam(name = "rett", required = false) Long correct, Model model) {
        Map<String, String> values = new HashMap<>();
        Optional<GrantRate> toCorrect = correct == null ? Optional.empty() : rates.find(correct).filter(GrantRate::current);
        toCorrect.ifPresent(r -> values.putAll(values(r)));
        return show(model, values, Map.of(), toCorrect.orElse(null));
    }

    @PostMapping(BASE)
    String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        if (!GrantRates.mayEdit(CurrentActor.get())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        FormReader reader = new FormReader(params);
        Long rateId = reader.id("rateId");
        GrantRates.RateForm form = new GrantRates.RateForm(reader.choice("kind", GrantKind.class), reader.choice("category", GrantCategory.class),
                reader.integer("schemeYear"), reader.decimal("amount"), reader.date("validFrom"), reader.date("validTo"), reader.text("source"),
                reader.flag("demo"), reader.text("reason"));
        Map<String, String> errors = new LinkedHashMap<>(reader.errors(messages));
        Optional<GrantRate> toCorrect = rateId == null ? Optional.empty() : rates.find(rateId).filter(GrantRate::current);
        if (errors.isEmpty()) {
            CommandResult<GrantRate> result = CommandResult.attempt(() -> rateId == null ? rates.add(CurrentActor.get(), form)
                    : rates.correct(CurrentActor.get(), rateId, form));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", rateId == null ? messages.get("grants.rates.saved")
                        : messages.get("grants.rates.corrected", result.value().version()));
                return "redirect:" + BASE;
            }
            errors.putAll(messages.byField(result.failure()));
            if (errors.containsKey("")) {
                errors.put("kind", errors.remove(""));
            }
        }
        return show(model, params, errors, toCorrect.orElse(null));
    }

    private String show(Model model, Map<String, String> values, Map<String, String> errors, GrantRate correcting) {
        model.addAttribute("rates", rates.current());
        model.addAttribute("replaced", rates.replaced(50));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("correcting", correcting);
        model.addAttribute("kinds", GrantKind.values());
        model.addAttribute("categories", GrantCategory.values());
        model.addAttribute("canEdit", GrantRates.mayEdit(CurrentActor.get()));
        return "grants/rates";
    }

    private static Map<String, String> values(GrantRate r) {
        Map<String, String> v = new HashMap<>();
        v.put("kind", r.kind().name());
        v.put("category", r.category() == null ? "" : r.category().name());
        v.put("schemeYear", r.schemeYear() == null ? "" : r.schemeYear().toString());
        v.put("amount", r.amount().toPlainString());
        v.put("validFrom", r.validFrom().toString());
        v.put("validTo", r.validTo() == null ? "" : r.validTo().toString());
        v.put("source", r.source());
        v.put("demo", r.demo() ? "true" : "");
        return v;
    }
}
