package no.bosetting.decisions.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.decisions.SettlementDateChange;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.api.ApiDocumentation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Decisions on settlement municipality, the actual settlement dates and the places they take. */
@RestController
@Tag(name = ApiDocumentation.TAG_DECISIONS)
class DecisionApiController {

    private final SettlementDecisions decisions;
    private final CaseQueries cases;
    private final Municipalities municipalities;

    public DecisionApiController(SettlementDecisions decisions, CaseQueries cases, Municipalities municipalities) {
        this.decisions = decisions;
        this.cases = cases;
        this.municipalities = municipalities;
    }

    @GetMapping("/api/v1/cases/{caseId}/decisions")
    @Operation(summary = "The decisions of a case, one per member, with their settlement-date history",
            description = "Within the caller's case scope: a municipality only after it has accepted the household.")
    public List<DecisionJson.Decision> forCase(@PathVariable long caseId) {
        if (cases.summary(caseId, CurrentActor.get()).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        List<SettlementDateChange> changes = decisions.dateChanges(caseId);
        return decisions.forCase(caseId).stream().map(d -> DecisionJson.Decision.of(d, changes)).toList();
    }

    @PutMapping("/api/v1/decisions/{id}/settlement-date")
    @Operation(summary = "Register or correct a member's actual settlement date",
            description = "By the settlement municipality or an agency caseworker. The first date needs no reason; changing it "
                    + "is a correction that needs one and is kept in the history. When every member has a date the case is SETTLED.")
    public DecisionJson.Decision registerSettlementDate(@PathVariable long id, @RequestBody DecisionJson.SettlementDateRequest request) {
        Actor actor = CurrentActor.get();
        SettlementDecision decision = CommandResult.attempt(
                () -> decisions.registerSettlementDate(id, request.date(), request.reason(), actor)).value();
        return DecisionJson.Decision.of(decision, decisions.dateChanges(decision.caseId()));
    }

    @PostMapping("/api/v1/cases/{caseId}/decline")
    @Operation(summary = "Record that the refugee declined the offer (agency caseworker)",
            description = "Releases the places and ends the case. Needs a reason and confirmation that the person was "
                    + "informed of the consequences (no introduction programme or benefit).")
    public DecisionJson.DeclineResult decline(@PathVariable long caseId, @RequestBody DecisionJson.DeclineRequest request) {
        Actor actor = CurrentActor.get();
        // Another unit's case is "not found" before the request body is validated, as a read of it is.
        if (cases.summary(caseId, actor).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        CaseStatus status = CommandResult.attempt(
                () -> decisions.decline(caseId, actor, request.reason(),
                        new ConsequenceInformed(Boolean.TRUE.equals(request.informed()), request.informedOn(), request.informedChannel(),
                                request.informedLanguage(), request.interpreter()))).value();
        return new DecisionJson.DeclineResult(caseId, status);
    }

    @GetMapping("/api/v1/municipalities/{number}/places/{year}")
    @Operation(summary = "A municipality's places in a year",
            description = "For the agency and the municipality itself. Not for statistics readers: these are exact per-municipality "
                    + "counts of persons (and unaccompanied minors), which statistics readers see only under the small-cell rule "
                    + "of /statistikk.")
    public DecisionJson.Places places(@PathVariable String number, @PathVariable int year) {
        Actor actor = CurrentActor.get();
        if (municipalities.find(number).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.municipality.unknown", number));
        }
        if (!(actor.isAgency() || actor.isMunicipality(number))) {
            throw new CommandFailedException(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        return DecisionJson.Places.of(decisions.placesUsed(number, year));
    }
}
