package no.bosetting.planning;

/**
 * One municipality's inputs to the request computation. Factors of 1.0 are neutral; above 1 asks for
 * more (good labour market, good introduction-programme results), below 1 for fewer.
 *
 * @param immigrantShare per cent of the population, or null when not recorded
 * @param closed         closed to requests by the planner, whatever the immigrant share
 * @param adjustment     the planner's manual change in persons, added after the computation
 */
public record RequestInput(String municipalityNumber, String countyNumber, int population, int centrality,
                           double labourMarketFactor, double introductionFactor, Double immigrantShare, boolean closed,
                           int adjustment, String adjustmentReason, String countyInput, String ksInput) {

    public static RequestInput neutral(String municipalityNumber, String countyNumber, int population, int centrality) {
        return new RequestInput(municipalityNumber, countyNumber, population, centrality, 1.0, 1.0, null, false, 0, null, null, null);
    }
}
