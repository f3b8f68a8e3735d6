package no.bosetting.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.bosetting.cases.CloseReason;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.proposals.RejectionReason;

/**
 * Everything the demo generator will do, computed from the seed alone: the households and the
 * year of commands in the order they happen. Holds no database ids, so two plans from the same
 * seed, size and "now" are equal and can be compared in a test.
 */
public record DemoPlan(long seed, int size, Instant now, List<Centre> centres, List<Household> households,
                       List<Event> events) {

    /** A fictional reception centre in a real municipality; {@code staffUsername} when it has a demo login. */
    public record Centre(String shortName, String name, String kind, String municipalityNumber, String staffUsername) {
    }

    /**
     * One household's permit. {@code centre} indexes {@link DemoPlan#centres()} for residents of a centre;
     * {@code municipalityNumber} is where AMOT, MAMOT and private residents live.
     */
    public record Household(int index, String permitReference, PermitType permitType, LocalDate permitDate,
                            LivingSituation livingSituation, Integer centre, String municipalityNumber,
                            List<Person> persons, InterviewAnswers interview) {

        public int size() {
            return persons.size();
        }

        public boolean unaccompaniedMinor() {
            return persons.size() == 1 && persons.get(0).birthDate().plusYears(18).isAfter(permitDate);
        }

        public boolean withChildren() {
            return persons.stream().anyMatch(p -> p.relation() == Relation.CHILD);
        }
    }

    public record Person(String dufNumber, String dNumber, String givenName, String familyName, LocalDate birthDate,
                         String sex, String citizenship, Relation relation) {
    }

    /** One command at the moment it is issued. */
    public sealed interface Event {
        Instant at();
    }

    public record RecordCapacity(Instant at, String municipalityNumber, int year, int persons, int unaccompaniedMinors,
                                 LocalDate decidedOn) implements Event {
    }

    public record ImportPermit(Instant at, int household) implements Event {
    }

    public record HoldInterview(Instant at, int household) implements Event {
    }

    public record SendList(Instant at, String municipalityNumber, List<Integer> households) implements Event {
    }

    public record Accept(Instant at, int household, String municipalityNumber, LocalDate plannedDate) implements Event {
    }

    public record Reject(Instant at, int household, String municipalityNumber, RejectionReason code, String text)
            implements Event {
    }

    public record RegisterSettlement(Instant at, int household, LocalDate date) implements Event {
    }

    public record DeclineOffer(Instant at, int household, String reason) implements Event {
    }

    public record CloseCase(Instant at, int household, CloseReason reason, String text) implements Event {
    }
}
