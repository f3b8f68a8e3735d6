package no.bosetting.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import no.bosetting.municipalities.Municipality;
import no.bosetting.shared.TimeConfig;

import static no.bosetting.demo.DemoTime.min;
import static no.bosetting.demo.Draws.pickIndex;

/**
 * Plans the municipal councils' decisions for last year and this year: a municipality's real decision for the year
 * where IMDi has one ({@link RealDecisions}, 2026); otherwise this year's total is what the year places plus a fifth,
 * split by population and centrality with a floor; about 15 % have no decision yet, and 57 take unaccompanied minors. Also which few municipalities are popular and are offered more households.
 */
final class CapacityPlanner {

    /** Persons settled per 1,000 inhabitants in 2022 by centrality class 1..6 (figures.md). */
    private static final double[] RATE_PER_1000 = {3.5, 4.0, 5.1, 8.1, 10.7, 14.5};
    private static final double DECIDED_OVER_PLACED = 1.2;
    private static final int MIN_DECISION = 10;
    private static final int MINOR_MUNICIPALITIES = 57;

    private final List<Municipality> municipalities;
    private final Set<String> demoMunicipalities;
    private final LocalDate today;

    CapacityPlanner(List<Municipality> municipalities, Set<String> demoMunicipalities, LocalDate today) {
        this.municipalities = municipalities;
        this.demoMunicipalities = demoMunicipalities;
        this.today = today;
    }

    /** The persons a municipality would settle in a year at the 2022 rate for its centrality. */
    static double weight(Municipality m) {
        return m.population() * RATE_PER_1000[Math.max(1, Math.min(6, m.centrality())) - 1] / 1000.0;
    }

    /** A few municipalities are attractive and are offered more households, so their numbers fill up first. */
    Map<String, Double> popularity(SplittableRandom r) {
        Map<String, Double> p = new HashMap<>();
        for (Municipality m : municipalities) {
            p.put(m.number(), !demoMunicipalities.contains(m.number()) && r.nextDouble() < 0.06 ? 3.0 : 1.0);
        }
        return p;
    }

    List<DemoPlan.RecordCapacity> decisions(Map<Integer, Integer> placedByYear, Instant capacityAt, SplittableRandom r) {
        int year = today.getYear();
        List<Municipality> deciding = new ArrayList<>();
        for (Municipality m : municipalities) {
            // About 15 % have no decision yet, so "no decision" shows in the overviews; never one with a real decision.
            boolean skip = r.nextDouble() < 0.15;
            if (!skip || demoMunicipalities.contains(m.number()) || RealDecisions.of(year, m.number()) != null
                    || m.number().equals(BAERUM) || m.number().equals(NAMSOS)) {
                deciding.add(m);
            }
        }
        int total = (int) Math.round(DECIDED_OVER_PLACED * placedByYear.getOrDefault(year, 0));
        Map<String, Integer> persons = proportional(deciding, total);
        List<Municipality> byPopulation = new ArrayList<>(deciding);
        // The largest demo municipalities always take unaccompanied minors, so their logins show that number.
        Set<String> minors = new HashSet<>(List.of("0301", "4601", "5501"));
        while (minors.size() < Math.min(MINOR_MUNICIPALITIES, deciding.size())) {
            double[] w = byPopulation.stream().mapToDouble(m -> minors.contains(m.number()) ? 0 : Math.sqrt(m.population())).toArray();
            minors.add(byPopulation.get(pickIndex(r, w)).number());
        }
        LocalDate capacityDate = LocalDate.ofInstant(capacityAt, TimeConfig.OSLO);
        List<DemoPlan.RecordCapacity> events = new ArrayList<>();
        for (Municipality m : deciding) {
            int planned = persons.get(m.number());
            int previous = Math.max(MIN_DECISION, (int) Math.round(planned * (0.85 + 0.3 * r.nextDouble())));
            // The real council decision where the municipality has one for the year (IMDi, issue 14 item 7).
            int current = real(year, m.number(), planned);
            previous = real(year - 1, m.number(), previous);
            int currentMinors = minors.contains(m.number()) ? Math.min(current, Math.max(2, (int) Math.round(current * 0.05))) : 0;
            int previousMinors = minors.contains(m.number()) ? Math.min(previous, Math.max(2, (int) Math.round(previous * 0.05))) : 0;
            LocalDate previousDecided = min(LocalDate.of(year - 1, 1, 10).plusDays(r.nextInt(60)), capacityDate);
            LocalDate currentDecided = min(LocalDate.of(year - 1, 10, 15).plusDays(r.nextInt(45)), capacityDate);
            events.add(new DemoPlan.RecordCapacity(capacityAt, m.number(), year - 1, previous, previousMinors, previousDecided));
            events.add(new DemoPlan.RecordCapacity(capacityAt, m.number(), year, current, currentMinors, currentDecided));
        }
        events.addAll(otherKinds(events));
        return events;
    }

    private static int real(int year, String number, int planned) {
        Integer real = RealDecisions.of(year, number);
        return real != null ? real : planned;
    }

    /**
     * Two councils decide as in report 003 (issue 14 item 3): Bærum one total for last year and this year together
     * (lines 2347–2354: 300 for 2008–10), Namsos a range for this year (lines 2243–2248: 30–50 a year). Each is recorded
     * after the year decisions it replaces and is never tighter than they are — the period's total is their sum, the
     * range's minimum this year's number — so the plan's places still fit.
     */
    private List<DemoPlan.RecordCapacity> otherKinds(List<DemoPlan.RecordCapacity> yearDecisions) {
        int year = today.getYear();
        List<DemoPlan.RecordCapacity> events = new ArrayList<>();
        java.util.Optional<DemoPlan.RecordCapacity> previous = find(yearDecisions, BAERUM, year - 1);
        java.util.Optional<DemoPlan.RecordCapacity> current = find(yearDecisions, BAERUM, year);
        if (previous.isPresent() && current.isPresent()) {
            DemoPlan.RecordCapacity p = previous.get();
            DemoPlan.RecordCapacity c = current.get();
            events.add(new DemoPlan.RecordCapacity(c.at(), BAERUM, year - 1, p.persons() + c.persons(),
                    p.unaccompaniedMinors() + c.unaccompaniedMinors(), p.decidedOn(), "PERIOD", year, null));
        }
        find(yearDecisions, NAMSOS, year).ifPresent(c -> events.add(new DemoPlan.RecordCapacity(c.at(), NAMSOS, year, c.persons(),
                c.unaccompaniedMinors(), c.decidedOn(), "RANGE", null, c.persons() + Math.max(5, c.persons() * 2 / 3))));
        return events;
    }

    private static final String BAERUM = "3201";
    private static final String NAMSOS = "5007";

    private static java.util.Optional<DemoPlan.RecordCapacity> find(List<DemoPlan.RecordCapacity> events, String m, int year) {
        return events.stream().filter(e -> e.municipalityNumber().equals(m) && e.year() == year).findFirst();
    }

    /** Splits {@code total} by weight with a floor of {@link #MIN_DECISION}; the floor is taken out before the split. */
    private Map<String, Integer> proportional(List<Municipality> deciding, int total) {
        Set<String> floored = new HashSet<>();
        Map<String, Integer> result = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            double rest = Math.max(0, total - (double) MIN_DECISION * floored.size());
            double sum = deciding.stream().filter(m -> !floored.contains(m.number())).mapToDouble(CapacityPlanner::weight).sum();
            for (Municipality m : deciding) {
                if (floored.contains(m.number())) {
                    continue;
                }
                double share = sum == 0 ? 0 : rest * weight(m) / sum;
                if (share < MIN_DECISION) {
                    floored.add(m.number());
                    changed = true;
                }
            }
            if (!changed) {
                for (Municipality m : deciding) {
                    result.put(m.number(), floored.contains(m.number()) ? MIN_DECISION
                            : (int) Math.round(rest * weight(m) / sum));
                }
            }
        }
        return result;
    }
}
