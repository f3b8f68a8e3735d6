package no.bosetting.cases;

import no.bosetting.access.Actor;

/**
 * A residence permit was registered and its settlement case created. Published inside the import's transaction, so
 * listeners (the first letter to the refugee) commit with it. {@code awaitingApplication}: the household lives privately
 * and must apply within six months before it is mapped.
 */
public record PermitRegistered(long caseId, boolean awaitingApplication, Actor actor) {
}
