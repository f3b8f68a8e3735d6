package no.bosetting.planning.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.api.ApiDocumentation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A municipality's council decision for a year, recorded by the municipality itself or by the agency. */
@RestController
@RequestMapping("/api/v1/municipalities/{number}/capacity-decisions/{year}")
@Tag(name = ApiDocumentation.TAG_PLANNING)
class CapacityApiController {

    private final CapacityDecisions capacity;
    private final Municipalities municipalities;

    public CapacityApiController(CapacityDecisions capacity, Municipalities municipalities) {
        this.capacity = capacity;
        this.municipalities = municipalities;
    }

    @PutMapping
    @Operation(summary = "Record or change the decision for a year",
            description = "By the municipality for itself or by the agency. Changes are kept in the history. A number below "
                    + "the places already used in the year is refused, unless an agency planner gives loweringOverrideReason.")
    public CapacityJson.CapacityDecisionJson record(@PathVariable String number, @PathVariable int year,
                                                    @RequestBody CapacityJson.CapacityRequest request) {
        CapacityDecision decision = capacity.record(CurrentActor.get(), number, year, request.persons(),
                request.unaccompaniedMinors(), request.decidedOn(), request.loweringOverrideReason()).value();
        return CapacityJson.CapacityDecisionJson.of(decision, capacity.history(number, year));
    }

    @GetMapping
    @Operation(summary = "The decision for a year, with its history",
            description = "For the agency, statistics readers and the municipality itself.")
    public CapacityJson.CapacityDecisionJson find(@PathVariable String number, @PathVariable int year) {
        Actor actor = CurrentActor.get();
        if (municipalities.find(number).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.municipality.unknown", number));
        }
        if (!(actor.isAgency() || actor.is(Role.STATISTICS_READER) || actor.isMunicipality(number))) {
            throw new CommandFailedException(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        return capacity.find(number, year)
                .map(d -> CapacityJson.CapacityDecisionJson.of(d, capacity.history(number, year)))
                .orElseThrow(() -> new CommandFailedException(CommandFailure.NotFound.of("error.capacityDecision.notFound",
                        municipalities.name(number), String.valueOf(year))));
    }
}
