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

    /**
     * Whether a member joining the household now would take a place the place rule refuses without the agency's
     * override (beyond the decided number): a look ahead for two-step control, taking nothing and waiting for no lock.
     */
    boolean memberJoinBeyondPlaces(long caseId, boolean reunified);

    /**
     * Whether the household corrected into an unaccompanied minor now would take minors' places the place rule refuses
     * without the agency's override: a look ahead for two-step control, taking nothing.
     */
    boolean minorFlagBeyondPlaces(long caseId);
}
