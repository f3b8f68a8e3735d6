package no.bosetting.allocation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.CurrentActor;
import no.bosetting.allocation.YearWhatIf;
import no.bosetting.allocation.YearWhatIfs;
import no.bosetting.planning.PlanningScenario;
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

/** The planner's year what-if: run one, see it per municipality and quarter, compare two side by side. */
@Controller
class YearWhatIfController {

    static final String BASE = "/kapasitet/hva-om";
    private static final int RECENT = 20;

    private final YearWhatIfs whatIfs;
    private final Messages messages;
    private final Clock clock;

    YearWhatIfController(YearWhatIfs whatIfs, Messages messages, Clock clock) {
        this.whatIfs = whatIfs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(Model model) {
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("years", List.of(year, year + 1));
        model.addAttribute("kinds", PlanningScenario.Kind.values());
        model.addAttribute("runs", whatIfs.recent(RECENT));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of("year", String.valueOf(year), "scenario", PlanningScenario.Kind.EXPECTED.name()));
        }
        return "allocation/whatif-list";
    }

    @PostMapping(BASE)
    String run(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Integer year = r.integer("year");
        PlanningScenario.Kind kind = r.choice("scenario", PlanningScenario.Kind.class);
        Map<String, String> values = new HashMap<>(form);
        values.remove("_csrf");
        if (!r.ok()) {
            redirect.addFlashAttribute("errors", r.errors(messages));
            redirect.addFlashAttribute("values", values);
            return "redirect:" + BASE;
        }
        CommandResult<Long> result = CommandResult.attempt(() -> whatIfs.run(CurrentActor.get(), year, kind));
        if (!result.isSuccess()) {
            redirect.addFlashAttribute("errors", messages.byField(result.failure()));
            redirect.addFlashAttribute("values", values);
            return "redirect:" + BASE;
        }
        return "redirect:" + BASE + "/" + result.value();
    }

    @GetMapping(BASE + "/{id}")
    String show(@PathVariable long id, Model model) {
        YearWhatIf run = whatIfs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("run", run);
        model.addAttribute("others", whatIfs.recent(RECENT).stream().filter(o -> o.id() != id).toList());
        return "allocation/whatif";
    }

    @GetMapping(BASE + "/sammenlign")
    String compare(@RequestParam long a, @RequestParam long b, Model model) {
        YearWhatIf first = whatIfs.find(a).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        YearWhatIf second = whatIfs.find(b).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("a", first);
        model.addAttribute("b", second);
        Map<String, YearWhatIf.MunicipalityFigures[]> pairs = new LinkedHashMap<>();
        first.municipalities().forEach(m -> pairs.computeIfAbsent(m.number(), k -> new YearWhatIf.MunicipalityFigures[2])[0] = m);
        second.municipalities().forEach(m -> pairs.computeIfAbsent(m.number(), k -> new YearWhatIf.MunicipalityFigures[2])[1] = m);
        model.addAttribute("pairs", pairs.values().stream().map(p -> new Pair(p[0], p[1])).sorted(
                (x, y) -> x.number().compareTo(y.number())).toList());
        return "allocation/whatif-compare";
    }

    /** One municipality in both runs; either side may be missing (no places and nobody placed there). */
    record Pair(YearWhatIf.MunicipalityFigures a, YearWhatIf.MunicipalityFigures b) {

        String number() {
            return a != null ? a.number() : b.number();
        }

        public String name() {
            return a != null ? a.name() : b.name();
        }
    }
}
