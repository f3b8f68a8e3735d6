package no.bosetting.planning.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.cases.HouseholdType;
import no.bosetting.planning.ForecastAssumptions;
import no.bosetting.planning.NationalPlan;
import no.bosetting.planning.PlanForecasts;
import no.bosetting.planning.PlanRevision;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The planner's forecast per scenario (assumptions, arrivals per month and type, places per quarter) and the mid-year revision. */
@Controller
class PlanWebController {

    private static final String BASE = "/kapasitet/anmodninger";

    private final NationalPlan plan;
    private final PlanForecasts forecasts;
    private final PlanRevision revision;
    private final Messages messages;
    private final Clock clock;

    PlanWebController(NationalPlan plan, PlanForecasts forecasts, PlanRevision revision, Messages messages, Clock clock) {
        this.plan = plan;
        this.forecasts = forecasts;
        this.revision = revision;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(BASE + "/prognose")
    String forecast(@RequestParam(required = false) Integer year, @RequestParam(required = false) PlanningScenario.Kind scenario,
                    Model model) {
        int y = year == null ? plan.yearBeingPlanned(LocalDate.now(clock)) : year;
        PlanningScenario.Kind kind = scenario == null ? PlanningScenario.Kind.EXPECTED : scenario;
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("year", y);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", PlanningScenario.Kind.values());
        model.addAttribute("scenario", plan.scenarios(y).get(kind));
        model.addAttribute("versions", plan.scenarioVersions(y, kind));
        model.addAttribute("forecast", forecasts.forecast(y, kind).orElse(null));
        model.addAttribute("types", HouseholdType.values());
        model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
        model.addAttribute("monthStarts", java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> LocalDate.of(y, m, 1)).toList());
        model.addAttribute("canEdit", canEdit());
        return "planning/forecast";
    }

    @PostMapping(BASE + "/prognose")
    String saveForecast(@RequestParam int year, @RequestParam PlanningScenario.Kind scenario, @RequestParam Map<String, String> form,
                        RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Integer persons = r.requiredInteger("scenario." + scenario);
        int[] months = new int[12];
        int filled = 0;
        for (int m = 1; m <= 12; m++) {
            Integer v = r.integer("month." + m);
            if (v != null) {
                months[m - 1] = v;
                filled++;
            }
        }
        if (filled > 0 && filled < 12) {
            r.problem("monthlyPermits", "error.planning.allMonths");
        }
        Map<HouseholdType, Double> shares = new EnumMap<>(HouseholdType.class);
        for (HouseholdType t : HouseholdType.values()) {
            BigDecimal v = r.decimal("share." + t);
            if (v != null) {
                shares.put(t, v.doubleValue());
            }
        }
        BigDecimal privateShare = r.decimal("privateShare");
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.ok()) {
            CommandResult<Void> result = plan.saveScenario(CurrentActor.get(), year, scenario, persons, r.raw("note"),
                    new ForecastAssumptions(filled == 12 ? months : null, shares, privateShare == null ? null : privateShare.doubleValue()),
                    r.raw("scenarioReason"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("planning.forecast.saved",
                        messages.get("planning.scenario." + scenario), year));
                return "redirect:" + BASE + "/prognose?year=" + year + "&scenario=" + scenario;
            }
            errors.putAll(messages.byField(result.failure()));
        }
        Map<String, String> all = r.errors(messages);
        all.putAll(errors);
        redirect.addFlashAttribute("errors", all);
        redirect.addFlashAttribute("values", form);
        return "redirect:" + BASE + "/prognose?year=" + year + "&scenario=" + scenario;
    }

    @PostMapping(BASE + "/revisjon")
    String revise(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Integer revisedNeed = r.requiredInteger("revisedNeed");
        LocalDate revisedOn = r.date("revisedOn");
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.ok()) {
            CommandResult<Integer> result = revision.revise(CurrentActor.get(), year, revisedNeed, revisedOn, r.raw("revisionReason"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("planning.revision.done", result.value(), year));
                return "redirect:" + BASE + "?year=" + year;
            }
            errors.putAll(messages.byField(result.failure()));
        }
        Map<String, String> all = r.errors(messages);
        all.putAll(errors);
        redirect.addFlashAttribute("errors", all);
        redirect.addFlashAttribute("revisionValues", form);
        return "redirect:" + BASE + "?year=" + year + "#revision-heading";
    }

    private static boolean canEdit() {
        Actor actor = CurrentActor.get();
        return actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN);
    }
}
