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
import no.bosetting.shared.web.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
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

    public CaseWebController(PersonAccessLog accessLog, CaseQueries queries, CaseCommands commands, PermitCsvImport csvImport,
                             Municipalities municipalities, ReceptionCentres centres, List<CasePanel> panels,
                             Messages messages, java.time.Clock clock) {
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

    @GetMapping({"/saker", "/mottak"})
    String list(@RequestParam(required = false) CaseStatus status,
                @RequestParam(required = false) String municipality,
                @RequestParam(required = false) Integer minDays,
                @RequestParam(required = false) Integer maxDays,
                @RequestParam(required = false) HouseholdType householdType,
                @RequestParam(required = false) Boolean minor,
                @RequestParam(required = false) LivingSituation living,
                @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page,
                Model model) {
        Actor actor = CurrentActor.get();
        CaseFilter filter = new CaseFilter(status, blank(municipality), minDays, maxDays, householdType, minor, living, null, blank(q));
        var result = queries.search(filter, actor, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
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
        model.addAttribute("closeReasons", CloseReason.values());
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
    String close(@PathVariable long id, @RequestParam(required = false) CloseReason closeReason,
                 @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean informed,
                 @RequestParam(required = false) String informedOn,
                 @RequestParam(required = false) InformationChannel informedChannel,
                 @RequestParam(required = false) String informedLanguage,
                 @RequestParam(required = false) String interpreter,
                 RedirectAttributes redirect) {
        CaseSummary summary = inScope(id);
        Actor actor = CurrentActor.get();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("closeReason", closeReason == null ? "" : closeReason.name());
        form.put("text", text == null ? "" : text);
        form.putAll(InformedForm.values(informed, informedOn, informedChannel, informedLanguage, interpreter));
        List<FieldProblem> problems = new ArrayList<>();
        if (CaseCommand.CLOSE.allowedFor(actor.role())) {
            if (closeReason == null) {
                problems.add(FieldProblem.of("closeReason", "error.closeReason.required"));
            }
            problems.addAll(InformedForm.problems(informed, informedOn, informedChannel, informedLanguage, interpreter,
                    LocalDate.now(clock), summary.permitDate()));
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("closeErrors", messages.byField(problems));
            redirect.addFlashAttribute("closeForm", form);
            return "redirect:/saker/" + id;
        }
        ConsequenceInformed record = InformedForm.record(informed, informedOn, informedChannel, informedLanguage, interpreter);
        CommandResult<CaseStatus> result = commands.close(id, actor, closeReason, text, record);
        if (!result.isSuccess()) {
            redirect.addFlashAttribute("closeForm", form);
        }
        return afterCommand(id, result, "case.closed", redirect, "closeErrors");
    }

    @PostMapping("/saker/{id}/utflytting")
    String moveOut(@PathVariable long id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   @RequestParam(required = false) LivingSituation newSituation,
                   @RequestParam(required = false) String municipalityNumber,
                   RedirectAttributes redirect) {
        inScope(id);
        Actor actor = CurrentActor.get();
        CommandResult<LivingSituation> result = commands.recordMoveOut(id, actor, date, newSituation, blank(municipalityNumber));
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

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
