package no.bosetting.approvals;

import java.time.OffsetDateTime;
import java.util.Map;

import no.bosetting.access.TwoStepControl;
import no.bosetting.shared.outbox.Wording;

/**
 * A proposal under two-step control: what would change ({@code input}, and in words: {@code change} in the reader's
 * language), by whom, when and why. {@code changeSummary} is the Norwegian text stored when it was proposed, which the
 * histories record; {@code changeWording} what it was worded from (null for a proposal from before V57, whose
 * {@code change} is its stored text).
 */
public record Approval(long id, TwoStepControl.Kind kind, long subjectId, long caseId, String caseReference,
                       ApprovalStatus status, Map<String, String> input, String changeSummary, Wording changeWording,
                       String change, String reason,
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
