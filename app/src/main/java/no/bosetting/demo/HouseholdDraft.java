package no.bosetting.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.cases.CloseReason;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;

/** One household while the plan is built: mutable, frozen into a {@link DemoPlan.Household} at the end. */
final class HouseholdDraft {
    int index;
    String reference;
    PermitType permitType;
    LocalDate permitDate;
    LivingSituation living;
    Integer centre;
    String municipality;
    String familyMunicipality;
    boolean adaptation;
    final List<DemoPlan.Person> persons = new ArrayList<>();
    Instant importAt;
    Instant interviewAt;
    /** From when the household can be proposed; null when it never becomes ready within the plan. */
    Instant eligibleAt;
    Instant closeAt;
    CloseReason closeReason;
    String closeText;
    /** Where the household asks for agreed self-settlement when it becomes ready, if it does. */
    String selfSettlement;

    int size() {
        return persons.size();
    }

    boolean unaccompaniedMinor() {
        return persons.size() == 1 && persons.get(0).relation() == Relation.MAIN
                && persons.get(0).birthDate().plusYears(18).isAfter(permitDate);
    }

    boolean withChildren() {
        return persons.stream().anyMatch(p -> p.relation() == Relation.CHILD);
    }
}
