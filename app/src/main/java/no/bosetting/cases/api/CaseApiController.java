package no.bosetting.cases.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.LivingSituation;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.api.ApiDocumentation;
import no.bosetting.shared.api.ApiPaging;
import no.bosetting.shared.api.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Settlement cases within the caller's scope; out-of-scope cases answer 404, as if they did not exist. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = ApiDocumentation.TAG_CASES)
class CaseApiController {


    private final CaseQueries queries;
    private final CaseCommands commands;
    private final no.bosetting.access.TwoStepControl twoStep;

    public CaseApiController(CaseQueries queries, CaseCommands commands, no.bosetting.access.TwoStepControl twoStep) {
        this.twoStep = twoStep;
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "Search cases",
            description = "The agency sees all cases, a reception centre its own residents, a municipality the households it "
                    + "has accepted. Ordered by permit date. No names or identity numbers.")
    public CaseJson.CasePage search(@RequestParam(required = false) CaseStatus status,
                                    @Parameter(description = "Settlement, living or reception-centre municipality")
                                    @RequestParam(required = false) String municipality,
                                    @Parameter(description = "At least this many days since the permit")
                                    @RequestParam(required = false) Integer minDays,
                                    @Parameter(description = "At most this many days since the permit")
                                    @RequestParam(required = false) Integer maxDays,
                                    @RequestParam(required = false) HouseholdType householdType,
                                    @Parameter(description = "Unaccompanied minors only (true) or none (false)")
                                    @RequestParam(required = false) Boolean minor,
                                    @RequestParam(required = false) LivingSituation living,
                                    @Parameter(description = "Part of the case reference") @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "0") int page,
                                    @Parameter(description = "1–200") @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = ApiPaging.problems(page, size);
        if (minDays != null && minDays < 0) {
            problems.add(FieldProblem.of("minDays", "error.api.notNegative"));
        }
        if (maxDays != null && maxDays < 0) {
            problems.add(FieldProblem.of("maxDays", "error.api.notNegative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        CaseFilter filter = new CaseFilter(status, blankToNull(municipality), minDays, maxDays, householdType, minor, living,
                null, blankToNull(q));
        return CaseJson.CasePage.of(queries.search(filter, CurrentActor.get(), page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One case with identities, history and residence history",
            description = "Every read is logged in the access log. A municipality can read a case only after it has accepted it.")
    public CaseJson.CaseDetailJson detail(@PathVariable long id) {
        return queries.detail(id, CurrentActor.get(), "api:/api/v1/cases/" + id)
                .map(CaseJson.CaseDetailJson::of)
                .orElseThrow(() -> new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", id)));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a case before settlement (agency caseworker)",
            description = "Needs a reason code and the record of how and when the person was informed of the consequence "
                    + "(date, channel, language, interpreter for a conversation with one, confirmation).")
    public CaseJson.CaseStatusResult close(@PathVariable long id, @RequestBody CaseJson.CloseRequest request) {
        Actor actor = inScope(id);
        CaseStatus status = no.bosetting.access.TwoStepControl.valueOrHeld(twoStep.orNow(no.bosetting.access.TwoStepControl.Kind.CLOSE_CASE, id, actor, closeInput(request), () -> commands.close(id, actor, request.closeReason(), request.text(),
                new ConsequenceInformed(Boolean.TRUE.equals(request.informed()), request.informedOn(),
                        request.informedChannel(), request.informedLanguage(), request.interpreter()))));
        return new CaseJson.CaseStatusResult(id, status);
    }

    /** A closing's input as two-step control holds it (the informed record is not asked for these reasons). */
    private static java.util.Map<String, String> closeInput(CaseJson.CloseRequest request) {
        java.util.Map<String, String> input = new java.util.LinkedHashMap<>();
        input.put("closeReason", request.closeReason() == null ? "" : request.closeReason().name());
        input.put("text", request.text() == null ? "" : request.text());
        return input;
    }

    @PostMapping("/{id}/move-out")
    @Operation(summary = "Record that the household moved out of its reception centre",
            description = "By the centre's staff or an agency caseworker; the case stays in the flow with the new living situation.")
    public CaseJson.MoveOutResult moveOut(@PathVariable long id, @RequestBody CaseJson.MoveOutRequest request) {
        Actor actor = inScope(id);
        LivingSituation situation = commands.recordMoveOut(id, actor, request.date(), request.newSituation(),
                blankToNull(request.municipalityNumber())).value();
        return new CaseJson.MoveOutResult(id, situation);
    }

    /** Another unit's case is "not found" before the request body is validated, as a read of it is. */
    private Actor inScope(long id) {
        Actor actor = CurrentActor.get();
        if (queries.summary(id, actor).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", id));
        }
        return actor;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
