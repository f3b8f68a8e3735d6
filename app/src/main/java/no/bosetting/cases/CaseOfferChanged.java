package no.bosetting.cases;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Actor;

/**
 * A household with an offer (or one held while it is away) changed in a way its settlement municipality must know of:
 * the case was closed, the offer withdrawn, the household went away or came back, the municipality held or released
 * the places. Published inside the command's transaction before the case moves, so listeners still see the offer:
 * the decisions module releases the places ({@link #releasesPlaces()}), the messages module tells the municipality
 * in the case thread.
 *
 * @param municipalityNumber the settlement municipality, null when the household has none
 * @param reason             what the actor wrote, for the message
 */
public record CaseOfferChanged(long caseId, String municipalityNumber, CaseCommand command, Actor actor, String reason) {

    private static final Set<CaseCommand> RELEASING = EnumSet.of(CaseCommand.CLOSE_WITH_OFFER, CaseCommand.WITHDRAW_OFFER,
            CaseCommand.RELEASE_PLACES);

    /** Whether the household's places are released by the change. */
    public boolean releasesPlaces() {
        return RELEASING.contains(command);
    }
}
