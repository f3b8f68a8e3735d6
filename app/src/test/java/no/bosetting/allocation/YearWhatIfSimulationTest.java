package no.bosetting.allocation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import no.bosetting.allocation.engine.AllocationEngine;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.cases.HouseholdType;
import no.bosetting.planning.PacePlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The year what-if's simulation at the scale of a real year: time-limited, paced, and every person accounted for. */
class YearWhatIfSimulationTest {

    @Test
    void aFullYearOfFiveThousandHouseholdsOver357MunicipalitiesFinishesInSecondsWithinThePace() {
        int year = 2031;
        LocalDate start = LocalDate.of(year, 1, 1);
        Random random = new Random(7);
        List<YearWhatIfSimulation.Place> places = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, PacePlan> paces = new HashMap<>();
        for (int m = 0; m < 357; m++) {
            String number = String.format("%04d", 1000 + m);
            int decided = 5 + random.nextInt(60);
            PacePlan pace = PacePlan.of(number, year, decided, PacePlan.Period.QUARTER);
            paces.put(number, pace);
            names.put(number, "K" + number);
            places.add(new YearWhatIfSimulation.Place(Municipality.simple(number, decided, 2, Set.of()), decided, 0,
                    day -> pace.cumulativeTargetAt(LocalDate.ofYearDay(year, day))));
        }
        List<YearWhatIfSimulation.Entrant> entrants = new ArrayList<>();
        for (int h = 0; h < 5000; h++) {
            LocalDate ready = h < 1000 ? start : start.plusDays(random.nextInt(365));
            int persons = 1 + random.nextInt(5);
            HouseholdType type = persons == 1 ? HouseholdType.SINGLE_MAN : HouseholdType.COUPLE_WITH_CHILDREN;
            LocalDate permit = ready.minusDays(90);
            entrants.add(new YearWhatIfSimulation.Entrant(new Household("H" + h, persons, false, persons > 1, Set.of(), 90, 90,
                    null, null, null, null, Set.of(), null, false, false), type,
                    h < 1000 ? YearWhatIf.Source.WAITING : YearWhatIf.Source.FORECAST, ready, permit));
        }
        AllocationEngine engine = new AllocationEngine();
        AllocationPort port = engine::solve;
        long t0 = System.nanoTime();
        YearWhatIfSimulation.Outcome outcome = new YearWhatIfSimulation(year, start).run(entrants, places, names, Policy.defaults(), port,
                Duration.ofSeconds(4), 1);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("YearWhatIfSimulationTest: 5000 households, 357 municipalities, 52 weeks in %.1f s%n", seconds);

        assertThat(seconds).isLessThan(20);
        int placed = outcome.rows().stream().mapToInt(YearWhatIf.Row::placedPersons).sum();
        int entering = entrants.stream().mapToInt(e -> e.household().persons()).sum();
        assertThat(placed + outcome.unplacedPersons()).isEqualTo(entering);
        assertThat(placed).isPositive();
        Map<String, int[]> cumulative = new HashMap<>();
        for (YearWhatIf.Row r : outcome.rows()) {
            int[] c = cumulative.computeIfAbsent(r.municipalityNumber(), k -> new int[1]);
            c[0] += r.placedPersons();
            assertThat(c[0]).as("%s by quarter %d", r.municipalityNumber(), r.quarter())
                    .isLessThanOrEqualTo(paces.get(r.municipalityNumber()).cumulativeTargetAt(LocalDate.of(year, r.quarter() * 3, 1)));
        }
    }
}
