package no.bosetting.planning.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import no.bosetting.planning.EvenPace;
import no.bosetting.planning.PacePlan;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.planning.RequestComputation;
import no.bosetting.planning.RequestCriteria;
import no.bosetting.planning.RequestInput;
import no.bosetting.shared.CommandResult;
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

    public RequestWebController(CapacityRequests requests, CapacityDecisions decisions, Municipalities municipalities,
                                Messages messages, Clock clock, EvenPace pace) {
        this.pace = pace;
        this.requests = requests;
        this.decisions = decisions;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
    }

    private int yearOr(Integer year) {
        return year == null ? LocalDate.now(clock).getYear() + 1 : year;
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
        Map<String, String> errors = new LinkedHashMap<>();
        for (PlanningScenario.Kind kind : PlanningScenario.Kind.values()) {
            String raw = form.getOrDefault("scenario." + kind, "");
            if (raw.isBlank()) {
                continue;
            }
            Integer persons = parseInt(raw, "scenario." + kind, errors);
            if (persons != null) {
                fail(requests.saveScenario(CurrentActor.get(), year, kind, persons, form.get("note." + kind)), errors);
            }
        }
        return done(year, errors, "planning.scenarios.saved", redirect);
    }

    @PostMapping(BASE + "/behov")
    String need(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer persons = parseInt(form.get("need"), "need", errors);
        LocalDate decidedOn = parseDate(form.get("decidedOn"), "decidedOn", errors);
        Map<String, Integer> split = new TreeMap<>();
        for (Map.Entry<String, String> county : counties().entrySet()) {
            String raw = form.getOrDefault("county." + county.getKey(), "");
            if (!raw.isBlank()) {
                Integer p = parseInt(raw, "county." + county.getKey(), errors);
                if (p != null) {
                    split.put(county.getKey(), p);
                }
            }
        }
        if (errors.isEmpty()) {
            fail(requests.saveNeed(CurrentActor.get(), year, persons, decidedOn, split), errors);
        }
        return done(year, errors, "planning.need.saved", redirect);
    }

    @PostMapping(BASE + "/kriterier")
    String criteria(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        double[] weights = new double[6];
        for (int c = 1; c <= 6; c++) {
            Double w = parseDouble(form.get("weight" + c), "weight" + c, errors);
            weights[c - 1] = w == null ? 0 : w;
        }
        Integer minimum = parseInt(form.get("minimumPersons"), "minimumPersons", errors);
        Double share = parseDouble(form.get("closedImmigrantShare"), "closedImmigrantShare", errors);
        Double experience = form.getOrDefault("experienceWeight", "").isBlank() ? Double.valueOf(0)
                : parseDouble(form.get("experienceWeight"), "experienceWeight", errors);
        Double dispersal = form.getOrDefault("dispersalWeight", "").isBlank() ? Double.valueOf(0)
                : parseDouble(form.get("dispersalWeight"), "dispersalWeight", errors);
        Integer minorsNeed = form.getOrDefault("minorsNeed", "").isBlank() ? Integer.valueOf(0)
                : parseInt(form.get("minorsNeed"), "minorsNeed", errors);
        if (errors.isEmpty()) {
            fail(requests.saveCriteria(CurrentActor.get(), year,
                    new RequestCriteria(weights, minimum, share, experience, dispersal, minorsNeed)), errors);
        }
        return done(year, errors, "planning.criteria.saved", redirect);
    }

    @PostMapping(BASE + "/takt")
    String pace(@RequestParam int year, @RequestParam(required = false) String period, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        PacePlan.Period chosen = null;
        try {
            chosen = period == null ? null : PacePlan.Period.valueOf(period);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        fail(pace.setPeriod(CurrentActor.get(), year, chosen), errors);
        return done(year, errors, "planning.pace.saved", redirect);
    }

    @PostMapping(BASE + "/send")
    String issue(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate requestedOn = parseDate(form.get("requestedOn"), "requestedOn", errors);
        if (errors.isEmpty()) {
            CommandResult<Integer> result = requests.issue(CurrentActor.get(), year, requestedOn, form.get("reason"));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("planning.issued", result.value(), year));
                return "redirect:" + BASE + "?year=" + year;
            }
            errors.putAll(messages.byField(result.failure()));
        }
        return done(year, errors, null, redirect);
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
        model.addAttribute("settledFiveYears", requests.settledInExperienceYears(y).getOrDefault(number, 0));
        model.addAttribute("experienceYears", CapacityRequests.EXPERIENCE_YEARS);
        model.addAttribute("decision", decisions.find(number, y).orElse(null));
        model.addAttribute("canEdit", canEdit());
        return "planning/request-detail";
    }

    @PostMapping(BASE + "/{number}")
    String saveInput(@PathVariable String number, @RequestParam int year, @RequestParam Map<String, String> form,
                     RedirectAttributes redirect) {
        Municipality m = municipalities.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = new LinkedHashMap<>();
        Double labour = parseDouble(form.get("labourMarketFactor"), "labourMarketFactor", errors);
        Double intro = parseDouble(form.get("introductionFactor"), "introductionFactor", errors);
        Double share = form.getOrDefault("immigrantShare", "").isBlank() ? null
                : parseDouble(form.get("immigrantShare"), "immigrantShare", errors);
        Integer adjustment = form.getOrDefault("adjustment", "").isBlank() ? Integer.valueOf(0)
                : parseInt(form.get("adjustment"), "adjustment", errors);
        Double settledPer1000 = form.getOrDefault("settledPer1000", "").isBlank() ? null
                : parseDouble(form.get("settledPer1000"), "settledPer1000", errors);
        if (errors.isEmpty()) {
            RequestInput in = new RequestInput(number, m.countyNumber(), m.population(), m.centrality(), labour, intro, share,
                    form.containsKey("closed"), adjustment, form.get("adjustmentReason"), form.get("countyInput"), form.get("ksInput"),
                    form.containsKey("minorsCapacity"), settledPer1000, 0.0);
            CommandResult<Void> result = requests.saveInput(CurrentActor.get(), year, in);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("planning.input.saved", m.name()));
                return "redirect:" + BASE + "/" + number + "?year=" + year;
            }
            errors.putAll(messages.byField(result.failure()));
        }
        redirect.addFlashAttribute("errors", errors);
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

    private void fail(CommandResult<?> result, Map<String, String> errors) {
        if (!result.isSuccess()) {
            errors.putAll(messages.byField(result.failure()));
        }
    }

    private Integer parseInt(String raw, String field, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            errors.put(field, messages.get("error.number.required"));
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            errors.put(field, messages.get("error.number.invalid", raw));
            return null;
        }
    }

    private Double parseDouble(String raw, String field, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            errors.put(field, messages.get("error.number.required"));
            return null;
        }
        try {
            return Double.valueOf(raw.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, messages.get("error.planning.decimal", raw));
            return null;
        }
    }

    private LocalDate parseDate(String raw, String field, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, messages.get("error.date.invalid"));
            return null;
        }
    }
}
