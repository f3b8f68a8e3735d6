package no.bosetting.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import no.bosetting.demo.AllocationPlanner.Pick;
import no.bosetting.demo.DemoPlan.Event;
import no.bosetting.demo.DemoPlan.Household;
import no.bosetting.municipalities.Municipality;

/**
 * The year as planned so far, read by the planners of the modules around the case (self-settlement,
 * applications, messages, reconsideration): when each household's case was imported, interviewed, first
 * proposed, first accepted and ended, and which households an example already uses. They pick moments at
 * which the real commands accept the step, and share one random stream, drawn from in a fixed order.
 */
final class PlannedYear {

    final SplittableRandom r;
    final Instant now;
    final LocalDate today;
    final List<Household> households;
    final Map<String, Municipality> byNumber;
    /** The work-list examples and the acceptances still offered at the end of the year. */
    final List<Pick> picks;

    final Map<Integer, Instant> imported = new HashMap<>();
    final Map<Integer, Instant> interviewed = new HashMap<>();
    final Map<Integer, Instant> firstProposed = new HashMap<>();
    final Map<Integer, Instant> firstAccepted = new HashMap<>();
    /** When the case was settled, declined or closed. */
    final Map<Integer, Instant> ended = new HashMap<>();

    /** Households an example already uses, so that none shows two of them. */
    private final Set<Integer> taken = new HashSet<>();
    /** Accepted households whose offer an example already uses (municipality-initiated or a reconsideration). */
    private final Set<Integer> offersTaken = new HashSet<>();
    private final List<Event> planned = new ArrayList<>();

    PlannedYear(SplittableRandom r, PlanBasis basis, List<Household> households, List<Event> year, Set<Integer> selfSettled,
                List<Pick> picks) {
        this.r = r;
        this.now = basis.now();
        this.today = basis.today();
        this.households = households;
        this.byNumber = basis.byNumber();
        this.picks = picks;
        for (Event e : year) {
            if (e instanceof DemoPlan.SendList list) {
                list.households().forEach(h -> firstProposed.merge(h, list.at(), DemoTime::min));
            } else if (e instanceof DemoPlan.CaseStep step) {
                Map<Integer, Instant> moment = switch (step.phase()) {
                    case PERMIT_IMPORT -> imported;
                    case INTERVIEW -> interviewed;
                    case ACCEPTANCE -> firstAccepted;
                    case SETTLEMENT, DECLINE, CLOSE -> ended;
                    default -> null;
                };
                if (moment != null) {
                    moment.merge(step.household(), step.at(), DemoTime::min);
                }
            }
        }
        taken.addAll(selfSettled);
        picks.forEach(p -> taken.add(p.household()));
    }

    int size() {
        return households.size();
    }

    void add(Event event) {
        planned.add(event);
    }

    List<Event> planned() {
        return planned;
    }

    boolean taken(int household) {
        return taken.contains(household);
    }

    void take(int household) {
        taken.add(household);
    }

    boolean offerTaken(int household) {
        return offersTaken.contains(household);
    }

    void takeOffer(int household) {
        offersTaken.add(household);
    }

    /** The households in a random order. */
    List<Integer> shuffled() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            order.add(i);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }

    /** The earlier of two moments, a missing one counting as now. */
    Instant earliest(Instant a, Instant b) {
        return DemoTime.min(a == null ? now : a, b == null ? now : b);
    }

    /** The date at the hour, at a random minute. */
    Instant at(LocalDate date, int hour) {
        return DemoTime.at(date, LocalTime.of(hour, r.nextInt(60)));
    }

    <T> T pick(List<T> values) {
        return Draws.pick(r, values);
    }

    <T> T pick(T[] values, double[] weights) {
        return Draws.pick(r, values, weights);
    }
}
