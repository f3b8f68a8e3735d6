package no.bosetting.planning;

import java.util.Locale;

/**
 * How one municipality's request was computed, step by step, so the page can show it.
 *
 * @param weight     population × centrality weight × labour-market factor × introduction factor (0 when closed)
 * @param poolCounty the county whose share of the need was split, or null when the national need was split
 * @param poolNeed   the persons split within the pool
 * @param share      this municipality's part of the pool's total weight
 * @param raw        poolNeed × share before rounding
 * @param computed   rounded, raised to the minimum for open municipalities
 * @param persons    computed plus the planner's adjustment, never below zero
 */
public record RequestComputation(RequestInput input, double centralityWeight, double weight, String poolCounty, int poolNeed,
                                 double share, double raw, boolean minimumApplied, Closure closure, int computed, int persons) {

    public enum Closure { OPEN, IMMIGRANT_SHARE, PLANNER }

    public String municipalityNumber() {
        return input.municipalityNumber();
    }

    public boolean closed() {
        return closure != Closure.OPEN;
    }

    /** A language-neutral record of the computation, stored with each request version. */
    public String explanation() {
        return String.format(Locale.ROOT,
                "population=%d; centrality=%d; centralityWeight=%.3f; labourMarket=%.2f; introduction=%.2f; weight=%.1f; "
                        + "pool=%s; poolNeed=%d; share=%.6f; raw=%.2f; minimumApplied=%s; closure=%s; adjustment=%d; persons=%d",
                input.population(), input.centrality(), centralityWeight, input.labourMarketFactor(), input.introductionFactor(),
                weight, poolCounty == null ? "national" : "county " + poolCounty, poolNeed, share, raw, minimumApplied, closure,
                input.adjustment(), persons);
    }
}
