package no.bosetting.planning;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

/**
 * Quarterly targets from a municipality's decision, for the municipality's own page and for the
 * allocation engine, which should not fill attractive municipalities early in the year.
 */
@Service("evenPace")
public class EvenPace {

    private final CapacityDecisions decisions;
    private final Clock clock;

    public EvenPace(CapacityDecisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Persons the plan expects settled or accepted by the end of the current quarter. */
    public int targetToday(PacePlan plan) {
        return plan.cumulativeTargetAt(LocalDate.now(clock));
    }

    public PacePlan plan(String municipalityNumber, int year) {
        return PacePlan.of(municipalityNumber, year,
                decisions.find(municipalityNumber, year).map(CapacityDecision::persons).orElse(null));
    }
}
