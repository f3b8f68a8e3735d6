package no.bosetting.introduction.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.introduction.IntroductionCommand;
import no.bosetting.introduction.IntroductionRecord;
import no.bosetting.introduction.IntroductionRegister;
import no.bosetting.introduction.IntroductionResults;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.api.ApiDocumentation;
import no.bosetting.shared.api.ApiPaging;
import no.bosetting.shared.api.InvalidRequestException;
import no.bosetting.shared.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The introduction register as data. A person's entry is read by everyone who may see the case, as on the case's
 * register page (logged); the settling municipality's officer records through {@link IntroductionCommand#RECORD}, the
 * same command and guards as the page, a refusal answered as a problem. The programme's public results carry shares
 * only, under the small-cell rule, as {@code /offentlig/introduksjon} shows them.
 */
@RestController
@Tag(name = ApiDocumentation.TAG_INTRODUCTION)
class IntroductionApiController {

    static final String PERSON = "/api/v1/cases/{caseId}/introduction/{personId}";

    private final IntroductionRegister register;
    private final IntroductionResults results;
    private final CaseQueries cases;
    IntroductionApiController(IntroductionRegister register, IntroductionResults results, CaseQueries cases) {
        this.register = register;
        this.results = results;
        this.cases = cases;
    }

    @GetMapping(PERSON)
    @Operation(summary = "A person's entry in the introduction register",
            description = "For everyone who may see the case (the agency, the municipality that accepted it, the reception centre "
                    + "of its residents). The read is logged. `validCommands` says whether the caller may record.")
    public IntroductionJson.RecordJson read(@PathVariable long caseId, @PathVariable long personId) {
        Actor actor = CurrentActor.get();
        IntroductionRecord record = register.read(actor, caseId, personId, "api:/api/v1/cases/" + caseId + "/introduction/" + personId)
                .orElseThrow(() -> new CommandFailedException(CommandFailure.NotFound.of("introduction.error.personNotFound", personId)));
        return json(actor, caseId, personId, record);
    }

    @PutMapping(PERSON + "/programme")
    @Operation(summary = "Record or correct the programme's start and end (the settling municipality's officer)")
    public IntroductionJson.RecordJson programme(@PathVariable long caseId, @PathVariable long personId,
                                                 @RequestBody IntroductionJson.ProgrammeRequest request) {
        register.saveProgramme(CurrentActor.get(), caseId, personId, request.startedOn(), request.completedOn()).value();
        return reread(caseId, personId);
    }

    @PostMapping(PERSON + "/periods")
    @Operation(summary = "Add an interruption or leave (the settling municipality's officer)")
    public IntroductionJson.RecordJson period(@PathVariable long caseId, @PathVariable long personId,
                                              @RequestBody IntroductionJson.PeriodRequest request) {
        register.addPeriod(CurrentActor.get(), caseId, personId, request.periodKind(), request.periodFrom(), request.periodTo()).value();
        return reread(caseId, personId);
    }

    @PostMapping(PERSON + "/training")
    @Operation(summary = "Add hours of training, with a test (the settling municipality's officer)")
    public IntroductionJson.RecordJson training(@PathVariable long caseId, @PathVariable long personId,
                                                @RequestBody IntroductionJson.TrainingRequest request) {
        register.addTraining(CurrentActor.get(), caseId, personId, request.subject(), request.hours(), request.testOn(), request.level(),
                request.passed()).value();
        return reread(caseId, personId);
    }

    @PutMapping(PERSON + "/outcome")
    @Operation(summary = "Record or correct the status a year after completion (the settling municipality's officer)")
    public IntroductionJson.RecordJson outcome(@PathVariable long caseId, @PathVariable long personId,
                                               @RequestBody IntroductionJson.OutcomeRequest request) {
        register.recordOutcome(CurrentActor.get(), caseId, personId, request.status(), request.measuredOn()).value();
        return reread(caseId, personId);
    }

    @GetMapping("/api/v1/statistics/introduction")
    @Operation(summary = "The programme's public results per municipality (open data)",
            description = "The share in work or education a year after completion, nationally and per municipality by name, for "
                    + "the persons who completed in `year` (every year when left out). Shares from 1–4 persons are withheld "
                    + "(null); no counts, no personal data. No login.")
    public IntroductionJson.PublicResultsJson publicResults(@Parameter(description = "Completion year") @RequestParam(required = false) Integer year,
                                                           @RequestParam(defaultValue = "0") int page,
                                                           @Parameter(description = "1–200") @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = ApiPaging.problems(page, size);
        if (!results.answersFor(year)) {
            problems.add(FieldProblem.of("year", "introduction.error.apiYear", IntroductionResults.FIRST_YEAR, results.lastYear()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        PageRequest request = PageRequest.read(Map.of("page", String.valueOf(page), "size", String.valueOf(size)),
                IntroductionResults.ORDER, "name");
        return IntroductionJson.PublicResultsJson.of(results.results(year, request, Map.of()), results.years());
    }

    /** The entry after a command, as the page shows it after saving (a read, logged). */
    private IntroductionJson.RecordJson reread(long caseId, long personId) {
        return read(caseId, personId);
    }

    private IntroductionJson.RecordJson json(Actor actor, long caseId, long personId, IntroductionRecord record) {
        SettlementDecision settled = register.settlement(caseId, personId).orElse(null);
        List<IntroductionCommand> commands = cases.summary(caseId, actor)
                .map(summary -> validCommands(actor, summary, settled)).orElse(List.of());
        return IntroductionJson.RecordJson.of(caseId, personId, settled, record, commands);
    }

    /** The case's valid commands, narrowed as the page narrows them: RECORD only for the municipality the person settled in. */
    private List<IntroductionCommand> validCommands(Actor actor, CaseSummary summary, SettlementDecision settled) {
        return register.validCommands(actor, summary).stream()
                .filter(c -> c != IntroductionCommand.RECORD || (settled != null && actor.isMunicipality(settled.municipalityNumber())))
                .toList();
    }
}
