package no.bosetting.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.decisions.PlacesUsed;
import no.bosetting.selfsettlement.SelfSettlementOverview;
import no.bosetting.selfsettlement.SelfSettlementSetting;

/**
 * The places the plan gives out, per year and municipality, next to the decided numbers: what the planner
 * expects the decisions module to count when the plan is replayed. It counts and never judges: whether a household
 * fits is the place rule's to say ({@link PlacesUsed#roomFor}, the rule {@code SettlementDecisions.offer} applies),
 * and for agreed self-settlement the agency's weighing of the places ({@link SelfSettlementOverview.Places#left}).
 * The forecast does not know the other data in the database nor which offers are declined later; the replay asks
 * the application again before each acceptance and approval.
 */
final class PlaceForecast {

    /** Per year, per municipality index: {persons, unaccompanied minors}; null where there is no decision. */
    private final Map<Integer, int[][]> decided = new HashMap<>();
    /** Per year, per municipality index: {persons, unaccompanied minors, persons by agreed self-settlement}. */
    private final Map<Integer, int[][]> planned = new HashMap<>();
    private final List<String> numbers;

    PlaceForecast(List<DemoPlan.RecordCapacity> capacity, Map<String, Integer> indexOf, List<String> numbers) {
        this.numbers = numbers;
        for (DemoPlan.RecordCapacity c : capacity.stream().filter(DemoPlan.RecordCapacity::forYear).toList()) {
            decided.computeIfAbsent(c.year(), y -> new int[numbers.size()][])[indexOf.get(c.municipalityNumber())] =
                    new int[]{c.persons(), c.unaccompaniedMinors()};
        }
    }

    /** Whether the plan records a decision for the municipality that year. */
    boolean hasDecision(int index, int year) {
        return decision(index, year) != null;
    }

    int decidedPersons(int index, int year) {
        return decision(index, year)[0];
    }

    /** The municipality's places that year as the plan has given them out. */
    PlacesUsed places(int index, int year) {
        return places(index, year, 0);
    }

    /** The same, with {@code keptFree} places of the decided number held back by the plan. */
    PlacesUsed places(int index, int year, int keptFree) {
        int[] d = decision(index, year);
        int[] p = planned(index, year);
        Integer decidedPersons = d == null ? null : d[0] - keptFree;
        Integer decidedMinors = d == null ? null : d[1];
        return new PlacesUsed(numbers.get(index), year, decidedPersons, decidedMinors, 0, p[0], p[1]);
    }

    /** The places for agreed self-settlement, within the number (less {@code keptFree}) and the municipality's cap. */
    SelfSettlementOverview.Places selfSettlementPlaces(int index, int year, int keptFree, int capPercent) {
        PlacesUsed p = places(index, year, keptFree);
        Integer cap = p.decided() == null ? null
                : new SelfSettlementSetting(numbers.get(index), true, null, null, capPercent, null, null)
                        .capFor(decidedPersons(index, year));
        return new SelfSettlementOverview.Places(p, planned(index, year)[2], cap,
                true);
    }

    void give(int index, int year, HouseholdDraft d) {
        int[] p = planned(index, year);
        p[0] += d.size();
        p[1] += d.unaccompaniedMinor() ? 1 : 0;
    }

    void giveBySelfSettlement(int index, int year, HouseholdDraft d) {
        give(index, year, d);
        planned(index, year)[2] += d.size();
    }

    private int[] decision(int index, int year) {
        int[][] forYear = decided.get(year);
        return forYear == null ? null : forYear[index];
    }

    private int[] planned(int index, int year) {
        return planned.computeIfAbsent(year, y -> new int[numbers.size()][3])[index];
    }
}
