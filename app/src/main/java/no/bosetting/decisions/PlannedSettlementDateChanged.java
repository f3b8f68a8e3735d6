package no.bosetting.decisions;

import no.bosetting.access.Actor;

/** The planned settlement date of one or more of a household's offered decisions changed; published inside that transaction. */
public record PlannedSettlementDateChanged(long caseId, Actor actor) {
}
