package no.bosetting.moves;

/** Published when a secondary move is registered: which municipality receives a settled person's grant follows it. */
public record SecondaryMoveRegistered(long caseId) {
}
