package no.bosetting.planning;

/**
 * One municipality's inputs to the request computation. Factors of 1.0 are neutral; above 1 asks for
 * more (good labour market, good introduction-programme results), below 1 for fewer.
 *
 * @param immigrantShare       per cent of the population, or null when not recorded
 * @param closed               closed to requests by the planner, whatever the immigrant share
 * @param adjustment           the planner's manual change in persons, added after the computation
 * @param minorsCapacity       the municipality has child-welfare capacity and experience for unaccompanied minors,
 *                             so it gets a share of the minors need
 * @param settledPer1000Entered settlement experience entered by the planner (persons settled per 1,000 inhabitants
 *                             in the last five years), or null to use the system's own settlement data
 * @param settledPer1000System the same measure from the system's settlement data
 * @param settledPer1000Data   the same measure from IMDi's settlement history where it covers a year and the system's
 *                             data for the other years ({@link CriteriaData}), or null when not looked up
 * @param criteriaSources      which data and year each criterion used, as stored with each request version, or null
 */
public record RequestInput(String municipalityNumber, String countyNumber, int population, int centrality,
                           double labourMarketFactor, double introductionFactor, Double immigrantShare, boolean closed,
                           int adjustment, String adjustmentReason, String countyInput, String ksInput,
                           boolean minorsCapacity, Double settledPer1000Entered, double settledPer1000System,
                           Double settledPer1000Data, String criteriaSources) {

    /** Inputs without settlement history from data. */
    public RequestInput(String municipalityNumber, String countyNumber, int population, int centrality,
                        double labourMarketFactor, double introductionFactor, Double immigrantShare, boolean closed,
                        int adjustment, String adjustmentReason, String countyInput, String ksInput,
                        boolean minorsCapacity, Double settledPer1000Entered, double settledPer1000System) {
        this(municipalityNumber, countyNumber, population, centrality, labourMarketFactor, introductionFactor, immigrantShare, closed,
                adjustment, adjustmentReason, countyInput, ksInput, minorsCapacity, settledPer1000Entered, settledPer1000System, null, null);
    }

    /** Inputs without the minors and settlement-experience criteria. */
    public RequestInput(String municipalityNumber, String countyNumber, int population, int centrality,
                        double labourMarketFactor, double introductionFactor, Double immigrantShare, boolean closed,
                        int adjustment, String adjustmentReason, String countyInput, String ksInput) {
        this(municipalityNumber, countyNumber, population, centrality, labourMarketFactor, introductionFactor, immigrantShare, closed,
                adjustment, adjustmentReason, countyInput, ksInput, false, null, 0.0);
    }

    public static RequestInput neutral(String municipalityNumber, String countyNumber, int population, int centrality) {
        return new RequestInput(municipalityNumber, countyNumber, population, centrality, 1.0, 1.0, null, false, 0, null, null, null);
    }

    /** The settlement experience used: the planner's figure when entered, otherwise the data's, otherwise the system's. */
    public double settledPer1000() {
        return settledPer1000Entered != null ? settledPer1000Entered : settledPer1000Data != null ? settledPer1000Data : settledPer1000System;
    }

    /** The inputs with the criteria the data supplies: the factors and share used, and the settlement history. */
    public RequestInput withData(double labour, double introduction, Double share, Double settledData, String sources) {
        return new RequestInput(municipalityNumber, countyNumber, population, centrality, labour, introduction, share, closed, adjustment,
                adjustmentReason, countyInput, ksInput, minorsCapacity, settledPer1000Entered, settledPer1000System, settledData, sources);
    }

    public RequestInput withSystemExperience(double settledPer1000) {
        return new RequestInput(municipalityNumber, countyNumber, population, centrality, labourMarketFactor, introductionFactor,
                immigrantShare, closed, adjustment, adjustmentReason, countyInput, ksInput, minorsCapacity, settledPer1000Entered,
                settledPer1000, settledPer1000Data, criteriaSources);
    }

    /** The population size class used for dispersal across sizes: 1 under 5,000 … 4 from 50,000. */
    public int sizeClass() {
        return population < 5_000 ? 1 : population < 20_000 ? 2 : population < 50_000 ? 3 : 4;
    }
}
