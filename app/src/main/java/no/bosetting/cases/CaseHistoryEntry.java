package no.bosetting.cases;

import java.time.OffsetDateTime;

public record CaseHistoryEntry(OffsetDateTime occurredAt, String actor, String actorRole, String command,
                               CaseStatus fromStatus, CaseStatus toStatus, String reason) {
}
