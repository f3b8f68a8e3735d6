package no.bosetting.cases.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseDetail;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.cases.InformationChannel;
import no.bosetting.cases.InformedForm;
import no.bosetting.cases.CloseReason;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitCsvImport;
import no.bosetting.cases.ReceptionCentres;
import no.bosetting.cases.ReceptionScope;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CaseWebController {

    private final java.time.Clock clock;

    static final int PAGE_SIZE = 50;

    private final CaseQueries queries;
    private final CaseCommands commands;
    private final PermitCsvImport csvImport;
    private final Municipalities municipalities;
    private final ReceptionCentres centres;
    private final List<CasePanel> panels;
    private final Messages messages;
    private final PersonAccessLog accessLog;
    private final no.bosetting.access.TwoStepControl twoStep;

    public CaseWebController(PersonAccessLog accessLog, CaseQueries queries, CaseCommands commands, PermitCsvImport csvImport,
                             Municipalities municipalities, ReceptionCentres centres, List<CasePanel> panels,
                             Messages messages, java.time.Clock clock, no.bosetting.access.TwoStepControl twoStep) {
        this.twoStep = twoStep;
        this.clock = clock;
        this.queries = queries;
        this.commands = commands;
        this.csvImport = csvImport;
        this.municipalities = municipalities;
        this.centres = centres;
        this.panels = panels.stream().sorted(Comparator.comparingInt(CasePanel::order)).toList();
        this.messages = messages;
        this.accessLog = accessLog;
    }

    /**
     * The case list with its filters. The filter form and the pager work as plain links and GET forms; with
     * JavaScript, htmx fetches only the results ({@code HX-Request}) and puts the filtered address in the history.
     */
    @GetMapping({"/saker", "/mottak"})
    String list(@RequestParam Map<String, String> query, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(query);
        CaseFilter filter = new CaseFilter(r.choice("status", CaseStatus.class), r.text("municipality"), r.integer("minDays"),
                r.integer("maxDays"), r.choice("householdType", HouseholdType.class), r.yesNo("minor"),
                r.choice("living", LivingSituation.class), null, r.text("q"));
        // The same address gives the whole page or only the results: caches must keep them apart.
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        boolean fragment = "true".equals(htmx);
        if (fragment && !r.ok()) {
            // Only the results are swapped in; a filter that cannot be read is shown next to its field on the whole page.
            UriComponentsBuilder whole = UriComponentsBuilder.fromPath(request.getRequestURI());
            query.forEach(whole::queryParam);
            response.setHeader("HX-Redirect", whole.encode().build().toUriString());
            return null;
        }
        var result = queries.page(filter, actor, PageRequest.read(query, PAGE_SIZE, CaseQueries.SORT_KEYS, CaseQueries.DEFAULT_SORT), query);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        // Reception staff see their own residents by name (issue 16 point 8); each name shown is a logged read.
        model.addAttribute("names", queries.residentNames(result.items(), actor, "web:" + request.getRequestURI()));
        model.addAttribute("fragment", fragment);
        if (fragment) {
            return "cases/list :: results";
        }
        model.addAttribute("errors", r.errors(messages));
        model.addAttribute("typed", query);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("householdTypes", HouseholdType.values());
        model.addAttribute("livingSituations", LivingSituation.values());
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("counts", queries.countByStatus(actor));
        if (actor.receptionCentreId() != null) {
            model.addAttribute("centre", centres.find(actor.receptionCentreId()).orElse(null));
        }
        return "cases/list";
    }

    @GetMapping("/saker/{id}")
    String detail(@PathVariable long id, @RequestParam(name = "innsyn", defaultValue = "0") int accessPage, Model model) {
        Actor actor = CurrentActor.get();
        CaseDetail detail = queries.detail(id, actor, "web:/saker/" + id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("case", detail);
        model.addAttribute("commands", commands.validCommands(id, actor));
        model.addAttribute("panels", panels.stream().map(p -> p.view(detail.summary(), actor)).flatMap(Optional::stream).toList());
        model.addAttribute("closeReasons", CloseReason.chosenByCaseworker());
        model.addAttribute("moveOutSituations", List.of(LivingSituation.PRIVATE, LivingSituation.AMOT, LivingSituation.SELF_ESTABLISHED));
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("canMoveOut", detail.summary().receptionCentreId() != null
                && (ReceptionScope.sees(actor, detail.summary()) || actor.is(no.bosetting.access.Role.AGENCY_CASEWORKER))
                && detail.summary().status().isOpen());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("informedRecords", commands.informedRecords(id));
        if (actor.is(no.bosetting.access.Role.AGENCY_ADMIN)) {
            // Administrators audit who has read these persons' identifying data: every read, a page at a time.
            Map<Long, String> names = new java.util.HashMap<>();
            detail.persons().forEach(p -> names.put(p.id(), p.fullName()));
            PersonAccessLog.EntryPage reads = accessLog.forPersons(names.keySet(), Math.max(0, accessPage), PersonAccessLog.PAGE_SIZE);
            model.addAttribute("accessLog", reads.entries().stream().map(e -> new AccessLine(names.get(e.personId()), e)).toList());
            model.addAttribute("accessLogPage", reads);
        }
        return "cases/detail";
    }

    /**
     * Closes the case with the record of how and when the person was informed of the consequence. Every
     * problem is shown next to its field at once; nothing is saved until all are right.
     */
    @PostMapping("/saker/{id}/avslutt")
    String close(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CaseSummary summary = inScope(id);
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        CloseReason closeReason = r.choice("closeReason", CloseReason.class);
        String text = r.raw("text");
        boolean informed = r.flag("informed");
        String informedOn = r.raw("informedOn");
        InformationChannel informedChannel = r.choice("informedChannel", InformationChannel.class);
        String informedLanguage = r.raw("informedLanguage");
        String interpreter = r.raw("interpreter");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("closeReason", closeReason == null ? "" : closeReason.name());
        values.put("text", text == null ? "" : text);
        values.putAll(InformedForm.values(informed, informedOn, informedChannel, informedLanguage, interpreter));
        Map<String, String> errors = r.errors(messages);
        if (CaseCommand.CLOSE.allowedFor(actor.role())) {
            List<FieldProblem> problems = new ArrayList<>();
            if (closeReason == null) {
                problems.add(FieldProblem.of("closeReason", "error.closeReason.required"));
            }
            // The informed record is needed for a closing by the refugee's own choice only (CloseReason.needsInformed).
            if (closeReason == null || closeReason.needsInformed()) {
                problems.addAll(InformedForm.problems(informed, informedOn, informedChannel, informedLanguage, interpreter,
                        LocalDate.now(clock), summary.permitDate()));
            }
            messages.byField(problems).forEach(errors::putIfAbsent);
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("closeErrors", errors);
            redirect.addFlashAttribute("closeForm", values);
            return "redirect:/saker/" + id;
        }
        ConsequenceInformed record = InformedForm.record(informed, informedOn, informedChannel, informedLanguage, interpreter);
        CommandResult<?> result = twoStep.orNow(no.bosetting.access.TwoStepControl.Kind.CLOSE_CASE, id, actor, values, () -> commands.close(id, actor, closeReason, text, record));
        if (!result.isSuccess()) {
            redirect.addFlashAttribute("closeForm", values);
        }
        return afterCommand(id, result, no.bosetting.access.TwoStepControl.successKey(result, "case.closed"), redirect, "closeErrors");
    }

    @PostMapping("/saker/{id}/utflytting")
    String moveOut(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        inScope(id);
        Actor actor = CurrentActor.get();
        FormReader r = new FormReader(form);
        LocalDate date = r.date("date");
        LivingSituation newSituation = r.choice("newSituation", LivingSituation.class);
        String municipalityNumber = r.text("municipalityNumber");
        if (!r.ok()) {
            redirect.addFlashAttribute("moveOutErrors", r.errors(messages));
            return "redirect:/saker/" + id;
        }
        CommandResult<LivingSituation> result = commands.recordMoveOut(id, actor, date, newSituation, municipalityNumber);
        String target = afterCommand(id, result, "case.movedOut", redirect, "moveOutErrors");
        // Reception staff see only current residents: after the move-out the case page is no longer theirs.
        return result.isSuccess() && queries.summary(id, actor).isEmpty() ? "redirect:/mottak" : target;
    }

    /** Another unit's case answers "not found" before any input is looked at, as its page does. */
    private CaseSummary inScope(long id) {
        return queries.summary(id, CurrentActor.get()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String afterCommand(long id, CommandResult<?> result, String successKey, RedirectAttributes redirect, String errorsName) {
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get(successKey));
        } else {
            redirect.addFlashAttribute(errorsName, messages.byField(result.failure()));
        }
        return "redirect:/saker/" + id;
    }

    @GetMapping("/import")
    String importForm() {
        return "cases/import";
    }

    @PostMapping("/import")
    String importCsv(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", Map.of("file", messages.get("import.fileRequired")));
            return "cases/import";
        }
        try (InputStream in = file.getInputStream()) {
            PermitCsvImport.Report report = csvImport.importCsv(in, StandardCharsets.UTF_8, CurrentActor.get());
            model.addAttribute("report", report);
            model.addAttribute("fileName", file.getOriginalFilename());
            if (!report.fileProblems().isEmpty()) {
                model.addAttribute("errors", Map.of("file", String.join(" ", report.fileProblems().stream().map(messages::of).toList())));
            }
        }
        return "cases/import";
    }

    @GetMapping(value = "/import/mal.csv", produces = "text/csv")
    @ResponseBody
    ResponseEntity<String> template() {
        String csv = String.join(",", PermitCsvImport.COLUMNS) + "\n"
                + "UDI-2026-000123,COLLECTIVE_PROTECTION,2026-11-01,RECEPTION_CENTRE,1,,100000000001,,,Testa,Eksempelsen,1985-04-12,F,UKR,MAIN,,\n"
                + "UDI-2026-000123,COLLECTIVE_PROTECTION,2026-11-01,RECEPTION_CENTRE,1,,100000000002,,,Testo,Eksempelsen,2015-09-30,M,UKR,CHILD,,\n";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tillatelser-mal.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    public record AccessLine(String person, PersonAccessLog.Entry entry) {
    }

}
