package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimisation model in flat arrays: together-groups merged into units, pins removed from the capacities,
 * and a dense value matrix that is −∞ wherever a hard rule forbids the pair.
 */
final class UnitModel {

    static final int LARGE_ROWS = Municipality.MAX_DWELLING_CLASS - Municipality.LARGE_HOUSEHOLD + 1;

    final List<Household> households;
    final int municipalities;
    final int units;
    final int[] unitOfHousehold;
    final int[][] members;
    final int[] size;
    final int[] minorPersons;
    /** Per unit, how many members need a dwelling of at least 5+k persons; null when none is large. */
    final int[][] large;
    final int[] capPersons;
    final int[] capMinors;
    final int[][] capLarge;
    final double[] value;
    final double[] potential;
    final double maxPotential;
    final int[] pinnedTo;
    final double pinnedValue;
    final int minUnitSize;

    UnitModel(Instance instance, Scorer scorer, Options options) {
        households = instance.households();
        List<Municipality> ms = instance.municipalities();
        municipalities = ms.size();
        int hCount = households.size();
        unitOfHousehold = new int[hCount];
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<int[]> unitList = new ArrayList<>();
        for (int h = 0; h < hCount; h++) {
            String g = households.get(h).togetherGroup();
            if (g == null) {
                unitOfHousehold[h] = unitList.size();
                unitList.add(new int[] {h});
            } else {
                List<Integer> list = groups.get(g);
                if (list == null) {
                    list = new ArrayList<>();
                    groups.put(g, list);
                    unitOfHousehold[h] = unitList.size();
                    unitList.add(null);
                } else {
                    unitOfHousehold[h] = unitOfHousehold[list.get(0)];
                }
                list.add(h);
            }
        }
        for (List<Integer> list : groups.values()) {
            unitList.set(unitOfHousehold[list.get(0)], list.stream().mapToInt(Integer::intValue).toArray());
        }
        units = unitList.size();
        members = unitList.toArray(new int[0][]);
        size = new int[units];
        minorPersons = new int[units];
        large = new int[units][];
        int minSize = Integer.MAX_VALUE;
        for (int u = 0; u < units; u++) {
            for (int h : members[u]) {
                Household hh = households.get(h);
                size[u] += hh.persons();
                if (hh.unaccompaniedMinor()) {
                    minorPersons[u] += hh.persons();
                }
                if (hh.persons() >= Municipality.LARGE_HOUSEHOLD) {
                    if (large[u] == null) {
                        large[u] = new int[LARGE_ROWS];
                    }
                    int top = Math.min(hh.persons(), Municipality.MAX_DWELLING_CLASS);
                    for (int k = Municipality.LARGE_HOUSEHOLD; k <= top; k++) {
                        large[u][k - Municipality.LARGE_HOUSEHOLD]++;
                    }
                }
            }
            minSize = Math.min(minSize, size[u]);
        }
        minUnitSize = units == 0 ? 1 : minSize;

        capPersons = new int[municipalities];
        capMinors = new int[municipalities];
        capLarge = new int[municipalities][LARGE_ROWS];
        potential = new double[municipalities];
        double maxP = 0;
        for (int m = 0; m < municipalities; m++) {
            Municipality mm = ms.get(m);
            capPersons[m] = mm.remainingPlaces();
            capMinors[m] = mm.remainingMinorPlaces();
            for (int k = 0; k < LARGE_ROWS; k++) {
                capLarge[m][k] = mm.dwellingsWithRoomFor(Municipality.LARGE_HOUSEHOLD + k);
            }
            potential[m] = options.potentials().getOrDefault(mm.number(), 0.0);
            maxP = Math.max(maxP, potential[m]);
        }
        maxPotential = maxP;

        pinnedTo = new int[units];
        java.util.Arrays.fill(pinnedTo, -1);
        Map<String, Integer> idIndex = new LinkedHashMap<>();
        for (int h = 0; h < hCount; h++) {
            idIndex.put(households.get(h).id(), h);
        }
        for (Map.Entry<String, String> pin : options.pins().entrySet()) {
            Integer h = idIndex.get(pin.getKey());
            if (h == null) {
                throw new PinRefusedException(PinRefusedException.Reason.UNKNOWN_HOUSEHOLD, pin.getKey(),
                        pin.getValue(), null, "pin for unknown household " + pin.getKey());
            }
            int m = scorer.municipalityIndex(pin.getValue());
            if (m < 0) {
                throw new PinRefusedException(PinRefusedException.Reason.UNKNOWN_MUNICIPALITY, pin.getKey(),
                        pin.getValue(), null, "pin to unknown municipality " + pin.getValue());
            }
            int u = unitOfHousehold[h];
            if (pinnedTo[u] >= 0 && pinnedTo[u] != m) {
                throw new PinRefusedException(PinRefusedException.Reason.CONFLICTING_GROUP, pin.getKey(), null, null,
                        "conflicting pins inside together-group " + households.get(h).togetherGroup());
            }
            pinnedTo[u] = m;
        }
        double pinned = 0;
        for (int u = 0; u < units; u++) {
            int m = pinnedTo[u];
            if (m < 0) {
                continue;
            }
            for (int h : members[u]) {
                UnassignedReason.Code why = scorer.ineligibility(h, m);
                if (why != null) {
                    throw new PinRefusedException(PinRefusedException.Reason.HARD_RULE, households.get(h).id(),
                            ms.get(m).number(), why, "pin of " + households.get(h).id() + " to "
                            + ms.get(m).number() + " breaks a hard rule: " + why);
                }
                pinned += householdValue(scorer, h, m);
            }
            capPersons[m] -= size[u];
            capMinors[m] -= minorPersons[u];
            if (large[u] != null) {
                for (int k = 0; k < LARGE_ROWS; k++) {
                    capLarge[m][k] -= large[u][k];
                }
            }
        }
        for (int m = 0; m < municipalities; m++) {
            if (capPersons[m] < 0 || capMinors[m] < 0) {
                throw new PinRefusedException(PinRefusedException.Reason.PLACES_EXCEEDED, null, ms.get(m).number(),
                        null, "pins exceed the places of " + ms.get(m).number());
            }
            for (int k = 0; k < LARGE_ROWS; k++) {
                if (capLarge[m][k] < 0) {
                    throw new PinRefusedException(PinRefusedException.Reason.LARGE_DWELLINGS_EXCEEDED, null,
                            ms.get(m).number(), null, "pins exceed the large dwellings of " + ms.get(m).number());
                }
            }
        }
        pinnedValue = pinned;

        value = new double[units * municipalities];
        // Rows are independent, so two fixed halves in parallel give the same matrix as a sequential fill.
        int half = (units + 1) / 2;
        java.util.stream.IntStream.range(0, 2).parallel().forEach(part -> {
            for (int u = part * half; u < Math.min(units, (part + 1) * half); u++) {
                fillRow(scorer, u);
            }
        });
    }

    private void fillRow(Scorer scorer, int u) {
        int base = u * municipalities;
        for (int m = 0; m < municipalities; m++) {
            double v = Double.NEGATIVE_INFINITY;
            if (pinnedTo[u] < 0 && fitsEmpty(u, m)) {
                v = 0;
                for (int h : members[u]) {
                    if (!scorer.eligible(h, m)) {
                        v = Double.NEGATIVE_INFINITY;
                        break;
                    }
                    v += householdValue(scorer, h, m);
                }
            }
            value[base + m] = v;
        }
    }

    private boolean fitsEmpty(int u, int m) {
        if (size[u] > capPersons[m] || minorPersons[u] > capMinors[m]) {
            return false;
        }
        if (large[u] != null) {
            for (int k = 0; k < LARGE_ROWS; k++) {
                if (large[u][k] > capLarge[m][k]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Score adjusted by potentials; the shift keeps every value at least the plain score, so all are placed. */
    private double householdValue(Scorer scorer, int h, int m) {
        return scorer.score(h, m) - potential[m] * households.get(h).persons() + potentialShift(h);
    }

    double potentialShift(int h) {
        return maxPotential * households.get(h).persons();
    }

    boolean unitHasEligible(int u) {
        if (pinnedTo[u] >= 0) {
            return true;
        }
        int base = u * municipalities;
        for (int m = 0; m < municipalities; m++) {
            if (value[base + m] != Double.NEGATIVE_INFINITY) {
                return true;
            }
        }
        return false;
    }

    double bestUnitValue(int u) {
        double best = Double.NEGATIVE_INFINITY;
        int base = u * municipalities;
        for (int m = 0; m < municipalities; m++) {
            best = Math.max(best, value[base + m]);
        }
        return best;
    }

    int bestReducedMunicipality(int u, double[] personPrices) {
        int best = -1;
        double bestR = Double.NEGATIVE_INFINITY;
        int base = u * municipalities;
        for (int m = 0; m < municipalities; m++) {
            double r = value[base + m] - personPrices[m] * size[u];
            if (r > bestR) {
                bestR = r;
                best = m;
            }
        }
        return best;
    }
}
