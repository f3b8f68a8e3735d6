package no.bosetting.approvals;

import java.time.OffsetDateTime;

public record ApprovalHistoryEntry(OffsetDateTime occurredAt, String actor, String actorRole, String command,
                                   ApprovalStatus from, ApprovalStatus to, String reason) {
}
