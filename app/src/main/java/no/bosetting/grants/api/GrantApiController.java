package no.bosetting.grants.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseReferences;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.PersonView;
import no.bosetting.grants.AdditionalGrants;
import no.bosetting.grants.GrantPayments;
import no.bosetting.grants.GrantSchedules;
import no.bosetting.grants.GrantViews;
import no.bosetting.grants.PaymentRun;
import no.bosetting.grants.ScheduleLine;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.api.ApiDocumentation;
import no.bosetting.shared.api.ApiPaging;
import no.bosetting.shared.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The integration grants as data, with the scope of the grant pages: the municipality's officer reads their own
 * municipality's grants and the schedules of the persons whose grants go to it ({@code /kommune/tilskudd}), the agency's
 * roles any municipality's and anyone's ({@code /tilskudd}), and the payment runs ({@code /tilskudd/utbetalinger}),
 * which the agency's planner or administrator also makes here, through the page's command and its checks (a finance
 * system's monthly job, say). Every read of a person's name or schedule is logged in the access log, as the pages log it.
 */
@RestController
@RequestMapping("/api/v1/grants")
@Tag(name = ApiDocumentation.TAG_GRANTS)
class GrantApiController {

    static final int FIRST_YEAR = 2000;

    private final GrantViews views;
    private final GrantSchedules schedules;
    private final GrantPayments payments;
    private final AdditionalGrants additional;
    private final CaseQueries cases;
    private final CaseReferences references;
    private final PersonAccessLog accessLog;
    private final Municipalities municipalities;

    GrantApiController(GrantViews views, GrantSchedules schedules, GrantPayments payments, AdditionalGrants additional,
                       CaseQueries cases, CaseReferences references,
                       PersonAccessLog accessLog, Municipalities municipalities) {
        this.views = views;
        this.schedules = schedules;
        this.payments = payments;
        this.additional = additional;
        this.cases = cases;
        this.references = references;
        this.accessLog = accessLog;
        this.municipalities = municipalities;
    }

    @GetMapping("/municipalities/{number}")
    @Operation(summary = "A municipality's grants for five calendar years",
            description = "The sums per year (settled and expected) and a page of the persons they come from, settled first by date, "
                    + "with the rates used. The municipality's officer reads their own municipality only, agency roles any. Every "
                    + "person on the page is logged as read.")
    public GrantJson.MunicipalityGrantsJson municipality(@PathVariable String number,
                                                         @Parameter(description = "The first of the five years; this year when left out")
                                                         @RequestParam(required = false) Integer year,
                                                         @RequestParam(defaultValue = "0") int page,
                                                         @Parameter(description = "1–200") @RequestParam(defaultValue = "50") int size) {
        if (municipalities.find(number).isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.municipality.unknown", number));
        }
        Actor actor = CurrentActor.get();
        String scope = scope(actor);
        if (scope != null && !scope.equals(number)) {
            throw new CommandFailedException(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        int thisYear = views.firstYear();
        int last = thisYear + GrantViews.YEARS - 1;
        List<FieldProblem> problems = ApiPaging.problems(page, size);
        if (year != null && (year < FIRST_YEAR || year > last)) {
            problems.add(FieldProblem.of("year", "grants.error.apiYear", FIRST_YEAR, last));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        int from = year == null ? thisYear : year;
        List<GrantViews.PersonRow> rows = views.municipalityPersons(number, from, (long) page * size, size);
        Map<Long, CaseReferences.NameAndReference> found = references.namesAndReferences(rows.stream().map(GrantViews.PersonRow::personId).distinct().toList());
        List<Long> named = rows.stream().map(GrantViews.PersonRow::personId)
                .filter(id -> found.containsKey(id) && found.get(id).fullName() != null).distinct().toList();
        if (!named.isEmpty()) {
            accessLog.recordRead(actor, named, "api:/api/v1/grants/municipalities/" + number);
        }
        List<GrantJson.PersonRowJson> persons = rows.stream().map(r -> {
            CaseReferences.NameAndReference p = found.get(r.personId());
            return GrantJson.PersonRowJson.of(r, from, p == null ? null : p.caseReference(), p == null ? null : p.fullName());
        }).toList();
        return new GrantJson.MunicipalityGrantsJson(number, municipalities.name(number), from,
                views.municipalityYears(number, from).stream().map(GrantJson.YearSumJson::of).toList(),
                views.missingRates(number, from),
                views.ratesUsed(number, from).stream().map(GrantJson.RateJson::of).toList(),
                GrantJson.PageJson.of(persons, page, size, views.countPersons(number, from)));
    }

    @GetMapping("/persons/{personId}")
    @Operation(summary = "One person's grant schedule",
            description = "The current computation with its lines, what was paid per item, the earlier computations and a "
                    + "disability grant. The municipality's officer reads only persons with grants to their municipality; agency "
                    + "roles anyone. The read is logged.")
    public GrantJson.PersonScheduleJson person(@PathVariable long personId) {
        Actor actor = CurrentActor.get();
        String scope = scope(actor);
        Optional<Long> caseId = schedules.caseOf(personId);
        if (caseId.isEmpty() || (scope != null && !schedules.concerns(personId, scope))) {
            throw new CommandFailedException(CommandFailure.NotFound.of("grants.error.personNotFound", personId));
        }
        Optional<PersonView> person = cases.members(caseId.get()).stream().filter(m -> m.id() == personId).findFirst();
        person.ifPresent(p -> accessLog.recordRead(actor, List.of(p.id()), "api:/api/v1/grants/persons/" + personId));
        String reference = caseId.flatMap(cases::summaryForSystem).map(CaseSummary::reference).orElse(null);
        return schedule(personId, caseId.get(), reference, person.map(PersonView::fullName).orElse(null));
    }

    @GetMapping("/cases/{caseId}")
    @Operation(summary = "The grant schedules of a household",
            description = "Every member with a schedule that the caller may see: for the municipality's officer the members with "
                    + "grants to their municipality, for agency roles all. The reads are logged.")
    public GrantJson.HouseholdScheduleJson household(@PathVariable long caseId) {
        Actor actor = CurrentActor.get();
        String scope = scope(actor);
        List<PersonView> members = cases.members(caseId);
        Set<Long> withSchedule = schedules.shownIn(caseId, members.stream().map(PersonView::id).toList(), scope);
        List<PersonView> shown = members.stream().filter(m -> withSchedule.contains(m.id())).toList();
        if (shown.isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("grants.error.caseNotFound", caseId));
        }
        accessLog.recordRead(actor, shown.stream().map(PersonView::id).toList(), "api:/api/v1/grants/cases/" + caseId);
        String reference = cases.summaryForSystem(caseId).map(CaseSummary::reference).orElse(null);
        return new GrantJson.HouseholdScheduleJson(caseId, reference,
                shown.stream().map(p -> schedule(p.id(), caseId, reference, p.fullName())).toList());
    }

    private GrantJson.PersonScheduleJson schedule(long personId, Long caseId, String reference, String name) {
        Optional<GrantSchedules.Snapshot> current = schedules.current(personId);
        List<ScheduleLine> lines = current.map(s -> schedules.lines(s.id())).orElse(List.of());
        BigDecimal total = lines.stream().map(ScheduleLine::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new GrantJson.PersonScheduleJson(personId, caseId, reference, name, current.map(GrantJson.SnapshotJson::of).orElse(null),
                lines.stream().map(GrantJson.LineJson::of).toList(), total, payments.paidFor(personId),
                additional.disability(personId).map(GrantJson.DisabilityJson::of).orElse(null),
                schedules.history(personId).stream().map(GrantJson.SnapshotJson::of).toList());
    }

    @GetMapping("/payment-runs")
    @Operation(summary = "The payment runs, newest first", description = "For agency roles, as /tilskudd/utbetalinger.")
    public GrantJson.PageJson<GrantJson.PaymentRunJson> runs(@RequestParam(defaultValue = "0") int page,
                                                             @Parameter(description = "1–200") @RequestParam(defaultValue = "50") int size) {
        agency();
        List<FieldProblem> problems = ApiPaging.problems(page, size);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return GrantJson.PageJson.of(payments.runs((long) page * size, size).stream().map(GrantJson.PaymentRunJson::of).toList(),
                page, size, payments.countRuns());
    }

    @PostMapping("/payment-runs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a payment run (the agency's planner or administrator)",
            description = "As on /tilskudd/utbetalinger: REGULAR locks what is due up to and including the year, CORRECTION the "
                    + "differences to what was paid. A run with nothing to pay or correct is refused with a problem naming the "
                    + "field; no item is ever paid twice. Answers the new run; its lines are at /payment-runs/{id}.")
    public GrantJson.PaymentRunJson makeRun(@RequestBody GrantJson.PaymentRunRequest request) {
        PaymentRun run = CommandResult.attempt(() -> payments.run(CurrentActor.get(), request.kind(), request.year())).value();
        return GrantJson.PaymentRunJson.of(run);
    }

    @GetMapping("/payment-runs/{id}")
    @Operation(summary = "A payment run and a page of its locked lines",
            description = "For agency roles. The lines are by municipality and person, with the case reference; no names.")
    public GrantJson.PaymentRunDetailJson run(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                              @Parameter(description = "1–200") @RequestParam(defaultValue = "50") int size) {
        agency();
        PaymentRun run = payments.find(id)
                .orElseThrow(() -> new CommandFailedException(CommandFailure.NotFound.of("grants.error.runNotFound", id)));
        List<FieldProblem> problems = ApiPaging.problems(page, size);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<PaymentRun.Line> lines = payments.lines(run.id(), (long) page * size, size);
        Map<Long, String> caseReferences = references.references(lines.stream().map(PaymentRun.Line::caseId).toList());
        return new GrantJson.PaymentRunDetailJson(GrantJson.PaymentRunJson.of(run), GrantJson.PageJson.of(
                lines.stream().map(l -> GrantJson.PaymentLineJson.of(l, caseReferences.get(l.caseId()))).toList(), page, size,
                payments.countLines(run.id())));
    }

    /** The municipality an officer is limited to; null for the agency, which sees every municipality. */
    private static String scope(Actor actor) {
        if (actor.isAgency()) {
            return null;
        }
        if (actor.is(Role.MUNICIPALITY_OFFICER) && actor.municipalityNumber() != null) {
            return actor.municipalityNumber();
        }
        throw new CommandFailedException(CommandFailure.NotAllowed.of("error.role.notAllowed"));
    }

    private static void agency() {
        if (!CurrentActor.get().isAgency()) {
            throw new CommandFailedException(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
    }

}
