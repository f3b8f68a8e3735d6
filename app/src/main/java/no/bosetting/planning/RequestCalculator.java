package no.bosetting.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the need for places over the municipalities: by population weighted for centrality, labour
 * market and introduction-programme results; within each county when the committee gave a regional
 * split, otherwise nationally. Plain Java so the rule can be tested and explained on its own.
 */
public final class RequestCalculator {

    private RequestCalculator() {
    }

    /**
     * @param nationalNeed persons for the whole country
     * @param countyNeed   the regional split by county number; empty when there is none
     */
    public static List<RequestComputation> compute(int nationalNeed, Map<String, Integer> countyNeed, List<RequestInput> inputs,
                                                   RequestCriteria criteria) {
        boolean regional = countyNeed != null && !countyNeed.isEmpty();
        Map<String, Double> poolWeight = new HashMap<>();
        List<double[]> weights = new ArrayList<>();
        for (RequestInput in : inputs) {
            double cw = criteria.weight(in.centrality());
            double w = closure(in, criteria) == RequestComputation.Closure.OPEN
                    ? in.population() * cw * in.labourMarketFactor() * in.introductionFactor() : 0.0;
            weights.add(new double[]{cw, w});
            poolWeight.merge(regional ? in.countyNumber() : "", w, Double::sum);
        }
        List<RequestComputation> result = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            RequestInput in = inputs.get(i);
            String pool = regional ? in.countyNumber() : "";
            int need = regional ? countyNeed.getOrDefault(in.countyNumber(), 0) : nationalNeed;
            double total = poolWeight.getOrDefault(pool, 0.0);
            double w = weights.get(i)[1];
            double share = total > 0 ? w / total : 0.0;
            double raw = need * share;
            RequestComputation.Closure closure = closure(in, criteria);
            int computed = (int) Math.round(raw);
            boolean minimum = false;
            if (closure == RequestComputation.Closure.OPEN && computed < criteria.minimumPersons()) {
                computed = criteria.minimumPersons();
                minimum = true;
            }
            if (closure != RequestComputation.Closure.OPEN) {
                computed = 0;
            }
            int persons = Math.max(0, computed + in.adjustment());
            result.add(new RequestComputation(in, weights.get(i)[0], w, regional ? in.countyNumber() : null, need, share, raw,
                    minimum, closure, computed, persons));
        }
        return result;
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
