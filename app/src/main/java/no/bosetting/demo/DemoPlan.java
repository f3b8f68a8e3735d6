package no.bosetting.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.bosetting.cases.CloseReason;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.applications.ApplicationForm;
import no.bosetting.proposals.RejectionReason;
import no.bosetting.reconsideration.ReconsiderationGround;
import no.bosetting.reconsideration.RequesterKind;
import no.bosetting.selfsettlement.RefusalReason;

/**
 * Everything the demo generator will do, computed from the seed alone: the households and the
 * year of commands in the order they happen. Holds no database ids, so two plans from the same
 * seed, size and "now" are equal and can be compared in a test.
 */
record DemoPlan(long seed, int size, Instant now, List<Centre> centres, List<Household> households,
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

    // ---------------------------------------------------------------- agreed self-settlement (ASB)

    /** A municipality's ASB setting, saved by its officer. */
    public record SaveSelfSettlementSetting(Instant at, String municipalityNumber, boolean accepts, String rulesText,
                                            Integer rentLimit, int capPercent) implements Event {
    }

    /** A household's request for agreed self-settlement, by the refugee or by the municipality on its behalf. */
    public record RegisterSelfSettlement(Instant at, int household, String municipalityNumber, String address,
                                         String landlordName, String landlordEmail, LocalDate leaseStart, int monthlyRent,
                                         int rooms, boolean byMunicipality) implements Event {
    }

    public record StartSelfSettlementCheck(Instant at, int household) implements Event {
    }

    /** The municipality forwards the household's open request with a complete checklist. */
    public record ForwardSelfSettlement(Instant at, int household, LocalDate inspectionDate) implements Event {
    }

    public record RefuseSelfSettlement(Instant at, int household, boolean byAgency, RefusalReason reason, String text)
            implements Event {
    }

    public record ApproveSelfSettlement(Instant at, int household) implements Event {
    }

    public record WithdrawSelfSettlement(Instant at, int household) implements Event {
    }

    public record SelfSettlementDwellingLost(Instant at, int household, String note) implements Event {
    }

    /** The refugee opts in to find a dwelling within the lease window. */
    public record OptInSelfSettlement(Instant at, int household) implements Event {
    }

    /** The municipality gives an accepted household about 14 days to find its own dwelling. */
    public record MarkMunicipalityInitiated(Instant at, int household, String municipalityNumber) implements Event {
    }

    // ---------------------------------------------------------------- applications from private residents

    /** The main person sends the application (possibly before the permit is registered). */
    public record SendApplication(Instant at, int household, ApplicationForm form) implements Event {
    }

    /** The agency accepts, or refuses with {@code reason}. */
    public record HandleApplication(Instant at, int household, boolean accept, String reason) implements Event {
    }

    // ---------------------------------------------------------------- messages

    /**
     * A message in the case thread ({@code household} set) or the municipality's general thread; optionally
     * the writer names the municipality's contact or takes the thread for the agency first.
     */
    public record PostMessage(Instant at, Integer household, String municipalityNumber, boolean fromMunicipality,
                              String body, String contactName, String contactPhone) implements Event {
    }

    // ---------------------------------------------------------------- reconsideration

    public record RequestReconsideration(Instant at, int household, RequesterKind requesterKind, String requesterName,
                                         ReconsiderationGround ground, String explanation) implements Event {
    }

    public record InformAboutReconsideration(Instant at, int household, String note) implements Event {
    }

    public record DecideReconsideration(Instant at, int household, boolean grant, String reason, String alternative)
            implements Event {
    }
}
