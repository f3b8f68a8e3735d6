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
import no.bosetting.shared.CommandFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Places follow an offered household's changes (issue 20 item 1): a member who joins gets a decision of their own in
 * the settlement municipality (one decision per member, as at the acceptance) and takes a place under the same lock as
 * an acceptance, refused when the decided number (or the minors' number) is used up unless the agency overrides with a
 * reason, stored on the decision (all through the one place rule, {@link PlaceRule#take}); a member reunified with a
 * settled household takes a place as its decision counts reunified members ({@link ReunifiedPlaces}); a member who leaves has the decision revoked, releasing the place; a household
 * corrected into (or out of) an unaccompanied minor has its decisions counted as minors' places, re-checked likewise.
 */
@Component
class HouseholdChangePlaces implements HouseholdPlaces {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlaceRule placeRule;
    private final ReunifiedPlaces reunifiedPlaces;
    private final SettlementDecisions decisions;
    private final CaseQueries cases;

    HouseholdChangePlaces(JdbcClient jdbc, Clock clock, PlaceRule placeRule, ReunifiedPlaces reunifiedPlaces,
                          SettlementDecisions decisions, CaseQueries cases) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.placeRule = placeRule;
        this.reunifiedPlaces = reunifiedPlaces;
        this.decisions = decisions;
        this.cases = cases;
    }

    @Override
    public Optional<CommandFailure> memberJoined(long caseId, long personId, boolean reunified, Actor actor, String overrideReason) {
        List<SettlementDecision> open = offered(caseId);
        if (open.isEmpty()) {
            // A settled household: a member reunified with it takes a place in its municipality as the decision says
            // (inside the number or on top; report 003 lines 2292–2294); a child born there or a later joiner takes none.
            boolean settled = decisions.forCase(caseId).stream().anyMatch(d -> d.status() == DecisionStatus.SETTLED);
            if (settled && reunified) {
                var registered = reunifiedPlaces.register(caseId, personId, LocalDate.now(clock), actor, overrideReason);
                if (registered instanceof no.bosetting.shared.CommandResult.Failure<Long> f) {
                    // The household change words a place refusal on its own capacity field, as for an offered household.
                    return Optional.of(f.failure() instanceof CommandFailure.RuleBroken r && r.messageKey().startsWith("error.capacity.")
                            ? new CommandFailure.RuleBroken("capacity", r.messageKey(), r.args()) : f.failure());
                }
                return Optional.empty();
            }
            return Optional.empty();
        }
        CaseSummary summary = cases.summaryForSystem(caseId).orElseThrow();
        SettlementDecision first = joinsWith(open);
        LocalDate planned = first.plannedSettlementDate();
        Optional<CommandFailure> refused = takePlaces(first.municipalityNumber(), planned.getYear(), 1,
                summary.unaccompaniedMinor() ? 1 : 0, reunified ? 1 : 0, actor, overrideReason);
        if (refused.isPresent()) {
            return refused;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into settlement_decision (case_id, person_id, proposal_id, municipality_number, status,
                    unaccompanied_minor, reunified, decided_at, decided_by, planned_settlement_date, place_year, override_reason,
                    created_at, created_by, updated_at, updated_by)
                select case_id, :person, proposal_id, municipality_number, 'OFFERED', :um, :reunified, :now, :by, :planned, :year, :override,
                    :now, :by, :now, :by
                from settlement_decision where id = :first
                """)
                .param("person", personId).param("um", summary.unaccompaniedMinor()).param("reunified", reunified).param("now", now)
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
            for (var year : minorsPerYear(open).entrySet()) {
                // The persons hold their places already; only the minors' number is taken now.
                Optional<CommandFailure> refused = takePlaces(open.get(0).municipalityNumber(), year.getKey(), 0, year.getValue(), 0,
                        actor, overrideReason);
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

    @Override
    public boolean memberJoinBeyondPlaces(long caseId, boolean reunified) {
        List<SettlementDecision> open = offered(caseId);
        if (open.isEmpty()) {
            // A settled household: only a reunified member takes a place, in the year of arrival (today); a year without a
            // decided number has none to exceed (ReunifiedPlaces).
            if (!reunified) {
                return false;
            }
            return decisions.forCase(caseId).stream().filter(d -> d.status() == DecisionStatus.SETTLED).findFirst()
                    .map(d -> {
                        PlacesUsed used = placeRule.placesUsed(d.municipalityNumber(), LocalDate.now(clock).getYear());
                        return used.ceiling() != null && !used.roomFor(1, 0, 1);
                    })
                    .orElse(false);
        }
        boolean minor = cases.summaryForSystem(caseId).orElseThrow().unaccompaniedMinor();
        SettlementDecision first = joinsWith(open);
        return !placeRule.wouldFit(first.municipalityNumber(), first.plannedSettlementDate().getYear(), 1, minor ? 1 : 0,
                reunified ? 1 : 0);
    }

    @Override
    public boolean minorFlagBeyondPlaces(long caseId) {
        List<SettlementDecision> open = offered(caseId);
        return minorsPerYear(open).entrySet().stream()
                .anyMatch(year -> !placeRule.wouldFit(open.get(0).municipalityNumber(), year.getKey(), 0, year.getValue(), 0));
    }

    /** A member joining an offered household is planned with it: its earliest planned date, in that date's year. */
    private static SettlementDecision joinsWith(List<SettlementDecision> open) {
        return open.stream().min(java.util.Comparator.comparing(SettlementDecision::plannedSettlementDate)).orElseThrow();
    }

    /** The minors' places a household corrected into an unaccompanied minor takes: its offered persons per place year. */
    private static java.util.SortedMap<Integer, Integer> minorsPerYear(List<SettlementDecision> open) {
        java.util.SortedMap<Integer, Integer> perYear = new java.util.TreeMap<>();
        open.forEach(d -> perYear.merge(d.placeYear(), 1, Integer::sum));
        return perYear;
    }

    private List<SettlementDecision> offered(long caseId) {
        return decisions.forCase(caseId).stream().filter(d -> d.status() == DecisionStatus.OFFERED).toList();
    }

    /**
     * The place-taking of a household change, by the one place rule ({@link PlaceRule#take}, under the decision's lock):
     * {@code persons} more, of whom {@code minors} unaccompanied minors and {@code reunified} reunified family members
     * (counted as the decision says: inside the number or on top). With the agency's override reason nothing is
     * refused; the caller stores the reason.
     */
    private Optional<CommandFailure> takePlaces(String municipalityNumber, int year, int persons, int minors, int reunified,
                                                Actor actor, String overrideReason) {
        PlaceOverride override = overrideReason == null || overrideReason.isBlank() ? null : PlaceOverride.of(actor, overrideReason);
        return placeRule.take(municipalityNumber, year, persons, minors, reunified, override)
                .map(r -> r.reason() == PlacesRefused.Reason.PERSONS
                        ? CommandFailure.RuleBroken.of("capacity", "error.household.placesExceeded", r.municipalityName(), year,
                                r.limit(), r.used(), r.asked())
                        : r.failure("capacity"));
    }
}
