package no.bosetting.approvals;

import java.time.OffsetDateTime;
import java.util.Map;

import no.bosetting.access.TwoStepControl;

/** A proposal under two-step control: what would change ({@code input}, {@code changeSummary}), by whom, when and why. */
public record Approval(long id, TwoStepControl.Kind kind, long subjectId, long caseId, String caseReference,
                       ApprovalStatus status, Map<String, String> input, String changeSummary, String reason,
                       OffsetDateTime proposedAt, String proposedBy, String proposedByName, OffsetDateTime decidedAt,
                       String decidedBy, String decidedByName, ReturnReason returnReason, String returnText) {

    public boolean pending() {
        return status == ApprovalStatus.PENDING;
    }

    public boolean approved() {
        return status == ApprovalStatus.APPROVED;
    }

    public String in(String name) {
        return input.get(name);
    }
}
