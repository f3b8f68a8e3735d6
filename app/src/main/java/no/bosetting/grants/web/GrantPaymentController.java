package no.bosetting.grants.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseReferences;
import no.bosetting.grants.GrantPayments;
import no.bosetting.grants.GrantRates;
import no.bosetting.grants.PaymentRun;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.export.TableExport;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.NumberFormat;
import no.bosetting.shared.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Payment runs: run and lock (planner, administrator), list and show them, export a run's locked lines as CSV or XLSX. */
@Controller
class GrantPaymentController {

    static final String BASE = "/tilskudd/utbetalinger";

    private final GrantPayments payments;
    private final Municipalities municipalities;
    private final CaseReferences cases;
    private final Messages messages;
    private final NumberFormat numbers;
    private final java.time.Clock clock;

    GrantPaymentController(GrantPayments payments, Municipalities municipalities, CaseReferences cases, Messages messages, NumberFormat numbers,
                           java.time.Clock clock) {
        this.clock = clock;
        this.payments = payments;
        this.municipalities = municipalities;
        this.cases = cases;
        this.messages = messages;
        this.numbers = numbers;
    }

    @GetMapping(BASE)
    String page(@RequestParam(required = false) Long run, @RequestParam Map<String, String> query, Model model) {
        return show(model, run, query, Map.of(), Map.of("kind", "REGULAR", "year", String.valueOf(java.time.LocalDate.now(clock).getYear())));
    }

    /**
     * The page's two lists share the list component's {@code page} and {@code size}: they page the open run's lines, or
     * the runs when no run is open (a run's link and its lines' pager never carried the runs' page either). The runs'
     * old {@code side} (from 0) still pages the runs.
     */
    private String show(Model model, Long runId, Map<String, String> query, Map<String, String> errors, Map<String, String> values) {
        Map<String, String> runsQuery = runId == null ? new HashMap<>(query) : new HashMap<>();
        if (!runsQuery.containsKey("page") && query.get("side") != null) {
            runsQuery.put("page", query.get("side"));
        }
        PageRequest runsRequest = PageRequest.inFixedOrder(runsQuery);
        model.addAttribute("runs", runsRequest.result(payments.runs(runsRequest.offset(), runsRequest.size()), payments.countRuns(), Map.of()));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("kinds", PaymentRun.Kind.values());
        model.addAttribute("canEdit", GrantRates.mayEdit(CurrentActor.get()));
        if (runId != null) {
            payments.find(runId).ifPresent(r -> {
                PageRequest request = PageRequest.inFixedOrder(query);
                List<PaymentRun.Line> lines = payments.lines(r.id(), request.offset(), request.size());
                model.addAttribute("run", r);
                model.addAttribute("lines", request.result(lines, payments.countLines(r.id()), Map.of("run", String.valueOf(r.id()))));
                model.addAttribute("references", references(lines));
                model.addAttribute("municipalityNames", names(lines));
            });
        }
        return "grants/payments";
    }

    @PostMapping(BASE)
    String run(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        if (!GrantRates.mayEdit(CurrentActor.get())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        FormReader reader = new FormReader(params);
        PaymentRun.Kind kind = reader.choice("kind", PaymentRun.Kind.class);
        Integer year = reader.integer("year");
        Map<String, String> errors = new LinkedHashMap<>(reader.errors(messages));
        if (errors.isEmpty()) {
            CommandResult<PaymentRun> result = CommandResult.attempt(() -> payments.run(CurrentActor.get(), kind, year));
            if (result.isSuccess()) {
                PaymentRun r = result.value();
                redirect.addFlashAttribute("success", messages.get("grants.runs.done", r.id(), r.lineCount(), numbers.whole(r.total())));
                return "redirect:" + BASE + "?run=" + r.id();
            }
            errors.putAll(messages.byField(result.failure()));
            if (errors.containsKey("")) {
                errors.put("year", errors.remove(""));
            }
        }
        return show(model, null, Map.of(), errors, params);
    }

    @GetMapping(BASE + "/eksport.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Long run) {
        if (run == null) {
            return toList();
        }
        PaymentRun r = found(run);
        return GrantPageSupport.csv(table(r), "utbetaling-" + r.id() + ".csv");
    }

    @GetMapping(BASE + "/eksport.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long run) {
        if (run == null) {
            return toList();
        }
        PaymentRun r = found(run);
        return GrantPageSupport.xlsx(table(r), "utbetaling-" + r.id() + ".xlsx");
    }

    /** No run named: the list of runs to choose from. */
    private static ResponseEntity<byte[]> toList() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(java.net.URI.create(BASE)).build();
    }

    private PaymentRun found(Long run) {
        return (run == null ? java.util.Optional.<PaymentRun>empty() : payments.find(run))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The run's locked lines, exactly as stored: exporting a run again gives the same file and pays nothing new. */
    TableExport.Table table(PaymentRun r) {
        List<PaymentRun.Line> lines = payments.lines(r.id(), 0, 0);
        Map<Long, String> refs = references(lines);
        Map<String, String> names = names(lines);
        List<List<Object>> rows = new ArrayList<>();
        for (PaymentRun.Line l : lines) {
            rows.add(java.util.Arrays.asList(r.id(), messages.get("grants.runs.kind." + r.kind().name()), l.municipalityNumber(),
                    names.get(l.municipalityNumber()), refs.get(l.caseId()), l.personId(), messages.get("grants.kind." + l.kind().name()),
                    l.schemeYear(), l.periodMonth() == null ? null : l.periodMonth().toString().substring(0, 7), l.calendarYear(), l.amount(),
                    l.previousAmount(), l.rateId(), l.explanation()));
        }
        return new TableExport.Table("utbetaling-" + r.id(), List.of(messages.get("grants.runs.run"), messages.get("grants.runs.kind"),
                messages.get("grants.csv.municipalityNumber"), messages.get("grants.municipality"), messages.get("grants.csv.reference"),
                messages.get("grants.csv.personId"), messages.get("grants.rates.kind"), messages.get("grants.schemeYear"),
                messages.get("grants.month"), messages.get("grants.year"), messages.get("grants.amount"), messages.get("grants.runs.previous"),
                messages.get("grants.rate"), messages.get("grants.runs.explanation")), rows);
    }

    private Map<Long, String> references(List<PaymentRun.Line> lines) {
        return cases.references(lines.stream().map(PaymentRun.Line::caseId).toList());
    }

    private Map<String, String> names(List<PaymentRun.Line> lines) {
        Map<String, String> names = new HashMap<>();
        lines.forEach(l -> names.computeIfAbsent(l.municipalityNumber(), municipalities::name));
        return names;
    }
}
