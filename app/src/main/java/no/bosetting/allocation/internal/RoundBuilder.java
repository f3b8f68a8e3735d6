package no.bosetting.allocation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.SettlementTarget;
import no.bosetting.decisions.PlaceRule;
import no.bosetting.housing.HousingCapacity;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.EvenPace;
import no.bosetting.planning.PacePlan;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.AllocationHolds;
import org.springframework.stereotype.Component;

/**
 * Translates the application's ready households and municipal places into the engine's model.
 * Only settlement-relevant facts go in: nationality, ethnicity, religion and sex are never read here.
 */
@Component
public class RoundBuilder {

    /** How far ahead a registered dwelling counts as available for this round's households. */
    static final int HOUSING_HORIZON_MONTHS = 6;

    private final Interviews interviews;
    private final Proposals proposals;
    private final PlaceRule places;
    private final Municipalities municipalities;
    private final HousingCapacity housing;
    private final EvenPace pace;
    private final List<AllocationHolds> holds;

    RoundBuilder(Interviews interviews, Proposals proposals, PlaceRule places, Municipalities municipalities,
                 HousingCapacity housing, EvenPace pace, List<AllocationHolds> holds) {
        this.pace = pace;
        this.holds = List.copyOf(holds);
        this.interviews = interviews;
        this.proposals = proposals;
        this.places = places;
        this.municipalities = municipalities;
        this.housing = housing;
    }

    /**
     * The candidates that may be allocated on {@code today}: without those another module holds back (e.g. a
     * household in an open self-settlement opt-in window, looking for its own dwelling).
     */
    public List<CaseSummary> allocatable(Collection<CaseSummary> candidates, LocalDate today) {
        List<Long> ids = candidates.stream().map(CaseSummary::id).toList();
        Set<Long> held = new HashSet<>();
        for (AllocationHolds hold : holds) {
            held.addAll(hold.heldCaseIds(ids, today));
        }
        return candidates.stream().filter(c -> !held.contains(c.id())).toList();
    }

    /** A round where range decisions count with their minimum. */
    public Instance build(String name, List<CaseSummary> candidates, LocalDate today) {
        return build(name, candidates, today, false);
    }

    /** A round; {@code upToRangeMaximum}: the allocation policy lets the engine fill range decisions to their maximum. */
    public Instance build(String name, List<CaseSummary> candidates, LocalDate today, boolean upToRangeMaximum) {
        List<CaseSummary> ready = allocatable(candidates, today);
        List<Long> ids = ready.stream().map(CaseSummary::id).toList();
        Map<Long, InterviewAnswers> answers = interviews.answersFor(ids);
        Map<Long, Set<String>> proposedTo = proposals.proposedTo(ids);
        List<Household> households = new ArrayList<>();
        for (CaseSummary c : ready) {
            InterviewAnswers a = answers.get(c.id());
            boolean family = c.householdType().withChildren();
            households.add(new Household(String.valueOf(c.id()), c.persons(), c.unaccompaniedMinor(), family, Set.of(),
                    (int) Math.max(0, c.daysWaited()), SettlementTarget.targetDays(c.permitDate(), c.householdType()), null,
                    a == null ? null : blankToNull(a.familyMunicipalityNumber()), null, null,
                    proposedTo.getOrDefault(c.id(), Set.of()), null,
                    a != null && a.workExperience() != null && !a.workExperience().isBlank(),
                    a != null && a.education() != null && !a.education().isBlank()));
        }
        Map<String, int[]> remainingPlaces = remaining(today, upToRangeMaximum);
        Map<String, int[]> registered = housing.dwellingsByPersons(today, HOUSING_HORIZON_MONTHS, Municipality.MAX_DWELLING_CLASS);
        List<Municipality> ms = new ArrayList<>();
        for (no.bosetting.municipalities.Municipality m : municipalities.all()) {
            int[] left = remainingPlaces.get(m.number());
            int remaining = left[0];
            int remainingMinors = left[1];
            // Dwellings by size come from the municipality's housing register; a municipality that has
            // registered none is assumed to find housing for its places, so large households are then
            // limited only by places.
            int[] dwellings = registered.get(m.number());
            if (dwellings == null) {
                dwellings = new int[Municipality.MAX_DWELLING_CLASS + 1];
                dwellings[Municipality.MAX_DWELLING_CLASS] = remaining / Municipality.LARGE_HOUSEHOLD + 1;
            }
            // Centrality stands in for labour-market and education opportunity until those indicators are loaded.
            double opportunity = (7 - m.centrality()) / 6.0;
            ms.add(new Municipality(m.number(), m.name(), remaining, remainingMinors, Set.of(), dwellings,
                    new HashSet<>(municipalities.neighbours(m.number())), opportunity, opportunity, m.centrality(), 0.0,
                    false));
        }
        return new Instance(name, households, ms);
    }

    /**
     * Per municipality number the places and minors places a round may use on {@code today}: {remaining, remainingMinors}.
     * The review shows the same figures as the engine gets (without building a whole round).
     */
    /** The places left per municipality now (persons, unaccompanied minors), with range decisions at their minimum. */
    public Map<String, int[]> remaining(LocalDate today) {
        return remaining(today, false);
    }

    /**
     * The places left per municipality now: persons and unaccompanied minors. The room is the place rule's answer (a
     * range's minimum, or its maximum when the policy says so; what is left of a period); even pace then holds it to the
     * decision's cumulative quarterly (or monthly) target so far, so attractive municipalities are not filled early in
     * the year.
     */
    public Map<String, int[]> remaining(LocalDate today, boolean upToRangeMaximum) {
        Map<String, PlaceRule.Room> room = places.engineRoom(today.getYear(), upToRangeMaximum);
        PacePlan.Period period = pace.period(today.getYear());
        Map<String, int[]> remaining = new java.util.HashMap<>();
        for (no.bosetting.municipalities.Municipality m : municipalities.all()) {
            PlaceRule.Room p = room.get(m.number());
            int paced = p == null ? 0
                    : PacePlan.of(m.number(), today.getYear(), p.limit(), period).cumulativeTargetAt(today) - p.used();
            remaining.put(m.number(), new int[] {p == null ? 0 : Math.max(0, Math.min(p.persons(), paced)),
                    p == null ? 0 : p.unaccompaniedMinors()});
        }
        return remaining;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
