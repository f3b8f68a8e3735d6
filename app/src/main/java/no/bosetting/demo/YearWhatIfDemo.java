package no.bosetting.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.allocation.YearWhatIfs;
import no.bosetting.planning.NationalPlan;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.shared.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * One stored year what-if in the demo (issue 23 item 5), run by the demo planner through the real command after the
 * year's replay: this year's expected scenario (or the first scenario the year has, else next year's), so
 * {@code /kapasitet/hva-om} opens on a run to read and a second run is one click from a comparison.
 */
@Component
@Profile("!prod")
class YearWhatIfDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final YearWhatIfs whatIfs;
    private final NationalPlan plan;
    private final UserAccounts users;
    private final Clock clock;

    YearWhatIfDemo(YearWhatIfs whatIfs, NationalPlan plan, UserAccounts users, Clock clock) {
        this.whatIfs = whatIfs;
        this.plan = plan;
        this.users = users;
        this.clock = clock;
    }

    void run() {
        Optional<Actor> planner = users.findEnabledActor("planlegger");
        if (planner.isEmpty()) {
            log.info("Demo what-if skipped: no demo planner");
            return;
        }
        int today = LocalDate.now(clock).getYear();
        for (int year : List.of(today, today + 1)) {
            var scenarios = plan.scenarios(year);
            Optional<PlanningScenario.Kind> kind = scenarios.containsKey(PlanningScenario.Kind.EXPECTED)
                    ? Optional.of(PlanningScenario.Kind.EXPECTED) : scenarios.keySet().stream().findFirst();
            if (kind.isPresent()) {
                CommandResult<Long> run = CommandResult.attempt(() -> whatIfs.run(planner.get(), year, kind.get()));
                log.info("Demo what-if for {} ({}): {}", year, kind.get(), run.isSuccess() ? "run " + run.value() : run.failure());
                return;
            }
        }
        log.info("Demo what-if skipped: no forecast scenario this year or next");
    }
}
