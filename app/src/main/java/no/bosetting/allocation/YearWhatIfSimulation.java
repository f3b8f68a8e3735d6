package no.bosetting.allocation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.allocation.engine.YearPlanner;
import no.bosetting.cases.HouseholdType;

/**
 * Runs the engine's {@link YearPlanner} over the rest of a year, week by week, through the application's
 * {@link AllocationPort}; plain Java, no Spring. Week {@code w} starts on 1 January plus {@code 7w} days. A household
 * enters in the week of its ready date; the places a municipality may use by a week are its decided places held to the
 * application's own even pace ({@code planning.PacePlan}: the cumulative target of the period holding the week's first
 * day, minus what was used before the run and what the planner already placed), so the year mode paces exactly as the
 * weekly rounds do ({@code RoundBuilder}); the planner's own quarterly pacing is switched off.
 */
final class YearWhatIfSimulation {

    /** A household entering the year: the engine's household, its type, when it is ready and when its permit was. */
    record Entrant(Household household, HouseholdType type, YearWhatIf.Source source, LocalDate ready, LocalDate permit) {
    }

    /** One municipality: the engine's municipality with the places left for the year, the decided places and its pace. */
    record Place(Municipality municipality, int decided, int usedBefore, IntUnaryOperator cumulativeTargetAtDayOfYear) {
    }

    /** The results: who was placed where and in which quarter, with the waiting days at placement. */
    record Outcome(List<YearWhatIf.Row> rows, int unplacedHouseholds, int unplacedPersons, double objective, double seconds) {
    }

    private static final double NO_PLANNER_PACING = 1000.0;

    private final int year;
    private final LocalDate start;

    YearWhatIfSimulation(int year, LocalDate start) {
        this.year = year;
        this.start = start;
    }

    int week(LocalDate date) {
        if (date.getYear() < year) {
            return 0;
        }
        return Math.min(YearPlanner.WEEKS - 1, (date.getDayOfYear() - 1) / 7);
    }

    /** The day a placement in week {@code w} counts: the week's first day, never before the start of the run. */
    LocalDate placedOn(int w) {
        LocalDate d = LocalDate.of(year, 1, 1).plusDays(7L * w);
        return d.isBefore(start) ? start : d;
    }

    static int quarterOf(LocalDate d) {
        return (d.getMonthValue() - 1) / 3 + 1;
    }

    Outcome run(List<Entrant> entrants, List<Place> places, Map<String, String> names, Policy policy, AllocationPort engine,
                Duration budget, long seed) {
        List<Household> hs = entrants.stream().map(Entrant::household).toList();
        List<Municipality> ms = places.stream().map(Place::municipality).toList();
        int[] arrival = entrants.stream().mapToInt(e -> week(e.ready())).toArray();
        int firstWeek = week(start);
        int weeks = YearPlanner.WEEKS - firstWeek;
        Options weekly = Options.defaults().withSeed(seed).withTimeLimit(budget.dividedBy(weeks).plusMillis(1));
        Map<String, Integer> placedWeek = new HashMap<>();
        YearPlanner.WeeklySolver solver = new YearPlanner.WeeklySolver() {
            @Override
            public Map<String, String> solve(Instance week) {
                return engine.solve(week, policy, weekly).assignment();
            }

            @Override
            public Map<String, String> solve(Instance week, YearPlanner.YearState state) {
                int day = placedOn(state.week()).getDayOfYear();
                List<Municipality> paced = new ArrayList<>(places.size());
                for (int m = 0; m < places.size(); m++) {
                    Place p = places.get(m);
                    Municipality offered = week.municipalities().get(m);
                    int usedByPlanner = p.municipality().remainingPlaces() - state.remaining().get(m).remainingPlaces();
                    int target = Math.min(p.decided(), p.cumulativeTargetAtDayOfYear().applyAsInt(day));
                    int allowed = Math.max(0, target - p.usedBefore() - usedByPlanner);
                    paced.add(offered.withPlaces(Math.min(offered.remainingPlaces(), allowed), offered.remainingMinorPlaces()));
                }
                Map<String, String> placed = solve(new Instance(week.name(), week.households(), paced));
                placed.keySet().forEach(id -> placedWeek.put(id, state.week()));
                return placed;
            }
        };
        YearPlanner.YearResult result = new YearPlanner().run(new Instance("whatif-" + year, hs, ms), arrival, policy, solver,
                NO_PLANNER_PACING, 1);

        Map<String, Entrant> byId = new HashMap<>();
        entrants.forEach(e -> byId.put(e.household().id(), e));
        Map<String, long[][]> sums = new LinkedHashMap<>();
        places.forEach(p -> sums.put(p.municipality().number(), new long[5][3]));
        int unplacedHouseholds = 0;
        int unplacedPersons = 0;
        for (Entrant e : entrants) {
            String m = result.assignment().get(e.household().id());
            if (m == null) {
                unplacedHouseholds++;
                unplacedPersons += e.household().persons();
                continue;
            }
            LocalDate on = placedOn(placedWeek.get(e.household().id()));
            long[] s = sums.get(m)[quarterOf(on)];
            s[0] += e.household().persons();
            s[1]++;
            s[2] += ChronoUnit.DAYS.between(e.permit(), on);
        }
        List<YearWhatIf.Row> rows = new ArrayList<>();
        for (Place p : places) {
            long[][] s = sums.get(p.municipality().number());
            boolean placedAny = false;
            for (int q = 1; q <= 4; q++) {
                placedAny |= s[q][1] > 0;
            }
            if (p.decided() == 0 && p.usedBefore() == 0 && !placedAny) {
                continue;
            }
            for (int q = quarterOf(start); q <= 4; q++) {
                rows.add(new YearWhatIf.Row(p.municipality().number(), names.get(p.municipality().number()), q, p.decided(),
                        p.usedBefore(), (int) s[q][0], (int) s[q][1], s[q][2]));
            }
        }
        return new Outcome(rows, unplacedHouseholds, unplacedPersons, result.objective(), result.seconds());
    }
}
