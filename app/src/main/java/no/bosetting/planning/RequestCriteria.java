package no.bosetting.planning;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The editable criteria of one year's request computation.
 *
 * @param centralityWeights    weight per SSB centrality class 1–6 (index 0 = class 1)
 * @param minimumPersons       no open municipality is asked for fewer persons than this
 * @param closedImmigrantShare municipalities at or above this immigrant share (per cent) get no request
 * @param experienceWeight     settlement experience: 0 ignores it; 1 moves a municipality's weight by as
 *                             much as its persons settled per 1,000 inhabitants differ from the average
 * @param dispersalWeight      dispersal across regions and sizes: 0 ignores it; 1 corrects the weights fully
 *                             so each size class (and each county, when the need has no regional split) gets
 *                             its population share
 * @param minorsNeed           persons of the need that are unaccompanied minors (a separate request)
 */
public record RequestCriteria(double[] centralityWeights, int minimumPersons, double closedImmigrantShare,
                              double experienceWeight, double dispersalWeight, int minorsNeed) {

    /**
     * The 2022 revised request per 1,000 inhabitants by centrality class (figures.md: 4.0, 4.5, 6.1,
     * 9.8, 14.1, 23.7) relative to class 1: the less central, the more places per inhabitant.
     */
    public static final double[] DEFAULT_WEIGHTS = {1.0, 1.125, 1.525, 2.45, 3.525, 5.925};

    public static RequestCriteria defaults() {
        return new RequestCriteria(DEFAULT_WEIGHTS.clone(), 10, 30.0);
    }

    /** Criteria without settlement experience, dispersal or a minors need. */
    public RequestCriteria(double[] centralityWeights, int minimumPersons, double closedImmigrantShare) {
        this(centralityWeights, minimumPersons, closedImmigrantShare, 0.0, 0.0, 0);
    }

    public RequestCriteria {
        if (centralityWeights == null || centralityWeights.length != 6) {
            throw new IllegalArgumentException("six centrality weights are needed");
        }
        centralityWeights = centralityWeights.clone();
    }

    public double weight(int centralityClass) {
        return centralityWeights[Math.max(1, Math.min(6, centralityClass)) - 1];
    }

    @Override
    public double[] centralityWeights() {
        return centralityWeights.clone();
    }

    /** The weights as stored: six numbers separated by semicolons. */
    public String weightsText() {
        return Arrays.stream(centralityWeights).mapToObj(w -> String.format(Locale.ROOT, "%.3f", w)).collect(Collectors.joining(";"));
    }

    public static double[] parseWeights(String text) {
        return Arrays.stream(text.split(";")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestCriteria c && Arrays.equals(centralityWeights, c.centralityWeights)
                && minimumPersons == c.minimumPersons && Double.compare(closedImmigrantShare, c.closedImmigrantShare) == 0
                && Double.compare(experienceWeight, c.experienceWeight) == 0 && Double.compare(dispersalWeight, c.dispersalWeight) == 0
                && minorsNeed == c.minorsNeed;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(centralityWeights) + Integer.hashCode(minimumPersons) + 17 * Integer.hashCode(minorsNeed);
    }

    @Override
    public String toString() {
        return "RequestCriteria[" + weightsText() + ", min " + minimumPersons + ", closed ≥ " + closedImmigrantShare
                + ", experience " + experienceWeight + ", dispersal " + dispersalWeight + ", minors " + minorsNeed + "]";
    }
}
