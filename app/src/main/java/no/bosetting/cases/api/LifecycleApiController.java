package no.bosetting.cases.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseAbsence;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseLifecycle;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.LivingSituations;
import no.bosetting.cases.ResidencePeriods;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.api.ApiDocumentation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case's life cycle over the API (issue 20 items 3 and 4): living-situation periods, a temporary absence and the
 * return, the municipality's choice for its places, withdrawing an offer, reopening. Refusals are RFC 9457 problems
 * naming the field; an out-of-scope case is 404 before the body is looked at.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@Tag(name = ApiDocumentation.TAG_CASES)
class LifecycleApiController {

    private final CaseQueries queries;
    private final LivingSituations living;
    private final CaseLifecycle lifecycle;
    private final CaseCommands commands;
    private final no.bosetting.access.TwoStepControl twoStep;

    LifecycleApiController(CaseQueries queries, LivingSituations living, CaseLifecycle lifecycle, CaseCommands commands,
                           no.bosetting.access.TwoStepControl twoStep) {
        this.twoStep = twoStep;
        this.queries = queries;
        this.living = living;
        this.lifecycle = lifecycle;
        this.commands = commands;
    }

    public record LivingRequest(@Schema(description = "RECEPTION_CENTRE, EMERGENCY_ACCOMMODATION, AMOT, MAMOT (16.03.2022–15.02.2024 only), PRIVATE or SELF_ESTABLISHED")
                                LivingSituation kind,
                                @Schema(description = "First day; the current period ends that day. Not in the future") LocalDate from,
                                @Schema(description = "For a reception centre or its emergency accommodation") Long receptionCentreId,
                                @Schema(description = "For the other kinds") String municipalityNumber) {
    }

    public record CorrectionRequest(@Schema(description = "The first day of the period to correct") LocalDate period,
                                    LivingSituation kind,
                                    @Schema(description = "The period's new first day; the period before ends that day") LocalDate from,
                                    Long receptionCentreId, String municipalityNumber, String reason) {
    }

    public record LivingResult(long caseId, LivingSituation current, List<ResidencePeriods.Period> periods) {
    }

    public record AbsenceRequest(@Schema(description = "Not in the future, not before the permit") LocalDate from,
                                 @Schema(description = "Not in the past") LocalDate expectedReturn, String reason) {
    }

    public record ReturnRequest(@Schema(description = "Not in the future, not before the absence began") LocalDate returnedOn) {
    }

    public record PlacesRequest(@Schema(description = "HOLD or RELEASE (the accepting municipality)") CaseAbsence.PlacesChoice choice) {
    }

    public record ReasonRequest(String reason) {
    }

    public record StatusResult(long caseId, CaseStatus status) {
    }

    @PostMapping("/living-situation")
    @Operation(summary = "Record a new living-situation period (reception staff of the household's centre, caseworker)")
    public LivingResult record(@PathVariable long id, @RequestBody LivingRequest r) {
        LivingSituation current = living.record(id, inScope(id), r.kind(), r.from(), r.receptionCentreId(), r.municipalityNumber()).value();
        return new LivingResult(id, current, living.periods(id));
    }

    @PostMapping("/living-situation/corrections")
    @Operation(summary = "Correct a living-situation period with a reason (caseworker); kept with before → after")
    public LivingResult correct(@PathVariable long id, @RequestBody CorrectionRequest r) {
        LivingSituation current = living.correct(id, inScope(id), r.period(), r.kind(), r.from(), r.receptionCentreId(),
                r.municipalityNumber(), r.reason()).value();
        return new LivingResult(id, current, living.periods(id));
    }

    @PostMapping("/absence")
    @Operation(summary = "Record that the household is temporarily absent (e.g. travelled abroad)")
    public StatusResult absent(@PathVariable long id, @RequestBody AbsenceRequest r) {
        return new StatusResult(id, lifecycle.markAbsent(id, inScope(id), r.from(), r.expectedReturn(), r.reason()).value());
    }

    @PostMapping("/return")
    @Operation(summary = "Record that the household is back: the case returns to the state before the absence")
    public StatusResult back(@PathVariable long id, @RequestBody ReturnRequest r) {
        return new StatusResult(id, lifecycle.returnFromAbsence(id, inScope(id), r.returnedOn()).value());
    }

    @PostMapping("/places")
    @Operation(summary = "The accepting municipality holds or releases the places while the household is away")
    public StatusResult places(@PathVariable long id, @RequestBody PlacesRequest r) {
        lifecycle.choosePlaces(id, inScope(id), r.choice()).value();
        return new StatusResult(id, CaseStatus.TEMPORARILY_ABSENT);
    }

    @PostMapping("/withdraw-offer")
    @Operation(summary = "Withdraw an accepted offer with a reason: the places are released and the municipality told")
    public StatusResult withdraw(@PathVariable long id, @RequestBody ReasonRequest r) {
        Actor actor = inScope(id);
        return new StatusResult(id, no.bosetting.access.TwoStepControl.valueOrHeld(twoStep.orNow(no.bosetting.access.TwoStepControl.Kind.WITHDRAW_OFFER, id, actor,
                java.util.Map.of("reason", r.reason() == null ? "" : r.reason()), () -> commands.withdrawOffer(id, actor, r.reason()))));
    }

    @PostMapping("/reopen")
    @Operation(summary = "Reopen a closed case with a reason, within six months of the permit")
    public StatusResult reopen(@PathVariable long id, @RequestBody ReasonRequest r) {
        return new StatusResult(id, lifecycle.reopen(id, inScope(id), r.reason()).value());
    }

    private Actor inScope(long id) {
        Actor actor = CurrentActor.get();
        if (queries.summary(id, actor).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", id));
        }
        return actor;
    }
}
