package no.bosetting.decisions;

import no.bosetting.access.Actor;

/** An agency user's override of the place rule, with the reason that is stored and shown with the places. */
public record PlaceOverride(Actor actor, String reason) {

    /** The override the actor asked for, or null when the reason is blank (no override). */
    public static PlaceOverride of(Actor actor, String reason) {
        return reason == null || reason.isBlank() ? null : new PlaceOverride(actor, reason.trim());
    }
}
