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
    public sealed interface Event permits CaseStep, AroundTheCase, RecordCapacity, SendList {

        Instant at();

        /** Where the event comes among the events of the same moment. */
        DemoPhase phase();

        /** Issues the event's command through the replay's handler for its module. */
        void replay(DemoReplay replay);
    }

    /**
     * A step in one household's own case from permit to settlement. When the application refuses it, the
     * household is left where it is and its later steps are not replayed.
     */
    public sealed interface CaseStep extends Event permits ImportPermit, HoldInterview, Accept, Reject, RegisterSettlement,
            DeclineOffer, CloseCase {

        int household();
    }

    /**
     * An event of the modules around the case (self-settlement, applications, messages, reconsideration); when it
     * is refused, the refusal is counted and the household's case goes on.
     */
    public sealed interface AroundTheCase extends Event permits AboutCase, SaveSelfSettlementSetting, SendApplication,
            PostMessage {

        @Override
        default DemoPhase phase() {
            return DemoPhase.AROUND_THE_CASE;
        }
    }

    /** An event about a household's case, replayed only while the case exists and has not been left behind. */
    public sealed interface AboutCase extends AroundTheCase permits RegisterSelfSettlement, StartSelfSettlementCheck,
            ForwardSelfSettlement, RefuseSelfSettlement, ApproveSelfSettlement, WithdrawSelfSettlement,
            SelfSettlementDwellingLost, OptInSelfSettlement, MarkMunicipalityInitiated, HandleApplication,
            RequestReconsideration, InformAboutReconsideration, DecideReconsideration {

        int household();
    }

    /**
     * A council decision: for {@code year}, or with {@code kind} PERIOD one total for {@code year}–{@code untilYear},
     * or RANGE {@code persons}–{@code maxPersons} a year (issue 14 item 3). The place forecast counts only year decisions;
     * a period or range is recorded after the year decisions it replaces and is never tighter than they are.
     */
    public record RecordCapacity(Instant at, String municipalityNumber, int year, int persons, int unaccompaniedMinors,
                                 LocalDate decidedOn, String kind, Integer untilYear, Integer maxPersons) implements Event {

        public RecordCapacity(Instant at, String municipalityNumber, int year, int persons, int unaccompaniedMinors,
                              LocalDate decidedOn) {
            this(at, municipalityNumber, year, persons, unaccompaniedMinors, decidedOn, "YEAR", null, null);
        }

        public boolean forYear() {
            return "YEAR".equals(kind);
        }

        @Override
        public DemoPhase phase() {
            return DemoPhase.CAPACITY_DECISION;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.recordCapacity(this);
        }
    }

    public record ImportPermit(Instant at, int household) implements CaseStep {

        @Override
        public DemoPhase phase() {
            return DemoPhase.PERMIT_IMPORT;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.cases().importPermit(this);
        }
    }

    public record HoldInterview(Instant at, int household) implements CaseStep {

        @Override
        public DemoPhase phase() {
            return DemoPhase.INTERVIEW;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.cases().holdInterview(this);
        }
    }

    public record SendList(Instant at, String municipalityNumber, List<Integer> households) implements Event {

        @Override
        public DemoPhase phase() {
            return DemoPhase.PROPOSAL;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.cases().sendList(this);
        }
    }

    public record Accept(Instant at, int household, String municipalityNumber, LocalDate plannedDate) implements CaseStep {

        @Override
        public DemoPhase phase() {
            return DemoPhase.ACCEPTANCE;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.cases().accept(this);
        }
    }

    public record Reject(Instant at, int household, String municipalityNumber, RejectionReason code, String text)
            implements CaseStep {

        @Override
        public DemoPhase phase() {
            return DemoPhase.REJECTION;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.cases().reject(this);
        }
    }

    public record RegisterSettlement(Instant at, int household, LocalDate date) implements CaseStep {

        @Override
        public DemoPhase phase() {
            return DemoPhase.SETTLEMENT;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.cases().registerSettlement(this);
        }
    }

    public record DeclineOffer(Instant at, int household, String reason) implements CaseStep {

        @Override
        public DemoPhase phase() {
            return DemoPhase.DECLINE;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.cases().declineOffer(this);
        }
    }

    public record CloseCase(Instant at, int household, CloseReason reason, String text) implements CaseStep {

        @Override
        public DemoPhase phase() {
            return DemoPhase.CLOSE;
        }

        @Override
        public void replay(DemoReplay replay) {
            replay.cases().close(this);
        }
    }

    // ---------------------------------------------------------------- agreed self-settlement (ASB)

    /** A municipality's ASB setting, saved by its officer. */
    public record SaveSelfSettlementSetting(Instant at, String municipalityNumber, boolean accepts, String rulesText,
                                            Integer rentLimit, int capPercent) implements AroundTheCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().saveSetting(this);
        }
    }

    /** A household's request for agreed self-settlement, by the refugee or by the municipality on its behalf. */
    public record RegisterSelfSettlement(Instant at, int household, String municipalityNumber, String address,
                                         String landlordName, String landlordEmail, LocalDate leaseStart, int monthlyRent,
                                         int rooms, boolean byMunicipality) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().register(this);
        }
    }

    public record StartSelfSettlementCheck(Instant at, int household) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().startCheck(this);
        }
    }

    /** The municipality forwards the household's open request with a complete checklist. */
    public record ForwardSelfSettlement(Instant at, int household, LocalDate inspectionDate) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().forward(this);
        }
    }

    public record RefuseSelfSettlement(Instant at, int household, boolean byAgency, RefusalReason reason, String text)
            implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().refuse(this);
        }
    }

    public record ApproveSelfSettlement(Instant at, int household) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().approve(this);
        }
    }

    public record WithdrawSelfSettlement(Instant at, int household) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().withdraw(this);
        }
    }

    public record SelfSettlementDwellingLost(Instant at, int household, String note) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().dwellingLost(this);
        }
    }

    /** The refugee opts in to find a dwelling within the lease window. */
    public record OptInSelfSettlement(Instant at, int household) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().optIn(this);
        }
    }

    /** The municipality gives an accepted household about 14 days to find its own dwelling. */
    public record MarkMunicipalityInitiated(Instant at, int household, String municipalityNumber) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.selfSettlement().markMunicipalityInitiated(this);
        }
    }

    // ---------------------------------------------------------------- applications from private residents

    /** The main person sends the application (possibly before the permit is registered). */
    public record SendApplication(Instant at, int household, ApplicationForm form) implements AroundTheCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.applications().send(this);
        }
    }

    /** The agency accepts, or refuses with {@code reason}. */
    public record HandleApplication(Instant at, int household, boolean accept, String reason) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.applications().handle(this);
        }
    }

    // ---------------------------------------------------------------- messages

    /**
     * A message in the case thread ({@code household} set) or the municipality's general thread; optionally
     * the writer names the municipality's contact or takes the thread for the agency first.
     */
    public record PostMessage(Instant at, Integer household, String municipalityNumber, boolean fromMunicipality,
                              String body, String contactName, String contactPhone) implements AroundTheCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.messages().post(this);
        }
    }

    // ---------------------------------------------------------------- reconsideration

    public record RequestReconsideration(Instant at, int household, RequesterKind requesterKind, String requesterName,
                                         ReconsiderationGround ground, String explanation) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.reconsiderations().request(this);
        }
    }

    public record InformAboutReconsideration(Instant at, int household, String note) implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.reconsiderations().informMunicipality(this);
        }
    }

    public record DecideReconsideration(Instant at, int household, boolean grant, String reason, String alternative)
            implements AboutCase {

        @Override
        public void replay(DemoReplay replay) {
            replay.reconsiderations().decide(this);
        }
    }
}
