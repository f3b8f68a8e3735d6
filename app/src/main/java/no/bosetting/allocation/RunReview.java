package no.bosetting.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import no.bosetting.access.Actor;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.SettlementTarget;
import no.bosetting.municipalities.Municipalities;
import org.springframework.stereotype.Service;

/**
 * What the caseworker reviews of an engine run at 330 or 1,000 households: the households grouped by municipality,
 * filtered and paged, each municipality's places left, a municipality picker per household that says why a
 * municipality is not allowed for it, and the summary before sending (issue 23 items 3 and 4).
 */
@Service
public class RunReview {

    /** Households per page: a page stays small however large the run. */
    public static final int HOUSEHOLDS_PER_PAGE = 40;

    /** Municipalities listed by the picker at most (the search narrows the rest). */
    public static final int PICKER_LIMIT = 40;

    private final RoundBuilder rounds;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final Clock clock;

    RunReview(RoundBuilder rounds, CaseQueries cases, Municipalities municipalities, Clock clock) {
        this.rounds = rounds;
        this.cases = cases;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** The review filters; all off shows every household. */
    public record Filter(HouseholdType householdType, boolean changed, boolean longWaiting) {

        public static Filter none() {
            return new Filter(null, false, false);
        }

        boolean matches(AllocationRun.Item i, LocalDate today) {
            return (householdType == null || householdType.name().equals(i.householdType()))
                    && (!changed || i.changed())
                    && (!longWaiting || isLongWaiting(i, today));
        }
    }

    /** One municipality's share of the run: households and persons proposed, and places left after them. */
    public record Total(String number, String name, int households, int persons, int placesLeft) {

        /** More persons proposed than the municipality has places left (e.g. places used since the run). */
        public boolean over() {
            return placesLeft < 0;
        }
    }

    /** One municipality's group on the page: its totals and the households of this page that match the filter. */
    public record Group(Total total, List<AllocationRun.Item> items) {
    }

    /** One page of the review. */
    public record Page(List<Group> groups, int page, int totalPages, int matching, List<AllocationRun.Item> unassigned) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages;
        }
    }

    /** A municipality in the picker: places left and, when the household may not go there, why (a message key). */
    public record Choice(String number, String label, int placesLeft, String refusedKey, String refusedArg, boolean current) {

        public boolean allowed() {
            return refusedKey == null;
        }
    }

    static boolean isLongWaiting(AllocationRun.Item i, LocalDate today) {
        return i.permitDate() != null && SettlementTarget.isLongWaiting(i.permitDate(), HouseholdType.valueOf(i.householdType()), today);
    }

    public boolean longWaiting(AllocationRun.Item i) {
        return isLongWaiting(i, LocalDate.now(clock));
    }

    /** Per municipality of the run: households and persons proposed and not yet sent, and places left after them. */
    public Map<String, Total> totals(AllocationRun run) {
        // The remaining places of every municipality as the engine sees them today (decision, pace, places used).
        Map<String, int[]> round = rounds.remaining(LocalDate.now(clock));
        Map<String, int[]> counts = new TreeMap<>();
        for (AllocationRun.Item i : run.items()) {
            if (i.municipalityNumber() != null && !i.sent()) {
                int[] c = counts.computeIfAbsent(i.municipalityNumber(), k -> new int[2]);
                c[0]++;
                c[1] += i.persons();
            }
        }
        Map<String, String> names = new HashMap<>();
        municipalities.all().forEach(m -> names.put(m.number(), m.name()));
        Map<String, Total> totals = new LinkedHashMap<>();
        for (AllocationRun.Item i : run.items()) {
            String m = i.municipalityNumber();
            if (m != null && !totals.containsKey(m)) {
                int[] c = counts.getOrDefault(m, new int[2]);
                int[] r = round.get(m);
                totals.put(m, new Total(m, names.getOrDefault(m, m), c[0], c[1], (r == null ? 0 : r[0]) - c[1]));
            }
        }
        return totals;
    }

    /**
     * The households that match the filter, grouped by municipality (by name), one page of at most
     * {@link #HOUSEHOLDS_PER_PAGE} households: a page stays small however many households a municipality gets, and a
     * municipality's group may go on on the next page.
     */
    public Page page(AllocationRun run, Filter filter, int page) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Total> totals = totals(run);
        // The municipalities with a caseworker's choice come first (what was changed is reviewed first), then by name.
        Set<String> chosen = new java.util.HashSet<>();
        run.items().stream().filter(i -> i.pinned() && i.municipalityNumber() != null).forEach(i -> chosen.add(i.municipalityNumber()));
        List<AllocationRun.Item> matching = run.items().stream()
                .filter(i -> i.municipalityNumber() != null && filter.matches(i, today))
                .sorted(Comparator.comparing((AllocationRun.Item i) -> !chosen.contains(i.municipalityNumber()))
                        .thenComparing(i -> totals.get(i.municipalityNumber()).name())
                        .thenComparing(AllocationRun.Item::municipalityNumber))
                .toList();
        int pages = Math.max(1, (matching.size() + HOUSEHOLDS_PER_PAGE - 1) / HOUSEHOLDS_PER_PAGE);
        int p = Math.min(Math.max(0, page), pages - 1);
        Map<String, List<AllocationRun.Item>> groups = new LinkedHashMap<>();
        for (AllocationRun.Item i : matching.subList(p * HOUSEHOLDS_PER_PAGE, Math.min(matching.size(), (p + 1) * HOUSEHOLDS_PER_PAGE))) {
            groups.computeIfAbsent(i.municipalityNumber(), k -> new ArrayList<>()).add(i);
        }
        List<AllocationRun.Item> unassigned = run.items().stream()
                .filter(i -> i.municipalityNumber() == null && filter.matches(i, today)).toList();
        return new Page(groups.entrySet().stream().map(e -> new Group(totals.get(e.getKey()), e.getValue())).toList(),
                p, pages, matching.size(), unassigned);
    }

    /**
     * The municipalities the household may be pinned to, with places left, and those it may not, with the hard rule
     * that forbids it — the same rules the engine applies when it refuses a pin (engine {@code FeasibilityChecker}),
     * read here from the household's own round so the caseworker sees them before choosing. The engine stays the
     * judge: a pin is still checked by it. {@code query} narrows by name or number.
     */
    public Optional<List<Choice>> choices(AllocationRun run, long caseId, String query, Actor actor) {
        Optional<AllocationRun.Item> item = run.items().stream().filter(i -> i.caseId() == caseId).findFirst();
        Optional<no.bosetting.cases.CaseSummary> summary = item.flatMap(i -> cases.summary(caseId, actor));
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Instance instance = rounds.build("pick-" + caseId, List.of(summary.get()), LocalDate.now(clock));
        Household h = instance.households().isEmpty() ? null : instance.households().get(0);
        AllocationRun.Item self = item.get();
        var restriction = rounds.restrictions(List.of(caseId)).get(caseId);
        Set<String> restricted = restriction == null ? Set.of() : restriction.unsuitableMunicipalities();
        Map<String, int[]> used = new HashMap<>();
        for (AllocationRun.Item i : run.items()) {
            if (i.municipalityNumber() != null && !i.sent() && i.caseId() != caseId) {
                int[] u = used.computeIfAbsent(i.municipalityNumber(), k -> new int[2]);
                u[0] += i.persons();
                u[1] += i.unaccompaniedMinor() ? i.persons() : 0;
            }
        }
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<Choice> choices = new ArrayList<>();
        for (Municipality m : instance.municipalities()) {
            String label = municipalities.find(m.number()).map(no.bosetting.municipalities.Municipality::label).orElse(m.name());
            if (!q.isEmpty() && !label.toLowerCase(Locale.ROOT).contains(q) && !m.number().startsWith(q)) {
                continue;
            }
            int[] u = used.getOrDefault(m.number(), new int[2]);
            int left = m.remainingPlaces() - u[0];
            String[] refused = refused(h, self, m, left, m.remainingMinorPlaces() - u[1], restricted);
            choices.add(new Choice(m.number(), label, left, refused == null ? null : refused[0], refused == null ? null : refused[1],
                    m.number().equals(self.municipalityNumber())));
        }
        // Allowed first, most places left first; then the others by name.
        choices.sort(Comparator.comparing((Choice c) -> !c.allowed()).thenComparing(c -> c.allowed() ? -c.placesLeft() : 0)
                .thenComparing(Choice::label));
        return Optional.of(choices.size() > PICKER_LIMIT ? choices.subList(0, PICKER_LIMIT) : choices);
    }

    /** The hard rule that forbids the household in the municipality, as a message key and its argument; null when allowed. */
    private String[] refused(Household h, AllocationRun.Item self, Municipality m, int placesLeft, int minorPlacesLeft,
                             Set<String> restricted) {
        if (h == null) {
            return new String[] {"pick.refused.notAllocatable", null};
        }
        if (h.closeFamilyMunicipality() != null && !h.closeFamilyMunicipality().equals(m.number())) {
            return new String[] {"pick.refused.closeFamily", municipalities.name(h.closeFamilyMunicipality())};
        }
        if (restricted.contains(m.number())) {
            // A restricted concern report: the picker says only that (issue 18 item 3), never the reason.
            return new String[] {"pick.refused.restricted", null};
        }
        if (h.rejectedBy().contains(m.number())) {
            return new String[] {"pick.refused.rejected", null};
        }
        if (!m.services().containsAll(h.requiredServices())) {
            return new String[] {"pick.refused.services", null};
        }
        if (m.closedToRequests() && !m.number().equals(h.approvedDwellingMunicipality())) {
            return new String[] {"pick.refused.closed", null};
        }
        if (self.unaccompaniedMinor() && minorPlacesLeft < self.persons()) {
            return new String[] {"pick.refused.minorPlaces", String.valueOf(Math.max(0, minorPlacesLeft))};
        }
        if (placesLeft < self.persons()) {
            return new String[] {"pick.refused.places", String.valueOf(Math.max(0, placesLeft))};
        }
        return null;
    }

    /** The summary before sending: what goes where, what the caseworker changed, and what is unusual. */
    public record Summary(List<Total> municipalities, Map<String, List<AllocationRun.Item>> byMunicipality, int households, int persons,
                          int pinned, int changed, List<Total> over, List<AllocationRun.Item> longWaitingLeftOut, int alreadySent) {
    }

    public Summary summary(AllocationRun run) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Total> totals = totals(run);
        Map<String, List<AllocationRun.Item>> byMunicipality = new TreeMap<>();
        int households = 0;
        int persons = 0;
        int pinned = 0;
        int changed = 0;
        int sent = 0;
        for (AllocationRun.Item i : run.items()) {
            if (i.sent()) {
                sent++;
            } else if (i.municipalityNumber() != null) {
                byMunicipality.computeIfAbsent(i.municipalityNumber(), k -> new ArrayList<>()).add(i);
                households++;
                persons += i.persons();
                pinned += i.pinned() ? 1 : 0;
                changed += i.changed() ? 1 : 0;
            }
        }
        List<Total> list = byMunicipality.keySet().stream().map(totals::get)
                .sorted(Comparator.comparing(Total::name)).toList();
        List<AllocationRun.Item> leftOut = run.items().stream()
                .filter(i -> i.municipalityNumber() == null && isLongWaiting(i, today)).toList();
        return new Summary(list, byMunicipality, households, persons, pinned, changed,
                list.stream().filter(Total::over).toList(), leftOut, sent);
    }

    /** The households of the run the caseworker chose: every household of the chosen municipalities, and the chosen ones. */
    public static Set<Long> chosen(AllocationRun run, Set<String> municipalityNumbers, Set<Long> caseIds) {
        Set<Long> chosen = new java.util.HashSet<>(caseIds);
        run.items().stream().filter(i -> i.municipalityNumber() != null && municipalityNumbers.contains(i.municipalityNumber()))
                .forEach(i -> chosen.add(i.caseId()));
        return chosen;
    }
}
