package no.bosetting.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the need for places over the municipalities: by population weighted for centrality, labour
 * market and introduction-programme results, corrected for settlement experience and for dispersal
 * across regions and sizes; within each county when the committee gave a regional split, otherwise
 * nationally. The unaccompanied-minor need is then split over the open municipalities with child-welfare
 * capacity in proportion to their persons request. Plain Java so the rule can be tested and explained on its own.
 */
final class RequestCalculator {

    static final double MIN_EXPERIENCE_FACTOR = 0.25;
    static final double MAX_EXPERIENCE_FACTOR = 4.0;

    private RequestCalculator() {
    }

    /**
     * @param nationalNeed persons for the whole country
     * @param countyNeed   the regional split by county number; empty when there is none
     */
    public static List<RequestComputation> compute(int nationalNeed, Map<String, Integer> countyNeed, List<RequestInput> inputs,
                                                   RequestCriteria criteria) {
        boolean regional = countyNeed != null && !countyNeed.isEmpty();
        int n = inputs.size();
        RequestComputation.Closure[] closures = new RequestComputation.Closure[n];
        double[] base = new double[n];
        double openPopulation = 0;
        double openSettled = 0;
        for (int i = 0; i < n; i++) {
            RequestInput in = inputs.get(i);
            closures[i] = closure(in, criteria);
            if (closures[i] == RequestComputation.Closure.OPEN) {
                base[i] = in.population() * criteria.weight(in.centrality()) * in.labourMarketFactor() * in.introductionFactor();
                openPopulation += in.population();
                openSettled += in.settledPer1000() * in.population();
            }
        }
        // Settlement experience, relative to the population-weighted average of the open municipalities.
        double average = openPopulation > 0 ? openSettled / openPopulation : 0.0;
        double[] experience = new double[n];
        double[] afterExperience = new double[n];
        for (int i = 0; i < n; i++) {
            double f = 1.0;
            if (average > 0 && criteria.experienceWeight() != 0) {
                f = 1.0 + criteria.experienceWeight() * (inputs.get(i).settledPer1000() / average - 1.0);
                f = Math.max(MIN_EXPERIENCE_FACTOR, Math.min(MAX_EXPERIENCE_FACTOR, f));
            }
            experience[i] = f;
            afterExperience[i] = base[i] * f;
        }
        // Dispersal: move each size class's (and, without a regional split, each county's) share of the weight
        // toward its share of the open population.
        Map<String, double[]> sizeGroups = new HashMap<>();
        Map<String, double[]> countyGroups = new HashMap<>();
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            if (closures[i] != RequestComputation.Closure.OPEN) {
                continue;
            }
            RequestInput in = inputs.get(i);
            sizeGroups.computeIfAbsent(String.valueOf(in.sizeClass()), k -> new double[2])[0] += in.population();
            sizeGroups.get(String.valueOf(in.sizeClass()))[1] += afterExperience[i];
            countyGroups.computeIfAbsent(in.countyNumber(), k -> new double[2])[0] += in.population();
            countyGroups.get(in.countyNumber())[1] += afterExperience[i];
            totalWeight += afterExperience[i];
        }
        double[] dispersal = new double[n];
        double[] weights = new double[n];
        List<double[]> sizeShares = new ArrayList<>(n);
        List<double[]> countyShares = new ArrayList<>(n);
        Map<String, Double> poolWeight = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RequestInput in = inputs.get(i);
            double[] size = shares(sizeGroups.get(String.valueOf(in.sizeClass())), openPopulation, totalWeight);
            double[] county = regional ? null : shares(countyGroups.get(in.countyNumber()), openPopulation, totalWeight);
            double f = 1.0;
            if (closures[i] == RequestComputation.Closure.OPEN && criteria.dispersalWeight() != 0) {
                f *= correction(size, criteria.dispersalWeight());
                if (county != null) {
                    f *= correction(county, criteria.dispersalWeight());
                }
            }
            sizeShares.add(size);
            countyShares.add(county);
            dispersal[i] = f;
            weights[i] = afterExperience[i] * f;
            poolWeight.merge(regional ? in.countyNumber() : "", weights[i], Double::sum);
        }
        int[] persons = new int[n];
        int[] computedPersons = new int[n];
        boolean[] minimum = new boolean[n];
        double[] shareOf = new double[n];
        double[] raws = new double[n];
        double minorsBase = 0;
        for (int i = 0; i < n; i++) {
            RequestInput in = inputs.get(i);
            String pool = regional ? in.countyNumber() : "";
            int need = regional ? countyNeed.getOrDefault(in.countyNumber(), 0) : nationalNeed;
            double total = poolWeight.getOrDefault(pool, 0.0);
            shareOf[i] = total > 0 ? weights[i] / total : 0.0;
            raws[i] = need * shareOf[i];
            int computed = (int) Math.round(raws[i]);
            if (closures[i] == RequestComputation.Closure.OPEN && computed < criteria.minimumPersons()) {
                computed = criteria.minimumPersons();
                minimum[i] = true;
            }
            if (closures[i] != RequestComputation.Closure.OPEN) {
                computed = 0;
            }
            computedPersons[i] = computed;
            persons[i] = Math.max(0, computed + in.adjustment());
            if (minorsEligible(in, closures[i])) {
                minorsBase += persons[i];
            }
        }
        List<RequestComputation> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RequestInput in = inputs.get(i);
            double minorsShare = minorsEligible(in, closures[i]) && minorsBase > 0 ? persons[i] / minorsBase : 0.0;
            double minorsRaw = criteria.minorsNeed() * minorsShare;
            int minors = Math.min(persons[i], (int) Math.round(minorsRaw));
            result.add(new RequestComputation(in, criteria.weight(in.centrality()), base[i], average, experience[i], sizeShares.get(i),
                    countyShares.get(i), dispersal[i], weights[i], regional ? in.countyNumber() : null,
                    regional ? countyNeed.getOrDefault(in.countyNumber(), 0) : nationalNeed, shareOf[i], raws[i], minimum[i],
                    closures[i], computedPersons[i], persons[i], criteria.minorsNeed(), minorsShare, minorsRaw, minors));
        }
        return result;
    }

    private static boolean minorsEligible(RequestInput in, RequestComputation.Closure closure) {
        return in.minorsCapacity() && closure == RequestComputation.Closure.OPEN;
    }

    /** {population share, weight share} of a group, or {0, 0} for a group without open municipalities. */
    private static double[] shares(double[] group, double population, double weight) {
        if (group == null) {
            return new double[]{0.0, 0.0};
        }
        return new double[]{population > 0 ? group[0] / population : 0.0, weight > 0 ? group[1] / weight : 0.0};
    }

    private static double correction(double[] shares, double strength) {
        return shares[0] > 0 && shares[1] > 0 ? Math.pow(shares[0] / shares[1], strength) : 1.0;
    }

    static RequestComputation.Closure closure(RequestInput in, RequestCriteria criteria) {
        if (in.closed()) {
            return RequestComputation.Closure.PLANNER;
        }
        if (in.immigrantShare() != null && in.immigrantShare() >= criteria.closedImmigrantShare()) {
            return RequestComputation.Closure.IMMIGRANT_SHARE;
        }
        return RequestComputation.Closure.OPEN;
    }
}
