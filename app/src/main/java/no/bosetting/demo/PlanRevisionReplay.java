package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.planning.ForecastAssumptions;
import no.bosetting.planning.PlanningScenario;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;

/**
 * The demo's planning year as the 2022 case went (report 001 lines 517–523): the national need and the requests go out
 * first at 60 % of what the councils will decide, then two weeks later the forecast is raised and the plan revised
 * through {@code PlanRevision}, so the need has two versions with reasons, the requests a revised version, and every
 * demo municipality whose request changed has the notification (and its e-mail). Everything through the real commands.
 */
final class PlanRevisionReplay {

    private static final double ORIGINAL_SHARE = 0.6;
    private static final Duration REVISION_AFTER = Duration.ofDays(14);

    private PlanRevisionReplay() {
    }

    /** Replays the year's plan from {@code first}; refusals are counted in {@code failures} under their message key. */
    static void replay(DemoCommands commands, Actor planner, Clock clock, int year, int need, Instant first,
                       Map<String, Integer> failures) {
        int original = (int) Math.round(need * ORIGINAL_SHARE);
        ShiftableClock.runAt(first, () -> {
            LocalDate today = LocalDate.now(clock);
            count(failures, "scenario", commands.nationalPlan().saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, original,
                    "UDIs prognose for tillatelser", ForecastAssumptions.NONE, "Prognose for " + year));
            count(failures, "need", commands.nationalPlan().saveNeed(planner, year, original, today, Map.of(),
                    "Nasjonalt utvalgs behov for " + year));
            count(failures, "request", commands.capacityRequests().issue(planner, year, today, "Anmodning om bosetting i " + year));
        });
        ShiftableClock.runAt(first.plus(REVISION_AFTER), () -> {
            LocalDate today = LocalDate.now(clock);
            count(failures, "scenario", commands.nationalPlan().saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, need,
                    "UDIs oppjusterte prognose", new ForecastAssumptions(null, Map.of(), 10.0),
                    "UDI har oppjustert prognosen for tillatelser"));
            count(failures, "revision", commands.planRevision().revise(planner, year, need, today,
                    "Flere tillatelser enn ventet: revidert anmodning, som 18. mars 2022"));
        });
    }

    private static void count(Map<String, Integer> failures, String what, CommandResult<?> result) {
        if (!result.isSuccess()) {
            failures.merge(what + " " + result.failure().messageKey(), 1, Integer::sum);
        }
    }
}
