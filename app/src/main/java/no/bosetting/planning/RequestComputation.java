package no.bosetting.planning;

import java.util.Locale;

/**
 * How one municipality's request was computed, step by step, so the page can show it.
 *
 * @param baseWeight        population × centrality weight × labour-market factor × introduction factor (0 when closed)
 * @param averagePer1000    the population-weighted average settlement experience of the open municipalities
 * @param experienceFactor  1 + experience weight × (own experience ÷ average − 1), kept within 0.25–4
 * @param sizeShares        {population share, weight share} of the municipality's size class among open municipalities
 * @param countyShares      the same for its county when the national need is split nationally, otherwise null
 * @param dispersalFactor   (population share ÷ weight share) ^ dispersal weight, for the size class and (nationally) the county
 * @param weight            base weight × experience factor × dispersal factor (0 when closed)
 * @param poolCounty        the county whose share of the need was split, or null when the national need was split
 * @param poolNeed          the persons split within the pool
 * @param share             this municipality's part of the pool's total weight
 * @param raw               poolNeed × share before rounding
 * @param computed          rounded, raised to the minimum for open municipalities
 * @param persons           computed plus the planner's adjustment, never below zero
 * @param minorsShare       this municipality's part of the minors need (0 without child-welfare capacity or when closed)
 * @param minorsRaw         minors need × minors share before rounding
 * @param minors            the unaccompanied-minor request: rounded, never above the persons request
 */
public record RequestComputation(RequestInput input, double centralityWeight, double baseWeight, double averagePer1000,
                                 double experienceFactor, double[] sizeShares, double[] countyShares, double dispersalFactor,
                                 double weight, String poolCounty, int poolNeed, double share, double raw, boolean minimumApplied,
                                 Closure closure, int computed, int persons, int minorsNeed, double minorsShare, double minorsRaw,
                                 int minors) {

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
                "population=%d; centrality=%d; centralityWeight=%.3f; labourMarket=%.2f; introduction=%.2f; baseWeight=%.1f; "
                        + "settledPer1000=%.2f%s; averagePer1000=%.2f; experienceFactor=%.3f; sizeClass=%d; dispersalFactor=%.3f; "
                        + "weight=%.1f; pool=%s; poolNeed=%d; share=%.6f; raw=%.2f; minimumApplied=%s; closure=%s; adjustment=%d; "
                        + "persons=%d; minorsCapacity=%s; minorsNeed=%d; minorsShare=%.6f; minors=%d",
                input.population(), input.centrality(), centralityWeight, input.labourMarketFactor(), input.introductionFactor(),
                baseWeight, input.settledPer1000(), input.settledPer1000Entered() != null ? " (entered)"
                        : input.settledPer1000Data() != null ? " (data)" : " (system)", averagePer1000,
                experienceFactor, input.sizeClass(), dispersalFactor, weight,
                poolCounty == null ? "national" : "county " + poolCounty, poolNeed, share, raw, minimumApplied, closure,
                input.adjustment(), persons, input.minorsCapacity(), minorsNeed, minorsShare, minors)
                + (input.criteriaSources() == null ? "" : "; sources=" + input.criteriaSources());
    }
}
