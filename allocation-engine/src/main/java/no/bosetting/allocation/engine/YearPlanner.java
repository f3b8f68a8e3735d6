package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Year mode: households arrive in 52 weekly batches and are placed against annual capacities with even
 * pacing (by the end of quarter q a municipality may have used at most (q/4)·(1 + tolerance) of its annual
 * places). Each week is solved by the engine; optional per-person potentials, typically the dual prices of a
 * forecast year, make a week's choice account for the places later weeks will need (Ahani et al. 2024).
 */
public final class YearPlanner {

    public static final int WEEKS = 52;
    private static final int WEEKS_PER_QUARTER = 13;

    /**
     * @param assignment             household id to municipality over the whole year
     * @param objective              sum of plain policy scores (no potentials) of the year's assignment
     * @param unassigned             households still without a proposal after week 52
     * @param quarterNationalFill    national fill ratio (used / annual places) at the end of each quarter
     * @param quarterMaxFillDeviation largest |fill − national fill| over municipalities with at least
     *                               {@code minPlacesForBand} annual places, per quarter
     * @param quarterShareWithinBand share of those municipalities whose fill is within ±{@link #FILL_BAND} of
     *                               the national fill, per quarter
     * @param seconds                wall-clock time of all 52 solves
     */
    public record YearResult(Map<String, String> assignment, double objective, int unassigned,
            double[] quarterNationalFill, double[] quarterMaxFillDeviation, double[] quarterShareWithinBand,
            double seconds) {
    }

    /** The stated band for the fill ratio of a municipality around the national fill ratio. */
    public static final double FILL_BAND = 0.15;

    /** Solves one week's batch; returns household id to municipality for the households it places. */
    @FunctionalInterface
    public interface WeeklySolver {
        Map<String, String> solve(Instance week);

        /**
         * Solves one week's batch knowing the year so far; {@link #run} calls this one. The default ignores the
         * state, so a plain lambda is a valid solver.
         */
        default Map<String, String> solve(Instance week, YearState state) {
            return solve(week);
        }
    }

    /**
     * What a weekly solver may know besides the week's batch.
     *
     * @param week      the week being solved, 0..51
     * @param remaining the municipalities with the annual places, minors places and dwellings still free at the
     *                  start of the week (no pacing applied); no households
     */
    public record YearState(int week, List<Municipality> remaining) {
    }

    /**
     * The engine as weekly solver with potentials that are re-forecast during the year: every
     * {@code everyWeeks} weeks (from week 0) the forecast households that become ready after the current week
     * are solved against the places still free, and the dual prices of that forecast become the potentials
     * until the next forecast. Late in the year the forecast holds fewer households, so the potentials fall and
     * the last weeks use the places that are left, which a single start-of-year forecast keeps too expensive.
     *
     * @param forecast       a sample of the year's arrivals (not the real ones)
     * @param forecastWeek   the week each forecast household arrives, in its order
     * @param everyWeeks     weeks between forecasts, e.g. 13 (quarterly)
     * @param forecastBudget time limit of each forecast solve
     */
    public static WeeklySolver reforecasting(Policy policy, Options options, List<Household> forecast,
            int[] forecastWeek, int everyWeeks, java.time.Duration forecastBudget) {
        if (forecastWeek.length != forecast.size() || everyWeeks < 1) {
            throw new IllegalArgumentException("one week per forecast household and everyWeeks >= 1 are required");
        }
        int[] ready = readyWeeks(forecast, forecastWeek);
        AllocationEngine engine = new AllocationEngine();
        Options weekly = options.withTimeLimit(options.timeLimit().dividedBy(WEEKS).plusMillis(1))
                .withPins(Map.of());
        Options forecastOptions = options.withTimeLimit(forecastBudget).withPins(Map.of())
                .withPotentials(Map.of());
        return new WeeklySolver() {
            private int forecastedAt = Integer.MIN_VALUE;
            private Map<String, Double> potentials = Map.of();

            @Override
            public Map<String, String> solve(Instance week) {
                return engine.solve(week, policy, weekly.withPotentials(potentials)).assignment();
            }

            @Override
            public Map<String, String> solve(Instance week, YearState state) {
                if (state.week() >= forecastedAt + everyWeeks) {
                    forecastedAt = state.week() - state.week() % everyWeeks;
                    List<Household> future = new ArrayList<>();
                    for (int h = 0; h < forecast.size(); h++) {
                        if (ready[h] > state.week()) {
                            future.add(forecast.get(h));
                        }
                    }
                    potentials = future.isEmpty() ? Map.of()
                            : engine.solve(new Instance(week.name() + "-forecast", future, state.remaining()),
                                    policy, forecastOptions).dualPrices();
                }
                return solve(week);
            }
        };
    }

    /** The week each household becomes ready: its arrival week, or for a together-group its last member's. */
    static int[] readyWeeks(List<Household> hs, int[] arrivalWeek) {
        int[] ready = arrivalWeek.clone();
        Map<String, Integer> groupReady = new HashMap<>();
        for (int h = 0; h < hs.size(); h++) {
            String g = hs.get(h).togetherGroup();
            if (g != null) {
                groupReady.merge(g, ready[h], Math::max);
            }
        }
        for (int h = 0; h < hs.size(); h++) {
            String g = hs.get(h).togetherGroup();
            if (g != null) {
                ready[h] = groupReady.get(g);
            }
        }
        return ready;
    }

    /**
     * The engine as weekly solver, steered by per-person potentials (empty map: myopic weekly optimum). The
     * time limit is split evenly over the 52 weeks.
     */
    public static WeeklySolver engine(Policy policy, Options options, Map<String, Double> potentials) {
        AllocationEngine engine = new AllocationEngine();
        Options weekly = options.withTimeLimit(options.timeLimit().dividedBy(WEEKS).plusMillis(1))
                .withPins(Map.of()).withPotentials(potentials);
        return week -> engine.solve(week, policy, weekly).assignment();
    }

    /**
     * @param annual           the whole year's households and the municipalities' annual places
     * @param arrivalWeek      week (0..51) each household becomes ready, in household order
     * @param solver           places each week's batch, e.g. {@link #engine(Policy, Options, Map)}
     * @param pacingTolerance  allowed overshoot of the even quarterly pace, e.g. 0.10
     * @param minPlacesForBand municipalities with fewer annual places are left out of the fill band, because
     *                         a single household moves their ratio by more than any sensible band
     */
    public YearResult run(Instance annual, int[] arrivalWeek, Policy policy, WeeklySolver solver,
            double pacingTolerance, int minPlacesForBand) {
        long start = System.nanoTime();
        List<Household> hs = annual.households();
        List<Municipality> ms = annual.municipalities();
        if (arrivalWeek.length != hs.size()) {
            throw new IllegalArgumentException("one arrival week per household is required");
        }
        int[] ready = readyWeeks(hs, arrivalWeek);
        int mCount = ms.size();
        int[] used = new int[mCount];
        int[] usedMinors = new int[mCount];
        int[][] freeDwellings = new int[mCount][];
        Map<String, Integer> index = new HashMap<>();
        for (int m = 0; m < mCount; m++) {
            freeDwellings[m] = ms.get(m).dwellingsBySize();
            index.put(ms.get(m).number(), m);
        }
        Map<String, String> assignment = new LinkedHashMap<>();
        double[] national = new double[4];
        double[] deviation = new double[4];
        double[] within = new double[4];
        long totalPlaces = ms.stream().mapToLong(Municipality::remainingPlaces).sum();
        for (int w = 0; w < WEEKS; w++) {
            int quarter = w / WEEKS_PER_QUARTER;
            List<Household> batch = new ArrayList<>();
            for (int h = 0; h < hs.size(); h++) {
                if (ready[h] <= w && !assignment.containsKey(hs.get(h).id())) {
                    batch.add(hs.get(h));
                }
            }
            List<Municipality> weekMs = new ArrayList<>(mCount);
            List<Municipality> remaining = new ArrayList<>(mCount);
            for (int m = 0; m < mCount; m++) {
                Municipality mm = ms.get(m);
                int annualPlaces = mm.remainingPlaces();
                int paced = (int) Math.min(annualPlaces,
                        Math.ceil(annualPlaces * (quarter + 1) / 4.0 * (1.0 + pacingTolerance)));
                int places = Math.max(0, Math.min(annualPlaces, paced) - used[m]);
                int minorPlaces = Math.max(0, mm.remainingMinorPlaces() - usedMinors[m]);
                weekMs.add(mm.withPlaces(places, minorPlaces).withDwellings(freeDwellings[m]));
                remaining.add(mm.withPlaces(Math.max(0, annualPlaces - used[m]), minorPlaces)
                        .withDwellings(freeDwellings[m]));
            }
            if (!batch.isEmpty()) {
                Instance week = new Instance(annual.name() + "-w" + (w + 1), batch, weekMs);
                Map<String, String> placed = solver.solve(week, new YearState(w, List.copyOf(remaining)));
                Map<String, Household> byId = new HashMap<>();
                for (Household h : batch) {
                    byId.put(h.id(), h);
                }
                List<Household> large = new ArrayList<>();
                for (Map.Entry<String, String> e : placed.entrySet()) {
                    Household h = byId.get(e.getKey());
                    int m = index.get(e.getValue());
                    used[m] += h.persons();
                    if (h.unaccompaniedMinor()) {
                        usedMinors[m] += h.persons();
                    }
                    if (h.persons() >= Municipality.LARGE_HOUSEHOLD) {
                        large.add(h);
                    }
                    assignment.put(e.getKey(), e.getValue());
                }
                // Largest first, smallest dwelling that fits: succeeds whenever the engine's rows allow it.
                large.sort((a, b) -> Integer.compare(b.persons(), a.persons()));
                for (Household h : large) {
                    takeDwelling(freeDwellings[index.get(placed.get(h.id()))], h.persons());
                }
            }
            if ((w + 1) % WEEKS_PER_QUARTER == 0) {
                long usedTotal = 0;
                for (int x : used) {
                    usedTotal += x;
                }
                double nat = totalPlaces == 0 ? 0 : (double) usedTotal / totalPlaces;
                double dev = 0;
                int counted = 0;
                int inBand = 0;
                for (int m = 0; m < mCount; m++) {
                    int places = ms.get(m).remainingPlaces();
                    if (places >= minPlacesForBand) {
                        double d = Math.abs((double) used[m] / places - nat);
                        dev = Math.max(dev, d);
                        counted++;
                        inBand += d <= FILL_BAND ? 1 : 0;
                    }
                }
                national[quarter] = nat;
                deviation[quarter] = dev;
                within[quarter] = counted == 0 ? 1.0 : (double) inBand / counted;
            }
        }
        Scorer scorer = new Scorer(policy, annual);
        double objective = 0;
        Map<String, Integer> hIndex = new HashMap<>();
        for (int h = 0; h < hs.size(); h++) {
            hIndex.put(hs.get(h).id(), h);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Household h : hs) {
            String m = assignment.get(h.id());
            if (m != null) {
                ordered.put(h.id(), m);
                objective += scorer.score(hIndex.get(h.id()), index.get(m));
            }
        }
        return new YearResult(ordered, objective, hs.size() - ordered.size(), national, deviation, within,
                (System.nanoTime() - start) / 1e9);
    }

    private static void takeDwelling(int[] free, int persons) {
        for (int k = Math.min(persons, free.length - 1); k < free.length; k++) {
            if (free[k] > 0) {
                free[k]--;
                return;
            }
        }
        throw new IllegalStateException("weekly solver placed a large household without a dwelling");
    }
}
