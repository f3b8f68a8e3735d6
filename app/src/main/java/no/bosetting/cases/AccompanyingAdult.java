package no.bosetting.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The adult who came with an unaccompanied minor (følgeperson: a grandparent, aunt or uncle, older sibling or friend;
 * report 000 lines 4082-4094): a relation recorded on the minor's case, not a member of the household.
 */
public record AccompanyingAdult(long caseId, String givenName, String familyName, LocalDate birthDate, Kind relationToMinor,
                                String dufNumber, String source, OffsetDateTime updatedAt, String updatedBy) {

    /** How the adult is related to the minor. */
    public enum Kind {
        GRANDPARENT, AUNT_OR_UNCLE, SIBLING, FRIEND, OTHER
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    /** What is kept in the case history, before → after. */
    String describe() {
        return fullName() + " (" + relationToMinor.name() + ", født " + birthDate + (dufNumber == null ? "" : ", DUF " + dufNumber) + ")";
    }
}
