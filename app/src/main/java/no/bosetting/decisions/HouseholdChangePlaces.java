package no.bosetting.decisions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.HouseholdPlaces;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.shared.CommandFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Places follow an offered household's changes (issue 20 item 1): a member who joins gets a decision of their own in
 * the settlement municipality (one decision per member, as at the acceptance) and takes a place under the same lock as
 * an acceptance, refused when the decided number (or the minors' number) is used up unless the agency overrides with a
 * reason, stored on the decision; a member who leaves has the decision revoked, releasing the place; a household
 * corrected into (or out of) an unaccompanied minor has its decisions counted as minors' places, re-checked likewise.
 */
@Component
class HouseholdChangePlaces implements HouseholdPlaces {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CapacityDecisions capacity;
    private final SettlementDecisions decisions;
    private final CaseQueries cases;
    private final Municipalities municipalities;

    HouseholdChangePlaces(JdbcClient jdbc, Clock clock, CapacityDecisions capacity, SettlementDecisions decisions,
                          CaseQueries cases, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.capacity = capacity;
        this.decisions = decisions;
        this.cases = cases;
        this.municipalities = municipalities;
    }

    @Override
    public Optional<CommandFailure> memberJoined(long caseId, long personId, boolean reunified, Actor actor, String overrideReason) {
        List<SettlementDecision> open = offered(caseId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        CaseSummary summary = cases.summaryForSystem(caseId).orElseThrow();
        // The new member is planned with the household: its earliest planned date, in that date's year.
        SettlementDecision first = open.stream().min(java.util.Comparator.comparing(SettlementDecision::plannedSettlementDate)).get();
        LocalDate planned = first.plannedSettlementDate();
        Optional<CommandFailure> refused = takePlaces(first.municipalityNumber(), planned.getYear(), 1,
                summary.unaccompaniedMinor() ? 1 : 0, reunified ? 1 : 0, overrideReason);
        if (refused.isPresent()) {
            return refused;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into settlement_decision (case_id, person_id, proposal_id, municipality_number, status,
                    unaccompanied_minor, decided_at, decided_by, planned_settlement_date, place_year, override_reason,
                    created_at, created_by, updated_at, updated_by)
                select case_id, :person, proposal_id, municipality_number, 'OFFERED', :um, :now, :by, :planned, :year, :override,
                    :now, :by, :now, :by
                from settlement_decision where id = :first
                """)
                .param("person", personId).param("um", summary.unaccompaniedMinor()).param("now", now)
                .param("by", actor.username()).param("planned", planned).param("year", planned.getYear())
                .param("override", overrideReason).param("first", first.id()).update();
        return Optional.empty();
    }

    @Override
    public Optional<CommandFailure> memberLeft(long caseId, long personId, Actor actor, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update settlement_decision set status = 'REVOKED', closed_at = :now, updated_at = :now, updated_by = :by
                where case_id = :c and person_id = :p and status = 'OFFERED'
                """)
                .param("now", now).param("by", actor.username()).param("c", caseId).param("p", personId).update();
        return Optional.empty();
    }

    @Override
    public Optional<CommandFailure> minorFlagChanged(long caseId, boolean unaccompaniedMinor, Actor actor, String overrideReason) {
        List<SettlementDecision> open = offered(caseId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        if (unaccompaniedMinor) {
            for (Integer year : new java.util.TreeSet<>(open.stream().map(SettlementDecision::placeYear).toList())) {
                int minors = (int) open.stream().filter(d -> d.placeYear() == year).count();
                // The persons hold their places already; only the minors' number is taken now.
                Optional<CommandFailure> refused = takePlaces(open.get(0).municipalityNumber(), year, 0, minors, 0, overrideReason);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        jdbc.sql("""
                update settlement_decision set unaccompanied_minor = :um, override_reason = coalesce(override_reason, :override),
                    updated_at = :now, updated_by = :by
                where case_id = :c and status = 'OFFERED'
                """)
                .param("um", unaccompaniedMinor).param("override", unaccompaniedMinor ? overrideReason : null).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("c", caseId).update();
        return Optional.empty();
    }

    private List<SettlementDecision> offered(long caseId) {
        return decisions.forCase(caseId).stream().filter(d -> d.status() == DecisionStatus.OFFERED).toList();
    }

    /**
     * The one place-taking of a household change: locks the municipality's decision for the year (as an acceptance
     * does, {@link CapacityDecisions#lock}) and asks the place rule ({@link PlacesUsed}) for {@code persons} more and
     * {@code minors} more unaccompanied minors. Reunified persons count inside the decided number here (the decision's
     * own rule for them belongs to the place rule). With the agency's override reason nothing is refused; the caller
     * stores the reason.
     */
    private Optional<CommandFailure> takePlaces(String municipalityNumber, int year, int persons, int minors, int reunified,
                                                String overrideReason) {
        Optional<CapacityDecision> decision = capacity.lock(municipalityNumber, year);
        if (overrideReason != null && !overrideReason.isBlank()) {
            return Optional.empty();
        }
        String name = municipalities.name(municipalityNumber);
        if (decision.isEmpty()) {
            return Optional.of(CommandFailure.RuleBroken.of("capacity", "error.capacity.noDecision", name, year));
        }
        PlacesUsed used = decisions.placesUsed(municipalityNumber, year);
        if (persons > 0 && !used.roomForPersons(persons)) {
            return Optional.of(CommandFailure.RuleBroken.of("capacity", "error.household.placesExceeded", name, year,
                    decision.get().persons(), used.used(), persons));
        }
        if (minors > 0 && !used.roomForMinors(minors)) {
            return Optional.of(CommandFailure.RuleBroken.of("capacity", "error.capacity.minorsExceeded", name, year,
                    decision.get().unaccompaniedMinors(), used.minorsUsed(), minors));
        }
        return Optional.empty();
    }
}
