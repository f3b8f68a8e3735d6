package no.bosetting.cases;

import no.bosetting.access.Actor;

/**
 * A household or person change was recorded (published inside the change's transaction). {@code notice} is an
 * anonymised sentence for the municipality the case is proposed to or accepted by — no names or numbers.
 */
public record HouseholdChanged(long caseId, CaseCommand command, String notice, Actor actor) {
}
