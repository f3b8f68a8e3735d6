package no.bosetting.approvals.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.TwoStepControl;
import no.bosetting.approvals.Approval;
import no.bosetting.approvals.ApprovalStatus;
import no.bosetting.approvals.Approvals;
import no.bosetting.approvals.ReturnReason;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.api.ApiDocumentation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two-step control over the API: the proposals awaiting approval (paged), one proposal, approving and returning. The
 * proposer cannot approve or return their own proposal (403 problem); a proposal whose command is refused at approval
 * time (the case moved on) answers with that command's problem and nothing changes.
 */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = ApiDocumentation.TAG_DECISIONS)
class ApprovalApiController {

    private final Approvals approvals;

    ApprovalApiController(Approvals approvals) {
        this.approvals = approvals;
    }

    public record ApprovalJson(long id, TwoStepControl.Kind kind, long caseId, String caseReference, ApprovalStatus status,
                               @Schema(description = "The command's input as it will run on approval") Map<String, String> input,
                               @Schema(description = "What would change, in words in the request's language (Accept-Language: "
                                       + "nb or en); a proposal from before the summaries were stored with their message keys "
                                       + "answers in Norwegian, as it was stored") String change,
                               String reason, OffsetDateTime proposedAt, String proposedBy,
                               OffsetDateTime decidedAt, String decidedBy, ReturnReason returnReason, String returnText) {
        static ApprovalJson of(Approval a) {
            return new ApprovalJson(a.id(), a.kind(), a.caseId(), a.caseReference(), a.status(), a.input(), a.change(),
                    a.reason(), a.proposedAt(), a.proposedBy(), a.decidedAt(), a.decidedBy(), a.returnReason(), a.returnText());
        }
    }

    public record PageJson(long total, int offset, int limit, List<ApprovalJson> items) {
    }

    public record ReturnRequest(@Schema(description = "FACTS, RULES, REASONING or OTHER") ReturnReason returnReason, String text) {
    }

    public record StatusJson(long id, ApprovalStatus status) {
    }

    @GetMapping
    @Operation(summary = "Proposals awaiting approval, oldest first, a page at a time (limit at most 200)")
    public PageJson pending(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        Approvals.Page page = approvals.pending(Math.max(0, offset), Math.max(1, Math.min(200, limit)));
        return new PageJson(page.total(), page.offset(), page.limit(), page.rows().stream().map(ApprovalJson::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One proposal under two-step control: what would change, by whom, when and why")
    public ApprovalJson one(@PathVariable long id) {
        return approvals.find(id).map(ApprovalJson::of)
                .orElseThrow(() -> new CommandFailedException(CommandFailure.NotFound.of("error.approval.notFound", id)));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve: the proposed command runs now, its guard checked again; never by the proposer")
    public StatusJson approve(@PathVariable long id) {
        Actor actor = CurrentActor.get();
        return new StatusJson(id, approvals.approve(id, actor).value());
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return the proposal with a fixed reason and a text; nothing changes and the proposer is told")
    public StatusJson giveBack(@PathVariable long id, @RequestBody ReturnRequest request) {
        return new StatusJson(id, approvals.giveBack(id, CurrentActor.get(), request.returnReason(), request.text()).value());
    }

    /** An API command held for approval: 202 Accepted with the proposal to follow. */
    @RestControllerAdvice
    static class HeldAnswer {
        public record HeldJson(long approvalId, ApprovalStatus status, String location) {
        }

        @ExceptionHandler(TwoStepControl.HeldForApproval.class)
        ResponseEntity<HeldJson> held(TwoStepControl.HeldForApproval held) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new HeldJson(held.approvalId(), ApprovalStatus.PENDING,
                    "/api/v1/approvals/" + held.approvalId()));
        }
    }
}
