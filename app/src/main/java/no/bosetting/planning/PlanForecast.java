package no.bosetting.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.SettlementTarget;
import no.bosetting.cases.WaitingHouseholds.Waiting;

/**
 * A scenario's forecast, computed from its assumptions and the households already waiting; plain Java, no Spring.
 *
 * <p>Expected arrivals: UDI's forecast of permits per month (or the year's number spread evenly, the remainder to the
 * first months) split over the household types by their shares, whole persons by largest remainder, so each month adds
 * up to its permits. The share living privately settles on its own and needs no place (report 001 lines 652–762:
 * Ukrainians with collective protection may find housing themselves or settle without public help). A place is needed
 * by the settlement target — 3 months after the permit for families with children and unaccompanied minors, 6 for
 * others ({@link SettlementTarget}); a place needed after December falls in the next year. A household already waiting
 * needs its place by its target date, or now when that has passed. The places needed per quarter are set against the
 * decided places spread evenly over the year (a quarter per quarter, settlement-process.md §3 item 5).
 */
public final class PlanForecast {

    private PlanForecast() {
    }

    /** Where the household-type shares came from. */
    public enum SharesSource { ENTERED, WAITING, NONE }

    public record Month(int month, int permits, Map<HouseholdType, Integer> byType, int livingPrivately, int needingPlace) {

        /** The persons needing a place per household type, split exactly as {@link #compute} counts them. */
        public Map<HouseholdType, Integer> needingPlaceByType() {
            return split(needingPlace, toDoubles(byType));
        }
    }

    /**
     * @param difference decided places to the end of the quarter minus places needed to then; negative is a shortfall
     */
    public record Quarter(int quarter, int fromArrivals, int fromWaiting, int needed, int cumulativeNeeded, int decidedCumulative,
                          int difference) {

        public boolean shortfall() {
            return difference < 0;
        }
    }

    /**
     * @param neededBefore persons waiting whose place is needed before the year starts (counted in an earlier year)
     * @param neededAfter  persons whose place is needed after the year (arrivals late in the year)
     */
    public record Result(int year, List<Month> months, List<Quarter> quarters, Map<HouseholdType, Double> shares, SharesSource sharesSource,
                         int arrivals, int livingPrivately, int waitingPersons, int neededBefore, int neededAfter, int decided) {

        public int neededInYear() {
            return quarters.isEmpty() ? 0 : quarters.get(quarters.size() - 1).cumulativeNeeded();
        }
    }

    public static Result compute(int year, int persons, ForecastAssumptions assumptions, List<Waiting> waiting, LocalDate today,
                                 int decided) {
        int[] permits = assumptions.monthlyPermits() != null ? assumptions.monthlyPermits() : spread(persons, 12);
        SharesSource source = SharesSource.ENTERED;
        Map<HouseholdType, Double> shares = new EnumMap<>(HouseholdType.class);
        shares.putAll(assumptions.householdShares());
        if (shares.isEmpty()) {
            waiting.forEach(w -> shares.merge(w.type(), (double) w.persons(), Double::sum));
            source = shares.isEmpty() ? SharesSource.NONE : SharesSource.WAITING;
            if (shares.isEmpty()) {
                shares.put(HouseholdType.OTHER, 100.0);
            }
            double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
            shares.replaceAll((t, v) -> v * 100.0 / total);
        }
        double privateShare = assumptions.privateShare() == null ? 0 : assumptions.privateShare() / 100.0;

        int[] fromArrivals = new int[4];
        int after = 0;
        int arrivals = 0;
        int livingPrivately = 0;
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            Map<HouseholdType, Integer> byType = split(permits[m - 1], shares);
            int privately = (int) Math.round(permits[m - 1] * privateShare);
            Month month = new Month(m, permits[m - 1], byType, privately, permits[m - 1] - privately);
            for (Map.Entry<HouseholdType, Integer> e : month.needingPlaceByType().entrySet()) {
                int placeMonth = m + SettlementTarget.months(e.getKey());
                if (placeMonth > 12) {
                    after += e.getValue();
                } else {
                    fromArrivals[(placeMonth - 1) / 3] += e.getValue();
                }
            }
            arrivals += permits[m - 1];
            livingPrivately += privately;
            months.add(month);
        }

        int[] fromWaiting = new int[4];
        int before = 0;
        int waitingPersons = 0;
        for (Waiting w : waiting) {
            waitingPersons += w.persons();
            LocalDate needed = w.targetDate().isBefore(today) ? today : w.targetDate();
            if (needed.getYear() < year) {
                before += w.persons();
            } else if (needed.getYear() > year) {
                after += w.persons();
            } else {
                fromWaiting[(needed.getMonthValue() - 1) / 3] += w.persons();
            }
        }

        List<Quarter> quarters = new ArrayList<>();
        int cumulative = 0;
        for (int q = 1; q <= 4; q++) {
            int needed = fromArrivals[q - 1] + fromWaiting[q - 1];
            cumulative += needed;
            int decidedCumulative = (int) Math.round(decided * q / 4.0);
            quarters.add(new Quarter(q, fromArrivals[q - 1], fromWaiting[q - 1], needed, cumulative, decidedCumulative,
                    decidedCumulative - cumulative));
        }
        return new Result(year, months, quarters, Map.copyOf(shares), source, arrivals, livingPrivately, waitingPersons, before, after,
                decided);
    }

    /** {@code total} in {@code parts} whole numbers as even as can be, the remainder to the first ones. */
    static int[] spread(int total, int parts) {
        int[] result = new int[parts];
        for (int i = 0; i < parts; i++) {
            result[i] = total / parts + (i < total % parts ? 1 : 0);
        }
        return result;
    }

    /** {@code total} split by weight into whole numbers by largest remainder (ties to the earlier type); they add up to total. */
    static Map<HouseholdType, Integer> split(int total, Map<HouseholdType, Double> weights) {
        Map<HouseholdType, Integer> result = new EnumMap<>(HouseholdType.class);
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0 || sum <= 0) {
            return result;
        }
        Map<HouseholdType, Double> remainders = new EnumMap<>(HouseholdType.class);
        int given = 0;
        for (Map.Entry<HouseholdType, Double> e : new EnumMap<>(weights).entrySet()) {
            double exact = total * e.getValue() / sum;
            int whole = (int) Math.floor(exact);
            result.put(e.getKey(), whole);
            remainders.put(e.getKey(), exact - whole);
            given += whole;
        }
        List<HouseholdType> order = new ArrayList<>(remainders.keySet());
        order.sort((a, b) -> Double.compare(remainders.get(b), remainders.get(a)));
        for (int i = 0; i < total - given; i++) {
            result.merge(order.get(i % order.size()), 1, Integer::sum);
        }
        result.values().removeIf(v -> v == 0);
        return result;
    }

    private static Map<HouseholdType, Double> toDoubles(Map<HouseholdType, Integer> counts) {
        Map<HouseholdType, Double> map = new EnumMap<>(HouseholdType.class);
        counts.forEach((t, n) -> map.put(t, (double) n));
        return map;
    }
}
