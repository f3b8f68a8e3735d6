package no.bosetting.interview.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.api.ApiDocumentation;
import no.bosetting.shared.api.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The settlement interview of a case: recorded by the reception centre (or an agency caseworker). */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/interview")
@Tag(name = ApiDocumentation.TAG_INTERVIEW)
class InterviewApiController {

    private final Interviews interviews;
    private final CaseQueries cases;

    public InterviewApiController(Interviews interviews, CaseQueries cases) {
        this.interviews = interviews;
        this.cases = cases;
    }

    @PutMapping
    @Operation(summary = "Record or correct the settlement interview",
            description = "The first recording moves the case from UNDER_MAPPING to READY_FOR_ALLOCATION; a correction keeps "
                    + "the status and is noted in the case history. Health details without consent are refused (422).")
    public InterviewJson.InterviewResult record(@PathVariable long caseId, @RequestBody InterviewJson.InterviewRequest request) {
        Actor actor = CurrentActor.get();
        InterviewAnswers answers = request.toAnswers();
        CommandResult<CaseStatus> result = CommandResult.attempt(
                () -> interviews.record(caseId, answers, request.consenting(), request.consentDate(), actor));
        if (result.failure() instanceof CommandFailure.RuleBroken) {
            // The service stops at the first problem; an API client should get all of them in one answer.
            throw allProblems(caseId, answers, actor, result.failure());
        }
        CaseStatus status = result.value();
        String version = interviews.find(caseId).map(i -> i.questionSet().version()).orElse(null);
        return new InterviewJson.InterviewResult(caseId, status, version);
    }

    @GetMapping
    @Operation(summary = "The recorded interview",
            description = "In full for the agency and the case's reception centre; a municipality that has accepted the "
                    + "household gets the profile it was shown (no family or network, health only with consent).")
    @ApiResponse(responseCode = "200", description = "The interview, or for a municipality the profile",
            content = @Content(schema = @Schema(oneOf = {InterviewJson.InterviewJsonView.class, InterviewJson.InterviewProfileJson.class})))
    public Object find(@PathVariable long caseId) {
        Actor actor = CurrentActor.get();
        if (cases.summary(caseId, actor).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            InterviewJson.InterviewProfileJson profile = InterviewJson.InterviewProfileJson.of(
                    interviews.profile(caseId, actor, "api:/api/v1/cases/" + caseId + "/interview"));
            // Needs and health details of a household the municipality has accepted, and so knows by name.
            cases.recordRead(caseId, actor, "api:/api/v1/cases/" + caseId + "/interview");
            return profile;
        }
        InterviewJson.InterviewJsonView view = interviews.find(caseId).map(InterviewJson.InterviewJsonView::of)
                .orElseThrow(() -> new CommandFailedException(CommandFailure.NotFound.of("error.interview.notFound", caseId)));
        // Family, network and health details of the household: a read of personal data, as on the web form.
        cases.recordRead(caseId, actor, "api:/api/v1/cases/" + caseId + "/interview");
        return view;
    }

    private RuntimeException allProblems(long caseId, InterviewAnswers answers, Actor actor, CommandFailure first) {
        CaseSummary summary = cases.summary(caseId, actor).orElse(null);
        if (summary == null) {
            return new CommandFailedException(first);
        }
        List<FieldProblem> problems = interviews.validate(answers, interviews.questionSetFor(summary), summary);
        return problems.isEmpty() ? new CommandFailedException(first) : new InvalidRequestException(problems);
    }
}
