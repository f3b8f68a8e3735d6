package no.bosetting.allocation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.allocation.AllocationPolicies;
import no.bosetting.allocation.AllocationPolicy;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.PredictedOutcomes;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.SettlementTarget;
import no.bosetting.decisions.PlaceRule;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.housing.HousingCapacity;
import no.bosetting.indicators.Indicator;
import no.bosetting.indicators.IndicatorValue;
import no.bosetting.indicators.IndicatorValues;
import no.bosetting.interview.AllocationFacts;
import no.bosetting.interview.HeavyCases;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.InterviewFacts;
import no.bosetting.interview.Interviews;
import no.bosetting.introduction.OutcomeModels;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.ServiceCatalogue;
import no.bosetting.planning.CapacityRequests;
import no.bosetting.planning.RequestComputation;
import no.bosetting.planning.EvenPace;
import no.bosetting.planning.PacePlan;
import no.bosetting.proposals.Proposals;
import no.bosetting.selfsettlement.SelfSettlementRequests;
import no.bosetting.shared.AllocationHolds;
import no.bosetting.shared.AllocationRestrictions;
import org.springframework.stereotype.Component;

/**
 * Translates the application's ready households and municipal places into the engine's model.
 * Only settlement-relevant facts go in: nationality, ethnicity, religion and sex are never read here.
 */
@Component
public class RoundBuilder {

    /** How far ahead a registered dwelling counts as available for this round's households. */
    static final int HOUSING_HORIZON_MONTHS = 6;

    private final Interviews interviews;
    private final Proposals proposals;
    private final PlaceRule places;
    private final SettlementDecisions decisions;
    private final Municipalities municipalities;
    private final HousingCapacity housing;
    private final EvenPace pace;
    private final List<AllocationHolds> holds;
    private final InterviewFacts interviewFacts;
    private final HeavyCases heavyCases;
    private final ServiceCatalogue catalogue;
    private final SelfSettlementRequests selfSettlement;
    private final CapacityRequests requests;
    private final IndicatorValues indicators;
    private final AllocationPolicies policies;
    private final Clock clock;
    private final OutcomeModels outcomeModels;
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private List<AllocationRestrictions> restrictions = List.of(); // issue 18 item 3: restricted concern reports (h18-protect)

    RoundBuilder(Interviews interviews, Proposals proposals, PlaceRule places, SettlementDecisions decisions,
                 Municipalities municipalities, HousingCapacity housing, EvenPace pace, List<AllocationHolds> holds,
                 InterviewFacts interviewFacts, ServiceCatalogue catalogue, SelfSettlementRequests selfSettlement,
                 CapacityRequests requests, IndicatorValues indicators, AllocationPolicies policies, Clock clock,
                 HeavyCases heavyCases, OutcomeModels outcomeModels) {
        this.outcomeModels = outcomeModels;
        this.decisions = decisions;
        this.heavyCases = heavyCases;
        this.interviewFacts = interviewFacts;
        this.catalogue = catalogue;
        this.selfSettlement = selfSettlement;
        this.requests = requests;
        this.indicators = indicators;
        this.policies = policies;
        this.clock = clock;
        this.pace = pace;
        this.holds = List.copyOf(holds);
        this.interviews = interviews;
        this.proposals = proposals;
        this.places = places;
        this.municipalities = municipalities;
        this.housing = housing;
    }

    /**
     * The candidates that may be allocated on {@code today}: without those another module holds back (e.g. a
     * household in an open self-settlement opt-in window, looking for its own dwelling).
     */
    public List<CaseSummary> allocatable(Collection<CaseSummary> candidates, LocalDate today) {
        List<Long> ids = candidates.stream().map(CaseSummary::id).toList();
        Set<Long> held = new HashSet<>();
        for (AllocationHolds hold : holds) {
            held.addAll(hold.heldCaseIds(ids, today));
        }
        return candidates.stream().filter(c -> !held.contains(c.id())).toList();
    }

    /** A round where range decisions count with their minimum. */
    public Instance build(String name, List<CaseSummary> candidates, LocalDate today) {
        return buildRound(name, candidates, today, policies.current()).instance();
    }

    /**
     * The round and what its explanations need to know beyond the engine's data: which municipalities had no indicator
     * data (the centrality stands in, and the explanation says so), and which households a job offer binds (the engine's
     * one "must be placed there" field carries both close family and a binding job offer).
     */
    public record Round(Instance instance, Set<String> labourFallback, Set<String> educationFallback, Set<String> boundByJob,
                        Map<String, Set<String>> restricted) {

        public Round(Instance instance, Set<String> labourFallback, Set<String> educationFallback, Set<String> boundByJob) {
            this(instance, labourFallback, educationFallback, boundByJob, Map.of());
        }

        /** The municipalities a household may not go to for a restricted reason (never the reason itself). */
        public Set<String> restrictedFor(String householdId) {
            return restricted.getOrDefault(householdId, Set.of());
        }
    }

    /**
     * Unsuitable municipalities and required services per household from the modules that own their reasons (a restricted
     * concern report): the reason never leaves its module; the round only gets the hard rules.
     */
    public Map<Long, AllocationRestrictions.Restriction> restrictions(Collection<Long> caseIds) {
        Map<Long, AllocationRestrictions.Restriction> all = new HashMap<>();
        for (AllocationRestrictions r : restrictions) {
            r.forCases(caseIds).forEach((id, x) -> all.merge(id, x, (a, b) -> new AllocationRestrictions.Restriction(
                    union(a.unsuitableMunicipalities(), b.unsuitableMunicipalities()), union(a.requiredServices(), b.requiredServices()))));
        }
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /**
     * A round under {@code policy}: its binding rules, and whether the engine may fill range decisions to their maximum
     * ({@link AllocationPolicy#useRangeMaximum()}; otherwise their minimum, the number planning uses).
     */
    public Round buildRound(String name, List<CaseSummary> candidates, LocalDate today, AllocationPolicy policy) {
        boolean upToRangeMaximum = policy.useRangeMaximum();
        List<CaseSummary> ready = allocatable(candidates, today);
        List<Long> ids = ready.stream().map(CaseSummary::id).toList();
        Map<Long, InterviewAnswers> answers = interviews.answersFor(ids);
        Map<Long, AllocationFacts> facts = interviewFacts.forCases(ids);
        Map<Long, String> approvedDwelling = selfSettlement.approvedMunicipalities(ids);
        Map<Long, String> groups = togetherGroups(ids);
        Map<Long, Set<String>> proposedTo = proposals.proposedTo(ids);
        Map<Long, AllocationRestrictions.Restriction> restricted = restrictions(ids);
        Map<String, Set<String>> restrictedIds = new HashMap<>();
        List<Household> households = new ArrayList<>();
        Set<String> boundByJob = new HashSet<>();
        for (CaseSummary c : ready) {
            InterviewAnswers a = answers.get(c.id());
            AllocationFacts f = facts.getOrDefault(c.id(), AllocationFacts.none());
            boolean family = c.householdType().withChildren();
            // Close family (spouse or cohabitant, parents, children: report 001 line 456) binds where the policy says so
            // (report 000 lines 3757-3762); otherwise it weighs like wider family.
            String close = policy.closeFamilyBinds() ? f.closeFamilyMunicipality() : null;
            String job = f.jobMunicipality();
            if (close == null && policy.jobBinds() && f.jobCanBind()) {
                // A job offer of 15 hours a week or more binds the municipality when the policy says so.
                close = job;
                boundByJob.add(String.valueOf(c.id()));
            }
            // Wider family, then network; a neighbouring municipality counts less (the engine's neighbour value).
            String wider = firstOf(policy.closeFamilyBinds() ? null : f.closeFamilyMunicipality(), f.widerFamilyMunicipality(),
                    f.networkMunicipality(), facts.containsKey(c.id()) || a == null ? null : blankToNull(a.familyMunicipalityNumber()));
            String jobOrStudy = firstOf(job, f.studyMunicipality());
            // A restricted concern report: its unsuitable municipalities are excluded like a rejection, its services required.
            AllocationRestrictions.Restriction r = restricted.get(c.id());
            Set<String> required = r == null ? f.requiredServices() : union(f.requiredServices(), r.requiredServices());
            Set<String> excluded = r == null ? proposedTo.getOrDefault(c.id(), Set.of())
                    : union(proposedTo.getOrDefault(c.id(), Set.of()), r.unsuitableMunicipalities());
            if (r != null && !r.unsuitableMunicipalities().isEmpty()) {
                restrictedIds.put(String.valueOf(c.id()), r.unsuitableMunicipalities());
            }
            households.add(new Household(String.valueOf(c.id()), c.persons(), c.unaccompaniedMinor(), family, required,
                    (int) Math.max(0, c.daysWaited()), SettlementTarget.targetDays(c.permitDate(), c.householdType()), close,
                    wider, jobOrStudy, approvedDwelling.get(c.id()),
                    excluded, groups.get(c.id()),
                    a != null && a.workExperience() != null && !a.workExperience().isBlank(),
                    a != null && a.education() != null && !a.education().isBlank()));
        }
        Map<String, int[]> remainingPlaces = remaining(today, upToRangeMaximum);
        Map<String, int[]> registered = housing.dwellingsByPersons(today, HOUSING_HORIZON_MONTHS, Municipality.MAX_DWELLING_CLASS);
        Map<String, Set<String>> services = catalogue.offeredOn(today);
        Map<String, Double> heavyLoad = heavyCaseLoad(places.engineRoom(today.getYear(), upToRangeMaximum), today);
        Set<String> closed = closedMunicipalities(today.getYear());
        Map<String, Double> labour = index(indicators.latest(Indicator.UNEMPLOYMENT, today.getYear()), true);
        Map<String, Double> education = index(indicators.latest(Indicator.INTRODUCTION_RESULTS, today.getYear()), false);
        Set<String> labourFallback = new HashSet<>();
        Set<String> educationFallback = new HashSet<>();
        List<Municipality> ms = new ArrayList<>();
        for (no.bosetting.municipalities.Municipality m : municipalities.all()) {
            int[] left = remainingPlaces.get(m.number());
            int remaining = left[0];
            int remainingMinors = left[1];
            // Dwellings by size come from the municipality's housing register; a municipality that has
            // registered none is assumed to find housing for its places, so large households are then
            // limited only by places.
            int[] dwellings = registered.get(m.number());
            if (dwellings == null) {
                dwellings = new int[Municipality.MAX_DWELLING_CLASS + 1];
                dwellings[Municipality.MAX_DWELLING_CLASS] = remaining / Municipality.LARGE_HOUSEHOLD + 1;
            }
            // Labour market and education from the indicator data; where a municipality has none, centrality stands in
            // and its explanation says so.
            double centrality = (7 - m.centrality()) / 6.0;
            Double lm = labour.get(m.number());
            Double ed = education.get(m.number());
            if (lm == null) {
                labourFallback.add(m.number());
            }
            if (ed == null) {
                educationFallback.add(m.number());
            }
            ms.add(new Municipality(m.number(), m.name(), remaining, remainingMinors, services.getOrDefault(m.number(), Set.of()),
                    dwellings, new HashSet<>(municipalities.neighbours(m.number())), lm == null ? centrality : lm,
                    ed == null ? centrality : ed, m.centrality(), heavyLoad.getOrDefault(m.number(), 0.0),
                    closed.contains(m.number())));
        }
        return new Round(new Instance(name, households, ms, predictedOutcomes(policy, ids, ms)), Set.copyOf(labourFallback),
                Set.copyOf(educationFallback), Set.copyOf(boundByJob), Map.copyOf(restrictedIds));
    }

    /**
     * The outcome model's chance of work or education per household and municipality, when the policy weighs it (issue 17
     * item 5); none when the weight is 0 or no model has been trained, and the engine then scores exactly as without it.
     */
    private PredictedOutcomes predictedOutcomes(AllocationPolicy policy, List<Long> caseIds, List<Municipality> ms) {
        if (!policy.usesPredictedOutcome() || caseIds.isEmpty()) {
            return PredictedOutcomes.none();
        }
        return outcomeModels.predict(caseIds, ms.stream().map(Municipality::number).toList()).map(p -> {
            Map<String, Map<String, Double>> byHousehold = new HashMap<>();
            p.forEach((caseId, row) -> byHousehold.put(String.valueOf(caseId), row));
            return PredictedOutcomes.of(byHousehold);
        }).orElse(PredictedOutcomes.none());
    }

    /** Households a caseworker linked to be settled together: each connected set of links is one group. */
    Map<Long, String> togetherGroups(List<Long> ids) {
        Map<Long, Long> links = interviewFacts.togetherLinks(ids);
        Map<Long, Long> root = new HashMap<>();
        for (Map.Entry<Long, Long> link : links.entrySet()) {
            long a = find(root, link.getKey());
            long b = find(root, link.getValue());
            if (a != b) {
                root.put(Math.max(a, b), Math.min(a, b));
            }
        }
        Map<Long, String> groups = new HashMap<>();
        for (Long id : ids) {
            if (root.containsKey(id) || root.containsValue(id)) {
                groups.put(id, "sammen-" + find(root, id));
            }
        }
        return groups;
    }

    private static long find(Map<Long, Long> root, long id) {
        long r = id;
        while (root.containsKey(r) && root.get(r) != r) {
            r = root.get(r);
        }
        return r;
    }

    /**
     * How far each municipality's share of heavy cases ({@link HeavyCases#isHeavy}, the same rule as the fairness report:
     * an unaccompanied minor, {@value HeavyCases#LARGE_FAMILY} persons or more, a need for a particular service, or health
     * details recorded with consent) among the households decided in the last 12 months is above its share of this year's
     * decided places: 0 at or below its share, 1 at twice its share or more.
     */
    Map<String, Double> heavyCaseLoad(Map<String, PlaceRule.Room> room, LocalDate today) {
        OffsetDateTime to = today.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<SettlementDecisions.DecidedHousehold> decided = decisions.decidedHouseholds(to.minusMonths(12), to);
        Set<Long> heavyIds = heavyCases.heavy(decided.stream()
                .map(d -> new HeavyCases.Household(d.caseId(), d.householdPersons(), d.unaccompaniedMinor())).toList());
        Map<String, Integer> heavy = new HashMap<>();
        int heavyTotal = 0;
        for (SettlementDecisions.DecidedHousehold d : decided) {
            if (heavyIds.contains(d.caseId())) {
                heavy.merge(d.municipalityNumber(), 1, Integer::sum);
                heavyTotal++;
            }
        }
        int placesTotal = room.values().stream().mapToInt(PlaceRule.Room::limit).sum();
        Map<String, Double> load = new HashMap<>();
        if (heavyTotal == 0) {
            return load;
        }
        for (Map.Entry<String, Integer> e : heavy.entrySet()) {
            PlaceRule.Room p = room.get(e.getKey());
            double placeShare = placesTotal == 0 || p == null ? 0.0 : (double) p.limit() / placesTotal;
            double heavyShare = (double) e.getValue() / heavyTotal;
            load.put(e.getKey(), placeShare <= 0 ? 1.0 : Math.max(0.0, Math.min(1.0, heavyShare / placeShare - 1.0)));
        }
        return load;
    }

    /** Municipalities the request rules close this year (the immigrant-share rule, or the planner), when the data exists. */
    Set<String> closedMunicipalities(int year) {
        Set<String> closed = new HashSet<>();
        for (RequestComputation c : requests.compute(year)) {
            if (c.closed()) {
                closed.add(c.municipalityNumber());
            }
        }
        return closed;
    }

    /** Indicator figures scaled to 0..1 over the municipalities that have one ({@code lowerIsBetter} for unemployment). */
    static Map<String, Double> index(Map<String, IndicatorValue> values, boolean lowerIsBetter) {
        Map<String, Double> index = new HashMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (IndicatorValue v : values.values()) {
            min = Math.min(min, v.asDouble());
            max = Math.max(max, v.asDouble());
        }
        for (Map.Entry<String, IndicatorValue> e : values.entrySet()) {
            double x = max > min ? (e.getValue().asDouble() - min) / (max - min) : 0.5;
            index.put(e.getKey(), lowerIsBetter ? 1.0 - x : x);
        }
        return index;
    }

    private static String firstOf(String... numbers) {
        for (String n : numbers) {
            if (n != null && !n.isBlank()) {
                return n;
            }
        }
        return null;
    }

    /**
     * The places left per municipality now (persons, unaccompanied minors) as the active policy's rounds see them, so the
     * review shows the same room as the engine got (range decisions at their maximum only when the policy says so).
     */
    public Map<String, int[]> remaining(LocalDate today) {
        return remaining(today, policies.current().useRangeMaximum());
    }

    /**
     * The places left per municipality now: persons and unaccompanied minors. The room is the place rule's answer (a
     * range's minimum, or its maximum when the policy says so; what is left of a period); even pace then holds it to the
     * decision's cumulative quarterly (or monthly) target so far, so attractive municipalities are not filled early in
     * the year.
     */
    public Map<String, int[]> remaining(LocalDate today, boolean upToRangeMaximum) {
        Map<String, PlaceRule.Room> room = places.engineRoom(today.getYear(), upToRangeMaximum);
        PacePlan.Period period = pace.period(today.getYear());
        Map<String, int[]> remaining = new java.util.HashMap<>();
        for (no.bosetting.municipalities.Municipality m : municipalities.all()) {
            PlaceRule.Room p = room.get(m.number());
            int paced = p == null ? 0
                    : PacePlan.of(m.number(), today.getYear(), p.limit(), period).cumulativeTargetAt(today) - p.used();
            remaining.put(m.number(), new int[] {p == null ? 0 : Math.max(0, Math.min(p.persons(), paced)),
                    p == null ? 0 : p.unaccompaniedMinors()});
        }
        return remaining;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
