package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A household as the caseworker changes it: the members with their identity numbers over time, their address and why
 * they joined; the members who left; and the changes the actor may make now.
 */
public record HouseholdView(CaseSummary summary, List<Member> members, List<Removed> removed, List<CaseCommand> commands,
                            boolean addressHidden, boolean mayMarkProtection) {

    public record Member(PersonView person, String addressLine, String postalCode, String postalPlace,
                         String addressMunicipality, LocalDate addressFrom, JoinReason joinedReason, LocalDate joinedOn,
                         List<IdentityNumbers.IdentityRecord> identities, AddressProtection protection) {

        public boolean main() {
            return person.relation() == Relation.MAIN;
        }

        public boolean hasAddress() {
            return addressLine != null;
        }
    }

    public record Removed(long id, String name, LocalDate removedOn, String reason) {
    }

    public boolean may(CaseCommand command) {
        return commands.contains(command);
    }

    public Member member(long personId) {
        return members.stream().filter(m -> m.person().id() == personId).findFirst().orElse(null);
    }
}
