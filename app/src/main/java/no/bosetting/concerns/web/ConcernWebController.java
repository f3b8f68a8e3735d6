package no.bosetting.concerns.web;

import java.time.LocalDate;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.concerns.ConcernAccessLog;
import no.bosetting.concerns.ConcernIndicator;
import no.bosetting.concerns.ConcernReport;
import no.bosetting.concerns.ConcernReports;
import no.bosetting.concerns.ConcernScreenings;
import no.bosetting.concerns.Referral;
import no.bosetting.municipalities.MunicipalService;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The restricted concern reports (issue 18 item 3) at {@code /bekymringer}: open screenings and the reports, a new
 * report, one report with its referral answer and who read it. Agency users designated for protection work only;
 * for anyone else every page is "not found", so not even the existence of a report is told. The screening section of
 * the interview posts to {@code /saker/{id}/samtale/screening}.
 */
@Controller
class ConcernWebController {

    private final ConcernReports reports;
    private final ConcernScreenings screenings;
    private final ConcernAccessLog accessLog;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final Messages messages;
    private final Clock clock;

    ConcernWebController(ConcernReports reports, ConcernScreenings screenings, ConcernAccessLog accessLog, CaseQueries cases,
                         Municipalities municipalities, Messages messages, Clock clock) {
        this.reports = reports;
        this.screenings = screenings;
        this.accessLog = accessLog;
        this.cases = cases;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
    }

    private Actor designated() {
        Actor actor = CurrentActor.get();
        if (!reports.mayUse(actor)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return actor;
    }

    @GetMapping("/bekymringer")
    String list(@RequestParam(name = "sak", required = false) Long caseId, @RequestParam Map<String, String> query, Model model) {
        Actor actor = designated();
        model.addAttribute("open", caseId == null ? screenings.open(actor) : List.of());
        Map<String, String> filters = caseId == null ? Map.of() : Map.of("sak", String.valueOf(caseId));
        model.addAttribute("result", reports.list(actor, caseId, PageRequest.read(query, ConcernReports.ORDER, "-created"), filters));
        model.addAttribute("caseId", caseId);
        return "concerns/list";
    }

    @GetMapping("/bekymringer/ny")
    String newReport(@RequestParam(name = "sak", required = false) Long caseId,
                     @RequestParam(name = "screening", required = false) Long screeningId, Model model) {
        Actor actor = designated();
        if (caseId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("referredOn", LocalDate.now(clock).toString());
        if (screeningId != null) {
            screenings.find(actor, screeningId).ifPresent(o -> {
                o.indicators().forEach(i -> values.put("indicator_" + i.name(), "true"));
                values.put("description", o.note() == null ? "" : o.note());
            });
        }
        return form(actor, caseId, screeningId, values, Map.of(), List.of(), List.of(), model);
    }

    private String form(Actor actor, long caseId, Long screeningId, Map<String, String> values, Map<String, String> errors,
                        List<String> unsuitable, List<String> services, Model model) {
        CaseSummary summary = cases.summary(caseId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("case", summary);
        model.addAttribute("screeningId", screeningId);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("unsuitable", unsuitable);
        model.addAttribute("services", services);
        model.addAttribute("indicators", ConcernIndicator.values());
        model.addAttribute("referrals", Referral.values());
        model.addAttribute("allServices", MunicipalService.values());
        model.addAttribute("municipalities", municipalities.all());
        return "concerns/new";
    }

    @PostMapping("/bekymringer")
    String create(@RequestParam Map<String, String> form,
                  @RequestParam(name = "unsuitable", required = false) List<String> unsuitable,
                  @RequestParam(name = "services", required = false) List<String> services, Model model, RedirectAttributes redirect) {
        Actor actor = designated();
        FormReader r = new FormReader(form);
        Long caseId = r.id("caseId");
        if (caseId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Set<ConcernIndicator> indicators = EnumSet.noneOf(ConcernIndicator.class);
        for (ConcernIndicator i : ConcernIndicator.values()) {
            if (r.flag("indicator_" + i.name())) {
                indicators.add(i);
            }
        }
        Referral referral = r.choice("referral", Referral.class);
        LocalDate referredOn = r.date("referredOn");
        Set<MunicipalService> required = new LinkedHashSet<>();
        for (String s : services == null ? List.<String>of() : services) {
            MunicipalService.ofCode(s).ifPresent(required::add);
        }
        List<String> chosen = unsuitable == null ? List.of() : unsuitable.stream().filter(s -> s != null && !s.isBlank()).toList();
        ConcernReports.NewReport report = new ConcernReports.NewReport(caseId, r.id("screeningId"), indicators, r.raw("description"),
                referral, referredOn, new LinkedHashSet<>(chosen), required);
        Map<String, String> errors = new LinkedHashMap<>(r.errors(messages));
        reports.problems(report).forEach(p -> errors.putIfAbsent(p.field(), messages.of(p)));
        if (errors.isEmpty()) {
            CommandResult<Long> done = reports.create(actor, report);
            if (done.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("concern.saved"));
                return "redirect:/bekymringer/" + done.value();
            }
            if (done.failure() instanceof CommandFailure.NotFound) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            errors.putAll(messages.byField(done.failure()));
        }
        return form(actor, caseId, r.id("screeningId"), new LinkedHashMap<>(form), errors, chosen,
                required.stream().map(MunicipalService::code).toList(), model);
    }

    @GetMapping("/bekymringer/{id}")
    String show(@PathVariable long id, Model model) {
        Actor actor = designated();
        return show(actor, id, Map.of(), Map.of("answeredOn", LocalDate.now(clock).toString()), model);
    }

    private String show(Actor actor, long id, Map<String, String> errors, Map<String, String> values, Model model) {
        ConcernReport report = reports.read(actor, id, "web:/bekymringer/" + id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("reads", accessLog.reads(id, 20));
        model.addAttribute("readCount", accessLog.count(id));
        model.addAttribute("serviceKeys", report.requiredServices().stream()
                .map(c -> MunicipalService.ofCode(c).map(s -> "service." + s.name()).orElse("concern.report.none")).toList());
        return "concerns/report";
    }

    @PostMapping("/bekymringer/{id}/svar")
    String answer(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = designated();
        FormReader r = new FormReader(form);
        LocalDate on = r.date("answeredOn");
        Map<String, String> errors = new LinkedHashMap<>(r.errors(messages));
        if (errors.isEmpty()) {
            CommandResult<Void> done = reports.recordAnswer(actor, id, r.raw("answer"), on);
            if (done.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("concern.answer.saved"));
                return "redirect:/bekymringer/" + id;
            }
            if (done.failure() instanceof CommandFailure.NotFound) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            errors.putAll(messages.byField(done.failure()));
        }
        return show(actor, id, errors, new LinkedHashMap<>(form), model);
    }

    /** The interview's screening section: whoever holds the interview; the answers go here, not into the interview. */
    @PostMapping("/saker/{id}/samtale/screening")
    String screen(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        Set<ConcernIndicator> indicators = EnumSet.noneOf(ConcernIndicator.class);
        for (ConcernIndicator i : ConcernIndicator.values()) {
            if (r.flag("screen_" + i.name())) {
                indicators.add(i);
            }
        }
        CommandResult<Long> done = screenings.screen(actor, id, indicators, r.raw("screenNote"));
        if (!done.isSuccess()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/saker/" + id + "/samtale?screening=lagret#screening";
    }
}
