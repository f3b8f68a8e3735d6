package no.bosetting.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import no.bosetting.demo.AllocationPlanner.Pick;
import no.bosetting.demo.DemoPlan.Event;
import no.bosetting.municipalities.Municipality;

/**
 * Computes a {@link DemoPlan} from a seed: a 2023-shaped year of permits placed in the twelve months before
 * "now", and the commands that carry each household from permit to settlement, with the modules around the
 * case on top. Pure: no database, no clock, only the arguments; each part draws from its own random stream, so
 * equal arguments give an equal plan. The households are planned by {@link HouseholdPlanner}, the councils'
 * numbers by {@link CapacityPlanner}, the weekly rounds by {@link AllocationPlanner}, and self-settlement,
 * applications, messages and reconsiderations by their planners over the {@link PlannedYear}.
 */
public final class DemoPlanner {

    private final long seed;
    private final PlanBasis basis;
    private final List<DemoPlan.Centre> centres = new ArrayList<>();

    private DemoPlanner(long seed, int size, Instant now, List<Municipality> municipalities) {
        if (size < 1) {
            throw new IllegalArgumentException("At least one household is needed, got " + size);
        }
        this.seed = seed;
        this.basis = PlanBasis.of(size, now, municipalities);
        for (String number : basis.demoMunicipalities()) {
            requireMunicipality(number);
        }
        for (DemoCatalogue.CentreDefinition d : DemoCatalogue.CENTRES) {
            requireMunicipality(d.municipalityNumber());
            String staff = DemoCatalogue.LOGINS.stream().filter(l -> d.shortName().equals(l.centreShortName()))
                    .map(DemoCatalogue.Login::username).findFirst().orElse(null);
            centres.add(new DemoPlan.Centre(d.shortName(), DemoCatalogue.centreName(d), d.kind(), d.municipalityNumber(), staff));
        }
    }

    /** The plan for {@code size} households ending at {@code now}; equal arguments give an equal plan. */
    public static DemoPlan plan(long seed, int size, Instant now, List<Municipality> municipalities) {
        return new DemoPlanner(seed, size, now, municipalities).build();
    }

    private void requireMunicipality(String number) {
        if (basis.municipality(number) == null) {
            throw new IllegalStateException("Demo data refers to municipality " + number + ", which is not in the reference data");
        }
    }

    /** The random stream of one part of the plan. */
    private SplittableRandom rng(int stream) {
        return new SplittableRandom(seed * 1_000_003L + stream);
    }

    private DemoPlan build() {
        HouseholdPlanner householdPlanner = new HouseholdPlanner(seed, basis, centres);
        List<HouseholdDraft> drafts = householdPlanner.households(rng(1));
        householdPlanner.timelines(drafts, rng(2));
        householdPlanner.keepResidentsUnderMappingAtStaffedCentres(drafts);
        List<Integer> lateApplicants = PrivateResidentApplications.makeLate(drafts, basis.now());
        List<Integer> lapsedApplicants = PrivateResidentApplications.makeLapsed(drafts, basis.now(), lateApplicants);
        List<Integer> refusedApplicants = PrivateResidentApplications.makeRefused(drafts, basis.now(),
                java.util.stream.Stream.concat(lateApplicants.stream(), lapsedApplicants.stream()).toList());
        List<DemoPlan.Household> households = new ArrayList<>();
        SplittableRandom answers = rng(5);
        for (HouseholdDraft d : drafts) {
            households.add(new DemoPlan.Household(d.index, d.reference, d.permitType, d.permitDate, d.living, d.centre,
                    d.municipality, List.copyOf(d.persons),
                    d.interviewAt == null ? null : householdPlanner.interview(d, answers)));
        }

        // A first pass without decisions measures how many persons the year places; the decided numbers follow from it.
        Instant capacityAt = DemoTime.at(drafts.get(0).permitDate.minusDays(3), LocalTime.of(9, 0));
        CapacityPlanner capacityPlanner = new CapacityPlanner(basis.municipalities(), basis.demoMunicipalities(), basis.today());
        Map<String, Double> popularity = capacityPlanner.popularity(rng(3));
        AllocationPlanner unlimited = new AllocationPlanner(basis, drafts, null, popularity, rng(4), Map.of(), rng(9));
        unlimited.run();
        List<DemoPlan.RecordCapacity> capacity = capacityPlanner.decisions(unlimited.placedByYear, capacityAt, rng(6));
        List<String> deciding = capacity.stream().filter(c -> c.year() == basis.today().getYear())
                .map(DemoPlan.RecordCapacity::municipalityNumber).distinct().toList();
        Map<String, SelfSettlementPlanner.Setting> asb = SelfSettlementPlanner.settings(deciding, basis.byNumber(), rng(7));
        householdPlanner.markSelfSettlers(drafts, asb, rng(8));
        AllocationPlanner allocation = new AllocationPlanner(basis, drafts, capacity, popularity, rng(4), asb, rng(9));
        allocation.run();

        List<Event> events = new ArrayList<>(capacity);
        for (HouseholdDraft d : drafts) {
            events.add(new DemoPlan.ImportPermit(d.importAt, d.index));
            if (d.interviewAt != null) {
                events.add(new DemoPlan.HoldInterview(d.interviewAt, d.index));
            }
            if (d.closeAt != null) {
                events.add(new DemoPlan.CloseCase(d.closeAt, d.index, d.closeReason, d.closeText));
            }
        }
        events.addAll(allocation.events);
        events.addAll(PrivateResidentApplications.plan(drafts, lateApplicants, refusedApplicants, rng(11)));
        inOrder(events);
        PlannedYear year = new PlannedYear(rng(10), basis, households, beforeNow(events), allocation.asbApproved,
                allocation.picks);
        lapsedApplicants.forEach(year::take); // never applies: no application or other example on it
        refusedApplicants.forEach(year::take);
        aroundTheCase(year, asb, capacityAt.plus(Duration.ofHours(1)));
        events.addAll(year.planned());
        inOrder(events);
        return new DemoPlan(seed, basis.size(), basis.now(), List.copyOf(centres), List.copyOf(households), beforeNow(events));
    }

    /**
     * Self-settlement, applications, messages and reconsiderations on top of the year, in this order (they
     * share one random stream).
     */
    private static void aroundTheCase(PlannedYear year, Map<String, SelfSettlementPlanner.Setting> asb, Instant settingsAt) {
        SelfSettlementPlanner selfSettlement = new SelfSettlementPlanner(year, asb);
        selfSettlement.saveSettings(settingsAt);
        selfSettlement.endedRequests();
        selfSettlement.openRequests();
        selfSettlement.optInWindows();
        List<Pick> accepted = year.picks.stream().filter(p -> p.answerAt() != null).toList();
        selfSettlement.municipalityInitiated(accepted);
        new ReconsiderationPlanner(year).plan(accepted);
        new ApplicationPlanner(year).plan();
        new MessagePlanner(year).plan();
    }

    /** By moment, and by phase within a moment; events of the same moment and phase keep the order they were planned in. */
    private static void inOrder(List<Event> events) {
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::phase));
    }

    private List<Event> beforeNow(List<Event> events) {
        return events.stream().filter(e -> e.at().isBefore(basis.now())).toList();
    }
}
