package no.bosetting.municipalities.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.municipalities.MunicipalService;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.ServiceCatalogue;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.api.ApiDocumentation;
import no.bosetting.shared.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A municipality's dated service catalogue (issue 23 item 1): read it, or add an entry (the agency). */
@RestController
@RequestMapping("/api/v1/municipalities/{number}/services")
@Tag(name = ApiDocumentation.TAG_PLANNING)
class ServiceCatalogueApiController {

    private static final java.util.Set<Role> READERS = java.util.EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_PLANNER,
            Role.AGENCY_ADMIN, Role.STATISTICS_READER);

    private final ServiceCatalogue catalogue;
    private final Municipalities municipalities;

    ServiceCatalogueApiController(ServiceCatalogue catalogue, Municipalities municipalities) {
        this.catalogue = catalogue;
        this.municipalities = municipalities;
    }

    public record ServiceEntry(long id, String service, String code, LocalDate validFrom, LocalDate validTo, String note) {
        static ServiceEntry of(ServiceCatalogue.Entry e) {
            return new ServiceEntry(e.id(), e.service().name(), e.service().code(), e.validFrom(), e.validTo(), e.note());
        }
    }

    public record NewServiceEntry(String service, LocalDate validFrom, LocalDate validTo, String note) {
    }

    @GetMapping
    @Operation(summary = "The municipality's service catalogue",
            description = "Every dated entry: ACCESSIBLE_DWELLING, SPECIALIST_HEALTH_CARE, CHILD_WELFARE_MINORS, SHARED_HOUSING, "
                    + "SPECIAL_NEEDS_SCHOOLING. A household that needs a service is proposed only where it is offered on the day of the round.")
    public List<ServiceEntry> list(@PathVariable String number) {
        // Like the other municipality figures of the API: the agency and the statistics reader.
        if (!READERS.contains(CurrentActor.get().role())) {
            throw new CommandFailedException(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        known(number);
        return catalogue.entries(number).stream().map(ServiceEntry::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a service to the municipality's catalogue",
            description = "validFrom is required; validTo may be empty (until further notice). An unknown service, an end before "
                    + "the start or a period overlapping the same service is refused with 422 naming the field.")
    public ServiceEntry add(@PathVariable String number, @RequestBody NewServiceEntry body) {
        known(number);
        MunicipalService service = body.service() == null ? null : MunicipalService.ofCode(body.service())
                .orElseThrow(() -> new InvalidRequestException(FieldProblem.of("service", "error.services.service")));
        CommandResult<Long> result = CommandResult.attempt(() -> catalogue.record(CurrentActor.get(), number, service,
                body.validFrom(), body.validTo(), body.note()));
        long id = result.value();
        return catalogue.entries(number).stream().filter(e -> e.id() == id).map(ServiceEntry::of).findFirst().orElseThrow();
    }

    private void known(String number) {
        if (municipalities.find(number).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.municipality.unknown", number));
        }
    }
}
