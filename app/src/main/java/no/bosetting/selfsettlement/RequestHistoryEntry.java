package no.bosetting.selfsettlement;

import java.time.OffsetDateTime;

/** One line of a request's history: who, in which role, when, from which status to which, and why. */
record RequestHistoryEntry(OffsetDateTime occurredAt, String actor, String actorRole, String command,
                                  RequestStatus from, RequestStatus to, String reason) {
}
