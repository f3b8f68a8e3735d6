package no.bosetting.allocation.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.allocation.engine.Scorer;

/**
 * Imitates manual practice: take households in priority order (minors, families with children, then the
 * longest overdue) and give each the best-scoring municipality that still has room.
 */
final class GreedyBaseline {

    private GreedyBaseline() {
    }

    static Map<String, String> solve(Instance instance, Policy policy) {
        Scorer scorer = new Scorer(policy, instance);
        List<Household> hs = instance.households();
        List<Municipality> ms = instance.municipalities();
        int mCount = ms.size();
        int[] places = new int[mCount];
        int[] minorPlaces = new int[mCount];
        int[][] dwellings = new int[mCount][];
        for (int m = 0; m < mCount; m++) {
            places[m] = ms.get(m).remainingPlaces();
            minorPlaces[m] = ms.get(m).remainingMinorPlaces();
            dwellings[m] = ms.get(m).dwellingsBySize();
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int h = 0; h < hs.size(); h++) {
            String g = hs.get(h).togetherGroup();
            if (g != null) {
                groups.computeIfAbsent(g, k -> new ArrayList<>()).add(h);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int h = 0; h < hs.size(); h++) {
            order.add(h);
        }
        order.sort(Comparator.comparing((Integer h) -> !hs.get(h).unaccompaniedMinor())
                .thenComparing(h -> !hs.get(h).familyWithChildren())
                .thenComparing(h -> -(double) hs.get(h).daysWaited() / hs.get(h).targetDays())
                .thenComparing(h -> hs.get(h).id()));
        Map<String, String> assignment = new LinkedHashMap<>();
        java.util.Set<String> doneGroups = new java.util.HashSet<>();
        for (int h : order) {
            Household hh = hs.get(h);
            List<Integer> unit;
            if (hh.togetherGroup() != null) {
                if (!doneGroups.add(hh.togetherGroup())) {
                    continue;
                }
                unit = groups.get(hh.togetherGroup());
            } else {
                unit = List.of(h);
            }
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < mCount; m++) {
                if (!fits(unit, m, hs, scorer, places, minorPlaces, dwellings)) {
                    continue;
                }
                double s = 0;
                for (int x : unit) {
                    s += scorer.score(x, m);
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = m;
                }
            }
            if (best < 0) {
                continue;
            }
            for (int x : unit) {
                Household xx = hs.get(x);
                places[best] -= xx.persons();
                if (xx.unaccompaniedMinor()) {
                    minorPlaces[best] -= xx.persons();
                }
                if (xx.persons() >= Municipality.LARGE_HOUSEHOLD) {
                    takeDwelling(dwellings[best], xx.persons());
                }
                assignment.put(xx.id(), ms.get(best).number());
            }
        }
        return assignment;
    }

    private static boolean fits(List<Integer> unit, int m, List<Household> hs, Scorer scorer, int[] places,
            int[] minorPlaces, int[][] dwellings) {
        int p = 0;
        int mi = 0;
        int[] free = dwellings[m].clone();
        for (int x : unit) {
            if (!scorer.eligible(x, m)) {
                return false;
            }
            Household xx = hs.get(x);
            p += xx.persons();
            if (xx.unaccompaniedMinor()) {
                mi += xx.persons();
            }
            if (xx.persons() >= Municipality.LARGE_HOUSEHOLD && !takeDwelling(free, xx.persons())) {
                return false;
            }
        }
        return p <= places[m] && mi <= minorPlaces[m];
    }

    private static boolean takeDwelling(int[] free, int persons) {
        for (int k = Math.min(persons, free.length - 1); k < free.length; k++) {
            if (free[k] > 0) {
                free[k]--;
                return true;
            }
        }
        return false;
    }
}
