package no.bosetting.decisions;

import java.util.List;

import no.bosetting.access.Actor;

/**
 * Decisions on settlement municipality were made for a household (after an acceptance or an approved
 * self-settlement). Published inside the deciding transaction, so listeners (the letters) commit with it.
 */
public record SettlementOffered(long caseId, String municipalityNumber, List<Long> decisionIds, Actor actor) {
}
