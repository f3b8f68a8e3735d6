package no.bosetting.allocation.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A municipality's situation for one allocation round.
 *
 * @param number               kommunenummer (4 digits)
 * @param name                 name shown in explanations
 * @param remainingPlaces      places left this round, in persons (pacing already applied)
 * @param remainingMinorPlaces places left for unaccompanied minors, in persons
 * @param services             services offered (e.g. "bofellesskap" for shared housing)
 * @param dwellingsBySize      index k = number of available dwellings with room for exactly k persons;
 *                             the last index means "k or more". Households of {@link #LARGE_HOUSEHOLD}
 *                             persons or more must each get one dwelling with enough room, because large
 *                             dwellings are the scarce resource; smaller households use the general
 *                             housing counted in {@code remainingPlaces}.
 * @param neighbours           numbers of adjacent municipalities
 * @param labourMarketIndex    0..1, higher is a better labour market
 * @param educationIndex       0..1, higher is better access to education
 * @param centrality           SSB class 1 (most central) to 6
 * @param heavyCaseLoad        0..1, how far the municipality is already above the national share of heavy
 *                             cases this year; drives the balance term
 * @param closedToRequests     closed to new proposals (e.g. immigrant share too high); only a dwelling the
 *                             municipality itself approved may still be proposed there
 */
public record Municipality(
        String number,
        String name,
        int remainingPlaces,
        int remainingMinorPlaces,
        Set<String> services,
        int[] dwellingsBySize,
        Set<String> neighbours,
        double labourMarketIndex,
        double educationIndex,
        int centrality,
        double heavyCaseLoad,
        boolean closedToRequests) {

    /** Households with at least this many persons need a dedicated dwelling of their size. */
    public static final int LARGE_HOUSEHOLD = 5;
    /** Largest dwelling size class; a household larger than this needs a dwelling of this class. */
    public static final int MAX_DWELLING_CLASS = 9;

    public Municipality {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        if (remainingPlaces < 0 || remainingMinorPlaces < 0) {
            throw new IllegalArgumentException("municipality " + number + " has negative places");
        }
        if (centrality < 1 || centrality > 6) {
            throw new IllegalArgumentException("municipality " + number + " centrality must be 1..6");
        }
        services = services == null ? Set.of() : Set.copyOf(services);
        neighbours = neighbours == null ? Set.of() : Set.copyOf(neighbours);
        int[] d = new int[MAX_DWELLING_CLASS + 1];
        if (dwellingsBySize != null) {
            for (int k = 0; k < dwellingsBySize.length; k++) {
                if (dwellingsBySize[k] < 0) {
                    throw new IllegalArgumentException("municipality " + number + " has negative dwellings");
                }
                d[Math.min(k, MAX_DWELLING_CLASS)] += dwellingsBySize[k];
            }
        }
        dwellingsBySize = d;
    }

    /** Defensive copy, so the record stays immutable. */
    @Override
    public int[] dwellingsBySize() {
        return dwellingsBySize.clone();
    }

    /** Number of dwellings with room for at least {@code persons}. */
    public int dwellingsWithRoomFor(int persons) {
        int from = Math.min(persons, MAX_DWELLING_CLASS);
        int n = 0;
        for (int k = from; k <= MAX_DWELLING_CLASS; k++) {
            n += dwellingsBySize[k];
        }
        return n;
    }

    /** Convenience factory for tests and examples. */
    public static Municipality simple(String number, int places, int minorPlaces, Set<String> services) {
        int[] d = new int[MAX_DWELLING_CLASS + 1];
        return new Municipality(number, "K" + number, places, minorPlaces, services, d, Set.of(), 0.5, 0.5, 3, 0.0,
                false);
    }

    public Municipality withDwellings(int[] dwellings) {
        return new Municipality(number, name, remainingPlaces, remainingMinorPlaces, services, dwellings, neighbours,
                labourMarketIndex, educationIndex, centrality, heavyCaseLoad, closedToRequests);
    }

    public Municipality withNeighbours(Set<String> adjacent) {
        return new Municipality(number, name, remainingPlaces, remainingMinorPlaces, services, dwellingsBySize,
                adjacent, labourMarketIndex, educationIndex, centrality, heavyCaseLoad, closedToRequests);
    }

    public Municipality withIndicators(double labour, double education) {
        return new Municipality(number, name, remainingPlaces, remainingMinorPlaces, services, dwellingsBySize,
                neighbours, labour, education, centrality, heavyCaseLoad, closedToRequests);
    }

    public Municipality withClosed(boolean closed) {
        return new Municipality(number, name, remainingPlaces, remainingMinorPlaces, services, dwellingsBySize,
                neighbours, labourMarketIndex, educationIndex, centrality, heavyCaseLoad, closed);
    }

    public Municipality withPlaces(int places, int minorPlaces) {
        return new Municipality(number, name, places, minorPlaces, services, dwellingsBySize, neighbours,
                labourMarketIndex, educationIndex, centrality, heavyCaseLoad, closedToRequests);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Municipality other && number.equals(other.number) && name.equals(other.name)
                && remainingPlaces == other.remainingPlaces && remainingMinorPlaces == other.remainingMinorPlaces
                && services.equals(other.services) && Arrays.equals(dwellingsBySize, other.dwellingsBySize)
                && neighbours.equals(other.neighbours)
                && Double.compare(labourMarketIndex, other.labourMarketIndex) == 0
                && Double.compare(educationIndex, other.educationIndex) == 0 && centrality == other.centrality
                && Double.compare(heavyCaseLoad, other.heavyCaseLoad) == 0
                && closedToRequests == other.closedToRequests;
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, remainingPlaces, remainingMinorPlaces, Arrays.hashCode(dwellingsBySize));
    }

    @Override
    public String toString() {
        return "Municipality[" + number + " " + name + ", places=" + remainingPlaces + ", minorPlaces="
                + remainingMinorPlaces + ", dwellings=" + Arrays.toString(dwellingsBySize) + "]";
    }
}
