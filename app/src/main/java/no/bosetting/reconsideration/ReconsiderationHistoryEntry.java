package no.bosetting.reconsideration;

import java.time.OffsetDateTime;

/** One step of a reconsideration: who, role, when, from → to, and why. */
record ReconsiderationHistoryEntry(OffsetDateTime occurredAt, String actor, String actorRole, String command,
                                          ReconsiderationStatus from, ReconsiderationStatus to, String reason) {
}
