package no.bosetting.planning.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.planning.CapacityRequests;
import no.bosetting.planning.CriteriaData;
import no.bosetting.planning.EvenPace;
import no.bosetting.planning.NationalPlan;
import no.bosetting.planning.PacePlan;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.planning.RequestComputation;
import no.bosetting.planning.RequestCriteria;
import no.bosetting.planning.RequestInput;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The planner's page: scenarios, national need and its county split, criteria, and the versioned requests. */
@Controller
class RequestWebController {

    private static final String BASE = "/kapasitet/anmodninger";

    private final CapacityRequests requests;
    private final CapacityDecisions decisions;
    private final Municipalities municipalities;
    private final Messages messages;
    private final Clock clock;
    private final EvenPace pace;
    private final NationalPlan plan;
    private final CriteriaData criteriaData;
    private final no.bosetting.indicators.IndicatorValues indicators;

    public RequestWebController(CapacityRequests requests, CapacityDecisions decisions, Municipalities municipalities,
                                Messages messages, Clock clock, EvenPace pace, NationalPlan plan, CriteriaData criteriaData,
                                no.bosetting.indicators.IndicatorValues indicators) {
        this.plan = plan;
        this.pace = pace;
        this.criteriaData = criteriaData;
        this.indicators = indicators;
        this.requests = requests;
        this.decisions = decisions;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
    }

    private int yearOr(Integer year) {
        return year == null ? plan.yearBeingPlanned(LocalDate.now(clock)) : year;
    }

    @GetMapping(BASE)
    String overview(@RequestParam(required = false) Integer year, Model model) {
        int y = yearOr(year);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        List<RequestComputation> rows = requests.compute(y);
        model.addAttribute("year", y);
        model.addAttribute("kinds", PlanningScenario.Kind.values());
        model.addAttribute("scenarios", requests.scenarios(y));
        model.addAttribute("need", requests.need(y).orElse(null));
        model.addAttribute("needVersions", plan.needVersions(y));
        model.addAttribute("counties", counties());
        model.addAttribute("criteria", requests.criteria(y));
        model.addAttribute("rows", rows);
        model.addAttribute("totalComputed", rows.stream().mapToInt(RequestComputation::persons).sum());
        model.addAttribute("totalMinors", rows.stream().mapToInt(RequestComputation::minors).sum());
        model.addAttribute("pacePeriod", pace.period(y));
        model.addAttribute("pacePeriods", PacePlan.Period.values());
        model.addAttribute("latest", requests.latestForYear(y));
        model.addAttribute("decided", decisions.forYear(y));
        model.addAttribute("rounds", requests.rounds(y));
        model.addAttribute("municipalities", municipalities);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("canEdit", canEdit());
        return "planning/requests";
    }

    @PostMapping(BASE + "/scenarioer")
    String scenarios(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Map<String, String> failures = new LinkedHashMap<>();
        for (PlanningScenario.Kind kind : PlanningScenario.Kind.values()) {
            Integer persons = r.integer("scenario." + kind);
            if (persons != null) {
                fail(requests.saveScenario(CurrentActor.get(), year, kind, persons, r.raw("note." + kind), r.raw("scenarioReason")),
                        failures);
            }
        }
        return done(year, errors(r, failures), "planning.scenarios.saved", redirect);
    }

    @PostMapping(BASE + "/behov")
    String need(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Integer persons = r.requiredInteger("need");
        LocalDate decidedOn = r.date("decidedOn");
        Map<String, Integer> split = new TreeMap<>();
        for (String county : counties().keySet()) {
            Integer p = r.integer("county." + county);
            if (p != null) {
                split.put(county, p);
            }
        }
        Map<String, String> failures = new LinkedHashMap<>();
        if (r.ok()) {
            fail(requests.saveNeed(CurrentActor.get(), year, persons, decidedOn, split, r.raw("needReason")), failures);
        }
        return done(year, errors(r, failures), "planning.need.saved", redirect);
    }

    @PostMapping(BASE + "/kriterier")
    String criteria(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        double[] weights = new double[6];
        for (int c = 1; c <= 6; c++) {
            BigDecimal w = r.requiredDecimal("weight" + c);
            weights[c - 1] = w == null ? 0 : w.doubleValue();
        }
        Integer minimum = r.requiredInteger("minimumPersons");
        BigDecimal share = r.requiredDecimal("closedImmigrantShare");
        double experience = r.decimal("experienceWeight", 0);
        double dispersal = r.decimal("dispersalWeight", 0);
        int minorsNeed = r.integer("minorsNeed", 0);
        Map<String, String> failures = new LinkedHashMap<>();
        if (r.ok()) {
            fail(requests.saveCriteria(CurrentActor.get(), year,
                    new RequestCriteria(weights, minimum, share.doubleValue(), experience, dispersal, minorsNeed)), failures);
        }
        return done(year, errors(r, failures), "planning.criteria.saved", redirect);
    }

    @PostMapping(BASE + "/takt")
    String pace(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        PacePlan.Period chosen = r.choice("period", PacePlan.Period.class);
        Map<String, String> failures = new LinkedHashMap<>();
        if (r.ok()) {
            fail(pace.setPeriod(CurrentActor.get(), year, chosen), failures);
        }
        return done(year, errors(r, failures), "planning.pace.saved", redirect);
    }

    @PostMapping(BASE + "/send")
    String issue(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        LocalDate requestedOn = r.date("requestedOn");
        Map<String, String> failures = new LinkedHashMap<>();
        if (r.ok()) {
            CommandResult<Integer> result = requests.issue(CurrentActor.get(), year, requestedOn, r.raw("reason"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("planning.issued", result.value(), year));
                return "redirect:" + BASE + "?year=" + year;
            }
            fail(result, failures);
        }
        return done(year, errors(r, failures), null, redirect);
    }

    @GetMapping(BASE + "/{number}")
    String detail(@PathVariable String number, @RequestParam(required = false) Integer year, Model model) {
        Municipality m = municipalities.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        int y = yearOr(year);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("municipality", m);
        model.addAttribute("year", y);
        model.addAttribute("input", requests.input(number, y));
        model.addAttribute("computation", requests.compute(y).stream()
                .filter(c -> c.municipalityNumber().equals(number)).findFirst().orElse(null));
        model.addAttribute("criteria", requests.criteria(y));
        model.addAttribute("versions", requests.versions(number, y));
        model.addAttribute("settledFiveYears", criteriaData.settledInExperienceYears(y, number));
        model.addAttribute("criteriaUses", criteriaData.uses(y, requests.input(number, y)));
        model.addAttribute("settlementHistory", indicators.settlementHistory(number));
        model.addAttribute("experienceYears", CapacityRequests.EXPERIENCE_YEARS);
        model.addAttribute("decision", decisions.find(number, y).orElse(null));
        model.addAttribute("canEdit", canEdit());
        return "planning/request-detail";
    }

    @PostMapping(BASE + "/{number}")
    String saveInput(@PathVariable String number, @RequestParam int year, @RequestParam Map<String, String> form,
                     RedirectAttributes redirect) {
        Municipality m = municipalities.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormReader r = new FormReader(form);
        BigDecimal labour = r.requiredDecimal("labourMarketFactor");
        BigDecimal intro = r.requiredDecimal("introductionFactor");
        BigDecimal share = r.decimal("immigrantShare");
        int adjustment = r.integer("adjustment", 0);
        BigDecimal settledPer1000 = r.decimal("settledPer1000");
        Map<String, String> failures = new LinkedHashMap<>();
        if (r.ok()) {
            RequestInput in = new RequestInput(number, m.countyNumber(), m.population(), m.centrality(), labour.doubleValue(),
                    intro.doubleValue(), share == null ? null : share.doubleValue(), r.has("closed"), adjustment,
                    r.raw("adjustmentReason"), r.raw("countyInput"), r.raw("ksInput"), r.has("minorsCapacity"),
                    settledPer1000 == null ? null : settledPer1000.doubleValue(), 0.0);
            CommandResult<Void> result = requests.saveInput(CurrentActor.get(), year, in);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("planning.input.saved", m.name()));
                return "redirect:" + BASE + "/" + number + "?year=" + year;
            }
            fail(result, failures);
        }
        redirect.addFlashAttribute("errors", errors(r, failures));
        redirect.addFlashAttribute("values", form);
        return "redirect:" + BASE + "/" + number + "?year=" + year;
    }

    private static boolean canEdit() {
        Actor actor = CurrentActor.get();
        return actor.is(no.bosetting.access.Role.AGENCY_PLANNER) || actor.is(no.bosetting.access.Role.AGENCY_ADMIN);
    }

    private Map<String, String> counties() {
        Map<String, String> counties = new TreeMap<>();
        municipalities.all().forEach(m -> counties.put(m.countyNumber(), m.countyName()));
        return counties;
    }

    private String done(int year, Map<String, String> errors, String successKey, RedirectAttributes redirect) {
        if (errors.isEmpty() && successKey != null) {
            redirect.addFlashAttribute("success", messages.get(successKey, year));
        } else {
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:" + BASE + "?year=" + year;
    }

    private void fail(CommandResult<?> result, Map<String, String> failures) {
        if (!result.isSuccess()) {
            failures.putAll(messages.byField(result.failure()));
        }
    }

    /** The fields that could not be read, then what the commands refused. */
    private Map<String, String> errors(FormReader r, Map<String, String> failures) {
        Map<String, String> errors = r.errors(messages);
        errors.putAll(failures);
        return errors;
    }
}
