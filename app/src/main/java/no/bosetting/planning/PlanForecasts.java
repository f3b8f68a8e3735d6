package no.bosetting.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import no.bosetting.cases.WaitingHouseholds;
import org.springframework.stereotype.Service;

/**
 * A scenario's forecast for the pages: its assumptions, the households waiting now (asked of {@code cases}) and the
 * year's decided places (planning's own capacity decisions), computed by {@link PlanForecast}.
 */
@Service
public class PlanForecasts {

    private final NationalPlan plan;
    private final WaitingHouseholds waiting;
    private final CapacityDecisions decisions;
    private final Clock clock;

    public PlanForecasts(NationalPlan plan, WaitingHouseholds waiting, CapacityDecisions decisions, Clock clock) {
        this.plan = plan;
        this.waiting = waiting;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The forecast of the year's scenario, empty while the scenario has no number. */
    public Optional<PlanForecast.Result> forecast(int year, PlanningScenario.Kind kind) {
        PlanningScenario scenario = plan.scenarios(year).get(kind);
        if (scenario == null) {
            return Optional.empty();
        }
        int decided = decisions.forYear(year).values().stream().mapToInt(CapacityDecision::persons).sum();
        return Optional.of(PlanForecast.compute(year, scenario.persons(), scenario.assumptions(), waiting.waiting(),
                LocalDate.now(clock), decided));
    }
}
