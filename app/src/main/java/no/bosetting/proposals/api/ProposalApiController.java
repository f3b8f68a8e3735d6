package no.bosetting.proposals.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.AnonymousMember;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.DecisionFields;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.ProposalCommand;
import no.bosetting.proposals.ProposalDetail;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.api.ApiDocumentation;
import no.bosetting.shared.api.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Distribution lists and the municipalities' answers. A municipality sees only its own proposals and,
 * until it accepts, only the anonymised profile: members are listed by position, and planned dates
 * given per position are resolved to persons here on the server.
 */
@RestController
@Tag(name = ApiDocumentation.TAG_PROPOSALS)
class ProposalApiController {

    static final int MAX_LIMIT = 500;

    private final Proposals proposals;
    private final CaseQueries cases;
    private final SettlementDecisions decisions;
    private final no.bosetting.access.TwoStepControl twoStep;

    public ProposalApiController(Proposals proposals, CaseQueries cases, SettlementDecisions decisions, no.bosetting.access.TwoStepControl twoStep) {
        this.twoStep = twoStep;
        this.proposals = proposals;
        this.cases = cases;
        this.decisions = decisions;
    }

    @PostMapping("/api/v1/allocation-lists")
    @Operation(summary = "Send a distribution list to a municipality (agency caseworker)",
            description = "Proposes every listed household, all or none; each gets the answer deadline. A household is never "
                    + "proposed to a municipality that has had it before.")
    @ApiResponse(responseCode = "201", description = "The list was sent")
    public ResponseEntity<ProposalJson.AllocationListJson> sendList(@RequestBody ProposalJson.AllocationListRequest request) {
        Actor actor = CurrentActor.get();
        long listId = CommandResult.attempt(() -> proposals.sendList(actor, request.municipalityNumber(), request.caseIds(),
                request.note())).value();
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/allocation-lists/{id}")
                .buildAndExpand(listId).toUri();
        return ResponseEntity.created(location).body(list(listId, proposals.forList(listId, actor), actor));
    }

    @GetMapping("/api/v1/allocation-lists/{id}")
    @Operation(summary = "One distribution list with its proposals")
    public ProposalJson.AllocationListJson allocationList(@PathVariable long id) {
        Actor actor = CurrentActor.get();
        List<ProposalRow> rows = proposals.forList(id, actor);
        if (rows.isEmpty()) {
            throw new CommandFailedException(CommandFailure.NotFound.of("error.allocationList.notFound", id));
        }
        return list(id, rows, actor);
    }

    @GetMapping("/api/v1/proposals")
    @Operation(summary = "Proposals in scope",
            description = "The agency sees all (filters: status, municipality, overdue); a municipality only its own. "
                    + "Pending first, by deadline. Pages of `limit` (`page` from 0); the header X-Total-Count has the count of all "
                    + "that match.")
    public org.springframework.http.ResponseEntity<List<ProposalJson.ProposalSummary>> list(@RequestParam(required = false) ProposalStatus status,
                                                   @RequestParam(required = false) String municipality,
                                                   @Parameter(description = "Only pending proposals past their deadline")
                                                   @RequestParam(defaultValue = "false") boolean overdue,
                                                   @Parameter(description = "1–500") @RequestParam(defaultValue = "100") int limit,
                                                   @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(FieldProblem.of("limit", "error.api.limit", MAX_LIMIT));
        }
        Actor actor = CurrentActor.get();
        var request = new no.bosetting.shared.web.PageRequest(Math.max(0, page), limit, Proposals.SORT_KEYS.get(0), false, true);
        var result = proposals.page(actor, municipality, status, overdue, request, java.util.Map.of());
        return org.springframework.http.ResponseEntity.ok().header("X-Total-Count", String.valueOf(result.total()))
                .body(result.items().stream().map(p -> summary(p, actor)).toList());
    }

    @GetMapping("/api/v1/proposals/{id}")
    @Operation(summary = "A proposal with the anonymised profile",
            description = "Age, sex, citizenship and relation per member (by position), household composition and the "
                    + "interview's needs and resources. No names, identity numbers or family and network details; health "
                    + "details only where the person consented.")
    public ProposalJson.ProposalDetailJson detail(@PathVariable long id) {
        ProposalDetail detail = proposals.detail(id, CurrentActor.get()).orElseThrow(() -> proposalNotFound(id));
        // The profile carries the interview's needs and consented health details: a logged read, as on the web page.
        cases.recordRead(detail.proposal().caseId(), CurrentActor.get(), "api:/api/v1/proposals/" + id);
        List<ProposalJson.Member> members = new ArrayList<>();
        int position = 1;
        for (AnonymousMember m : cases.anonymousMembersByPerson(detail.proposal().caseId()).values()) {
            members.add(ProposalJson.Member.of(position++, m));
        }
        return new ProposalJson.ProposalDetailJson(summary(detail.proposal(), CurrentActor.get()), members,
                ProposalJson.Profile.of(detail.profile()), detail.livingSituation(), detail.daysWaited());
    }

    @PostMapping("/api/v1/proposals/{id}/accept")
    @Operation(summary = "Accept a proposal with planned settlement dates",
            description = "Makes the decision on settlement municipality for every member and takes the places. Refused (422) "
                    + "when the municipality's decided number would be exceeded; an agency caseworker may accept on the "
                    + "municipality's behalf with an overrideReason, also beyond the decided number, and the override is recorded.")
    public ProposalJson.AcceptResult accept(@PathVariable long id, @RequestBody ProposalJson.AcceptRequest request) {
        Actor actor = CurrentActor.get();
        ProposalRow proposal = proposals.find(id, actor).orElseThrow(() -> proposalNotFound(id));
        // The one guard order (found, permitted, pending) answers before the request's dates are read.
        ProposalCommand.ACCEPT.check(actor, Optional.of(proposal.status()), id).ifPresent(f -> {
            throw new CommandFailedException(f);
        });
        List<Long> personIds = new ArrayList<>(cases.anonymousMembersByPerson(proposal.caseId()).keySet());
        Map<Long, String> fieldOfPerson = new HashMap<>();
        Map<Long, LocalDate> planned = plannedDates(request, personIds, fieldOfPerson);
        CommandResult<?> ran = twoStep.orNow(no.bosetting.access.TwoStepControl.Kind.BEYOND_PLACES, id, actor, no.bosetting.access.TwoStepControl.acceptance(planned, request.overrideReason()),
                () -> CommandResult.attempt(() -> proposals.accept(actor, id, planned, request.overrideReason())));
        if (ran.isSuccess()) {
            no.bosetting.access.TwoStepControl.valueOrHeld(ran); // held for approval: 202 with the proposal
        }
        @SuppressWarnings("unchecked")
        CommandResult<List<Long>> result = (CommandResult<List<Long>>) ran;
        if (!result.isSuccess()) {
            throw new CommandFailedException(inRequestTerms(result.failure(), fieldOfPerson));
        }
        List<ProposalJson.OfferedDecision> offered = new ArrayList<>();
        for (Long decisionId : result.value()) {
            SettlementDecision d = decisions.find(decisionId).orElseThrow();
            offered.add(new ProposalJson.OfferedDecision(d.id(), personIds.indexOf(d.personId()) + 1, d.personId(),
                    d.plannedSettlementDate(), d.placeYear(), d.overrideReason()));
        }
        return new ProposalJson.AcceptResult(id, proposal.caseId(), ProposalStatus.ACCEPTED, CaseStatus.OFFERED, offered);
    }

    @PostMapping("/api/v1/proposals/{id}/reject")
    @Operation(summary = "Reject a proposal (municipality)",
            description = "A reason code and a text are both required. The household returns to ready for allocation and is "
                    + "never proposed to this municipality again.")
    public ProposalJson.AnswerResult reject(@PathVariable long id, @RequestBody ProposalJson.RejectRequest request) {
        Actor actor = CurrentActor.get();
        CommandResult<CaseStatus> result = CommandResult.attempt(() -> proposals.reject(actor, id, request.code(), request.text()));
        if (!result.isSuccess()) {
            throw new CommandFailedException(renamed(result.failure(), Map.of("rejectionCode", "code", "rejectionText", "text")));
        }
        return answered(id, actor, result.value());
    }

    @PostMapping("/api/v1/proposals/{id}/withdraw")
    @Operation(summary = "Withdraw an unanswered proposal (agency caseworker)",
            description = "Needs a reason; the household returns to ready for allocation.")
    public ProposalJson.AnswerResult withdraw(@PathVariable long id, @RequestBody ProposalJson.WithdrawRequest request) {
        Actor actor = CurrentActor.get();
        CaseStatus status = CommandResult.attempt(() -> proposals.withdraw(actor, id, request.reason())).value();
        return answered(id, actor, status);
    }

    /**
     * Turns the request's three ways of giving dates into one date per person. Every member must end
     * up with a date; unknown positions or ids are refused rather than ignored.
     */
    private static Map<Long, LocalDate> plannedDates(ProposalJson.AcceptRequest request, List<Long> personIds,
                                                     Map<Long, String> fieldOfPerson) {
        Map<Long, LocalDate> planned = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.plannedDatesByPosition() != null) {
            request.plannedDatesByPosition().forEach((position, date) -> {
                String field = "plannedDatesByPosition[" + position + "]";
                if (position == null || position < 1 || position > personIds.size()) {
                    problems.add(FieldProblem.of(field, "error.planned.unknownPosition", position, personIds.size()));
                } else if (date == null) {
                    problems.add(FieldProblem.of(field, "error.planned.required"));
                } else {
                    planned.put(personIds.get(position - 1), date);
                    fieldOfPerson.put(personIds.get(position - 1), field);
                }
            });
        }
        if (request.plannedDates() != null) {
            request.plannedDates().forEach((personId, date) -> {
                String field = "plannedDates[" + personId + "]";
                if (!personIds.contains(personId)) {
                    problems.add(FieldProblem.of(field, "error.planned.unknownPerson", String.valueOf(personId)));
                } else if (date == null) {
                    problems.add(FieldProblem.of(field, "error.planned.required"));
                } else {
                    planned.put(personId, date);
                    fieldOfPerson.put(personId, field);
                }
            });
        }
        for (int i = 0; i < personIds.size(); i++) {
            Long personId = personIds.get(i);
            if (planned.containsKey(personId)) {
                continue;
            }
            if (request.plannedDate() != null) {
                planned.put(personId, request.plannedDate());
                fieldOfPerson.put(personId, "plannedDate");
            } else {
                problems.add(FieldProblem.of("plannedDatesByPosition[" + (i + 1) + "]", "error.planned.required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return planned;
    }

    /** The decisions module names a member's date by person id; the caller named it by the request field it used. */
    private static CommandFailure inRequestTerms(CommandFailure failure, Map<Long, String> fieldOfPerson) {
        Optional<Long> person = DecisionFields.subject(failure, DecisionFields.PLANNED);
        if (person.isPresent()) {
            // The person id (the last argument) is said by the field now.
            return new CommandFailure.RuleBroken(fieldOfPerson.getOrDefault(person.get(), "plannedDate"), failure.messageKey(),
                    failure.args().subList(0, failure.args().size() - 1));
        }
        return failure;
    }

    private static CommandFailure renamed(CommandFailure failure, Map<String, String> names) {
        if (failure instanceof CommandFailure.RuleBroken r && r.field() != null && names.containsKey(r.field())) {
            return new CommandFailure.RuleBroken(names.get(r.field()), r.messageKey(), r.args());
        }
        return failure;
    }

    private ProposalJson.AnswerResult answered(long id, Actor actor, CaseStatus caseStatus) {
        ProposalRow row = proposals.find(id, actor).orElseThrow(() -> proposalNotFound(id));
        return new ProposalJson.AnswerResult(id, row.status(), row.caseId(), caseStatus);
    }

    private ProposalJson.AllocationListJson list(long listId, List<ProposalRow> rows, Actor actor) {
        ProposalRow first = rows.isEmpty() ? null : rows.get(0);
        return new ProposalJson.AllocationListJson(listId, first == null ? null : first.municipalityNumber(),
                first == null ? null : first.deadline(), rows.stream().map(p -> summary(p, actor)).toList());
    }

    /** A proposal with what the caller may do with it now. */
    private ProposalJson.ProposalSummary summary(ProposalRow p, Actor actor) {
        return ProposalJson.ProposalSummary.of(p, proposals.validCommands(actor, p));
    }

    private static CommandFailedException proposalNotFound(long id) {
        return new CommandFailedException(CommandFailure.NotFound.of("error.proposal.notFound", id));
    }
}
