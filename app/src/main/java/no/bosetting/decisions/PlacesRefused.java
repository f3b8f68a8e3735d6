package no.bosetting.decisions;

import no.bosetting.shared.CommandFailure;

/**
 * Why the place rule ({@link PlaceRule#take}) refused places, with its data: the municipality and year, the limit
 * that would be exceeded (persons or unaccompanied minors), the places already used and the places asked for.
 * {@link #failure} words it as the command failure the caller returns, on the caller's field.
 */
public record PlacesRefused(Reason reason, String municipalityNumber, String municipalityName, int year, Integer limit,
                            int used, int asked) {

    public enum Reason {
        /** Only the agency may override a municipality's decided number. */
        OVERRIDE_AGENCY_ONLY,
        /** No decided number for the year: an acceptance needs one (a registered fact does not). */
        NO_DECISION,
        /** The persons would exceed the decided number (a range's maximum; what is left of a period). */
        PERSONS,
        /** The unaccompanied minors would exceed the decided number of them. */
        UNACCOMPANIED_MINORS
    }

    public CommandFailure failure(String field) {
        return switch (reason) {
            case OVERRIDE_AGENCY_ONLY -> CommandFailure.NotAllowed.of("error.capacity.overrideAgencyOnly");
            case NO_DECISION -> CommandFailure.RuleBroken.of(field, "error.capacity.noDecision", municipalityName, year);
            case PERSONS -> CommandFailure.RuleBroken.of(field, "error.capacity.exceeded", municipalityName, year, limit, used, asked);
            case UNACCOMPANIED_MINORS -> CommandFailure.RuleBroken.of(field, "error.capacity.minorsExceeded", municipalityName,
                    year, limit, used, asked);
        };
    }
}
