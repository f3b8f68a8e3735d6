package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Independent check of every hard constraint of an assignment, written directly against the input records
 * and sharing no code or data structure with the solver, so a solver bug cannot hide itself.
 */
public final class FeasibilityChecker {

    /** Outcome of a check; {@code violations} is empty exactly when the assignment is feasible. */
    public record Report(boolean feasible, List<String> violations) {
        public Report {
            violations = List.copyOf(violations);
        }
    }

    public static Report check(Instance instance, Map<String, String> assignment) {
        return check(instance, assignment, Map.of());
    }

    public static Report check(Instance instance, Map<String, String> assignment, Map<String, String> pins) {
        List<String> v = new ArrayList<>();
        Map<String, Municipality> byNumber = new HashMap<>();
        for (Municipality m : instance.municipalities()) {
            byNumber.put(m.number(), m);
        }
        Map<String, Household> byId = new HashMap<>();
        for (Household h : instance.households()) {
            byId.put(h.id(), h);
        }
        for (String id : assignment.keySet()) {
            if (!byId.containsKey(id)) {
                v.add("unknown household " + id + " in assignment");
            }
        }
        Map<String, Integer> persons = new HashMap<>();
        Map<String, Integer> minors = new HashMap<>();
        Map<String, List<Integer>> largeSizes = new HashMap<>();
        for (Household h : instance.households()) {
            String target = assignment.get(h.id());
            if (target == null) {
                continue;
            }
            Municipality m = byNumber.get(target);
            if (m == null) {
                v.add(h.id() + ": unknown municipality " + target);
                continue;
            }
            if (h.closeFamilyMunicipality() != null && !h.closeFamilyMunicipality().equals(target)) {
                v.add(h.id() + ": close family lives in " + h.closeFamilyMunicipality() + " but placed in " + target);
            }
            if (h.rejectedBy().contains(target)) {
                v.add(h.id() + ": re-proposed to " + target + ", which rejected the household");
            }
            for (String service : h.requiredServices()) {
                if (!m.services().contains(service)) {
                    v.add(h.id() + ": " + target + " lacks required service " + service);
                }
            }
            if (m.closedToRequests() && !target.equals(h.approvedDwellingMunicipality())) {
                v.add(h.id() + ": " + target + " is closed to new requests");
            }
            persons.merge(target, h.persons(), Integer::sum);
            if (h.unaccompaniedMinor()) {
                minors.merge(target, h.persons(), Integer::sum);
            }
            if (h.persons() >= Municipality.LARGE_HOUSEHOLD) {
                largeSizes.computeIfAbsent(target, k -> new ArrayList<>()).add(h.persons());
            }
        }
        for (Municipality m : instance.municipalities()) {
            int p = persons.getOrDefault(m.number(), 0);
            if (p > m.remainingPlaces()) {
                v.add(m.number() + ": " + p + " persons placed but only " + m.remainingPlaces() + " places");
            }
            int mi = minors.getOrDefault(m.number(), 0);
            if (mi > m.remainingMinorPlaces()) {
                v.add(m.number() + ": " + mi + " unaccompanied minors placed but only " + m.remainingMinorPlaces()
                        + " minors places");
            }
            List<Integer> sizes = largeSizes.get(m.number());
            if (sizes != null && !dwellingsSuffice(sizes, m.dwellingsBySize())) {
                v.add(m.number() + ": not enough dwellings for large households of sizes " + sizes);
            }
        }
        Map<String, String> groupTarget = new HashMap<>();
        Map<String, String> groupFirst = new HashMap<>();
        for (Household h : instance.households()) {
            String g = h.togetherGroup();
            if (g == null) {
                continue;
            }
            String target = String.valueOf(assignment.get(h.id()));
            if (!groupFirst.containsKey(g)) {
                groupFirst.put(g, h.id());
                groupTarget.put(g, target);
            } else if (!groupTarget.get(g).equals(target)) {
                v.add(h.id() + ": group " + g + " split (" + groupFirst.get(g) + " -> " + groupTarget.get(g) + ", "
                        + h.id() + " -> " + target + ")");
            }
        }
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            if (!pin.getValue().equals(assignment.get(pin.getKey()))) {
                v.add(pin.getKey() + ": pinned to " + pin.getValue() + " but assigned " + assignment.get(pin.getKey()));
            }
        }
        return new Report(v.isEmpty(), v);
    }

    /**
     * Matches households to dwellings largest first, each taking the smallest dwelling with enough room;
     * for nested size classes this greedy matching succeeds exactly when a matching exists.
     */
    private static boolean dwellingsSuffice(List<Integer> sizes, int[] dwellings) {
        int[] free = dwellings.clone();
        List<Integer> sorted = new ArrayList<>(sizes);
        sorted.sort(Comparator.reverseOrder());
        for (int s : sorted) {
            int need = Math.min(s, free.length - 1);
            int k = need;
            while (k < free.length && free[k] == 0) {
                k++;
            }
            if (k == free.length) {
                return false;
            }
            free[k]--;
        }
        return true;
    }
}
