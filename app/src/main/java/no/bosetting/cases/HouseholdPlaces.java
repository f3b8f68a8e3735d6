package no.bosetting.cases;

import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;

/**
 * What the decisions module does when an offered household changes (implemented there, so this module needs not
 * know it): a member who joins takes a place in the settlement municipality under the same lock as an acceptance,
 * refused when the decided number is used up unless the agency overrides with a reason; a member who leaves
 * releases the place; a corrected unaccompanied-minor flag re-checks the minors' places. Called inside the change's
 * transaction; a failure returned here rolls the change back.
 */
public interface HouseholdPlaces {

    Optional<CommandFailure> memberJoined(long caseId, long personId, boolean reunified, Actor actor, String overrideReason);

    Optional<CommandFailure> memberLeft(long caseId, long personId, Actor actor, String reason);

    Optional<CommandFailure> minorFlagChanged(long caseId, boolean unaccompaniedMinor, Actor actor, String overrideReason);
}
