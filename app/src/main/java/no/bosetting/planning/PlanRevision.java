package no.bosetting.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mid-year revision of a year's plan, the 2022 case: "Før krigen i Ukraina begynte, hadde IMDi sendt ut anmodning
 * for bosetting av om lag 5.500 flyktninger i 2022. IMDi sendte ut en oppdatert anmodning til alle landets kommuner
 * 18. mars 2022 … til sammen 35.000 flyktninger" (report 001 lines 517–523). The national need gets a new version with
 * the reason, the requests are computed again and re-versioned with the same date and reason, and every municipality
 * whose request changed is told in its inbox and by e-mail ({@link RequestNotices}); one whose request is unchanged
 * keeps its version and hears nothing. All in one transaction: a refusal leaves the plan as it was.
 */
@Service
public class PlanRevision {

    private final NationalPlan plan;
    private final CapacityRequests requests;

    public PlanRevision(NationalPlan plan, CapacityRequests requests) {
        this.plan = plan;
        this.requests = requests;
    }

    /** @return how many municipalities got a new version of their request */
    @Transactional
    public CommandResult<Integer> revise(Actor actor, int year, Integer revisedNeed, LocalDate requestedOn, String reason) {
        if (!actor.is(Role.AGENCY_PLANNER) && !actor.is(Role.AGENCY_ADMIN)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        NationalNeed current = plan.need(year).orElse(null);
        if (current == null || requests.rounds(year).isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("revisedNeed", "error.planning.revision.nothingIssued", year));
        }
        if (revisedNeed == null || revisedNeed < 0) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("revisedNeed", "error.planning.persons"));
        }
        if (requestedOn == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("revisedOn", "error.date.required"));
        }
        LocalDate latestRound = requests.rounds(year).stream().map(CapacityRequests.RequestRound::requestedOn)
                .max(LocalDate::compareTo).orElseThrow();
        if (requestedOn.isBefore(latestRound)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("revisedOn", "error.planning.revision.beforeLatest",
                    no.bosetting.shared.ShownDates.DATE.format(latestRound)));
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("revisionReason", "error.planning.reasonRequired"));
        }
        CommandResult<Void> need = plan.saveNeed(actor, year, revisedNeed, requestedOn, scaled(current.byCounty(), revisedNeed), reason);
        if (!need.isSuccess()) {
            return CommandResult.fail(need.failure());
        }
        return requests.issue(actor, year, requestedOn, reason);
    }

    /** The county split scaled to the revised total, whole persons by largest remainder (ties to the lower county number). */
    static Map<String, Integer> scaled(Map<String, Integer> split, int total) {
        int before = split.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> result = new TreeMap<>();
        if (split.isEmpty() || before == 0) {
            return result;
        }
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int given = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(split).entrySet()) {
            double exact = (double) total * e.getValue() / before;
            int whole = (int) Math.floor(exact);
            result.put(e.getKey(), whole);
            remainders.add(Map.entry(e.getKey(), exact - whole));
            given += whole;
        }
        remainders.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        for (int i = 0; i < total - given; i++) {
            result.merge(remainders.get(i % remainders.size()).getKey(), 1, Integer::sum);
        }
        return result;
    }
}
