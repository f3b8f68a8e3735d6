package no.bosetting.decisions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecisions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place rule (issue 14 item 1): settled plus accepted-not-yet-settled never exceeds a municipality's decided
 * number for a year. {@link #take} is the only way places are taken — acceptances of distribution lists, engine rounds'
 * proposals when accepted, self-settlement approvals, a registered date that moves a place into another year, a
 * reunified family member joining a settled household, and the demo replay through them. It locks the decision
 * ({@link CapacityDecisions#lock}: the year's row, a period's first year's row first), counts the places of the year
 * (of a period: of all its years, against the period's total) and answers. A range decision may be filled up to its
 * maximum (planning and, unless the allocation policy says otherwise, the engine use the minimum: {@link #engineRoom});
 * reunified family members count inside the number unless the decision puts them on top. Nothing outside this module
 * counts places itself ({@code PlacesAreCountedOnlyByThePlaceRuleTest}).
 */
@Service
public class PlaceRule {

    /** Per year: settled, accepted-not-settled, unaccompanied minors and reunified family members (:m, :a–:b). */
    private static final String COUNTS_SQL = """
            select municipality_number, place_year,
                   coalesce(sum(case when status = 'SETTLED' then 1 else 0 end), 0),
                   coalesce(sum(case when status = 'OFFERED' then 1 else 0 end), 0),
                   coalesce(sum(case when unaccompanied_minor then 1 else 0 end), 0),
                   coalesce(sum(case when reunified then 1 else 0 end), 0)
            from settlement_decision
            where place_year between :a and :b and status in ('OFFERED', 'SETTLED')
            """;

    private final JdbcClient jdbc;
    private final CapacityDecisions capacity;
    private final Municipalities municipalities;

    PlaceRule(JdbcClient jdbc, CapacityDecisions capacity, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.capacity = capacity;
        this.municipalities = municipalities;
    }

    /**
     * Takes places for {@code persons} in {@code municipalityNumber} in {@code year}, of whom {@code unaccompaniedMinors}
     * are unaccompanied minors and {@code reunifiedPersons} reunified family members, under the decision's lock (held
     * until the caller's transaction ends; the caller then writes its decisions). With an agency {@code override} (null
     * for none) the places are taken whatever the count, and the caller stores its reason. Returns why not, if not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<PlacesRefused> take(String municipalityNumber, int year, int persons, int unaccompaniedMinors,
                                        int reunifiedPersons, PlaceOverride override) {
        String name = municipalities.name(municipalityNumber);
        if (override != null && !override.actor().isAgency()) {
            return Optional.of(new PlacesRefused(PlacesRefused.Reason.OVERRIDE_AGENCY_ONLY, municipalityNumber, name, year, null, 0, persons));
        }
        Optional<CapacityDecision> decision = capacity.lock(municipalityNumber, year);
        if (override != null) {
            return Optional.empty();
        }
        if (decision.isEmpty()) {
            return Optional.of(new PlacesRefused(PlacesRefused.Reason.NO_DECISION, municipalityNumber, name, year, null, 0, persons));
        }
        PlacesUsed places = placesUsed(municipalityNumber, year, decision);
        if (!places.roomForPersons(places.counted(persons, reunifiedPersons))) {
            return Optional.of(new PlacesRefused(PlacesRefused.Reason.PERSONS, municipalityNumber, name, year, places.ceiling(),
                    places.used(), places.counted(persons, reunifiedPersons)));
        }
        if (unaccompaniedMinors > 0 && !places.roomForMinors(unaccompaniedMinors)) {
            return Optional.of(new PlacesRefused(PlacesRefused.Reason.UNACCOMPANIED_MINORS, municipalityNumber, name, year,
                    places.decidedMinors(), places.minorsUsed(), unaccompaniedMinors));
        }
        return Optional.empty();
    }

    /**
     * Whether {@link #take} would give the places now, without taking them or waiting for the lock: for a look ahead
     * (the demo's municipality deciding whether to accept). The answer may be stale by the time places are taken.
     */
    @Transactional(readOnly = true)
    public boolean wouldFit(String municipalityNumber, int year, int persons, int unaccompaniedMinors, int reunifiedPersons) {
        return placesUsed(municipalityNumber, year).roomFor(persons, unaccompaniedMinors, reunifiedPersons);
    }

    /**
     * The room the allocation engine may propose into per municipality in {@code year}: {@code limit} the number it works
     * to (for even pace), {@code persons} and {@code unaccompaniedMinors} the places left under it, {@code used} the places used.
     */
    public record Room(String municipalityNumber, int limit, int persons, int unaccompaniedMinors, int used) {
    }

    /**
     * The room per municipality with a decision in {@code year} for an engine round: up to the number planning works
     * with (a range's minimum; what is left of a period), or up to a range's maximum when the allocation policy says
     * so ({@code upToRangeMaximum}); never below zero.
     */
    @Transactional(readOnly = true)
    public Map<String, Room> engineRoom(int year, boolean upToRangeMaximum) {
        Map<String, Room> room = new HashMap<>();
        for (PlacesUsed p : placesForYear(year)) {
            if (p.decided() == null) {
                continue;
            }
            int limit = upToRangeMaximum ? p.ceiling() : p.decided();
            int minors = p.decidedMinors() == null ? 0 : Math.max(0, p.decidedMinors() - p.minorsUsed());
            room.put(p.municipalityNumber(), new Room(p.municipalityNumber(), limit, Math.max(0, limit - p.used()), minors,
                    p.used()));
        }
        return room;
    }

    /** The agency planner's reason for a decided number set below the places used, shown with the places. */
    public String loweringOverride(String municipalityNumber, int year) {
        return capacity.loweringOverrideReason(municipalityNumber, year).orElse(null);
    }

    public PlacesUsed placesUsed(String municipalityNumber, int year) {
        return placesUsed(municipalityNumber, year, capacity.find(municipalityNumber, year));
    }

    private PlacesUsed placesUsed(String municipalityNumber, int year, Optional<CapacityDecision> decision) {
        int from = decision.map(CapacityDecision::firstYear).orElse(year);
        int to = decision.map(CapacityDecision::lastYear).orElse(year);
        Map<Integer, int[]> byYear = new HashMap<>();
        jdbc.sql(COUNTS_SQL + " and municipality_number = :m group by municipality_number, place_year")
                .param("a", from).param("b", to).param("m", municipalityNumber)
                .query((rs, n) -> byYear.put(rs.getInt(2), counts(rs))).list();
        return of(municipalityNumber, year, decision.orElse(null), byYear);
    }

    /** Places per municipality for a year, for overviews; municipalities without decision or use are left out. */
    public List<PlacesUsed> placesForYear(int year) {
        Map<String, CapacityDecision> decisions = capacity.forYear(year);
        int from = decisions.values().stream().mapToInt(CapacityDecision::firstYear).min().orElse(year);
        int to = decisions.values().stream().mapToInt(CapacityDecision::lastYear).max().orElse(year);
        Map<String, Map<Integer, int[]>> counts = new HashMap<>();
        jdbc.sql(COUNTS_SQL + " group by municipality_number, place_year")
                .param("a", Math.min(from, year)).param("b", Math.max(to, year))
                .query((rs, n) -> counts.computeIfAbsent(rs.getString(1), m -> new HashMap<>()).put(rs.getInt(2), counts(rs)))
                .list();
        TreeSet<String> numbers = new TreeSet<>(decisions.keySet());
        counts.forEach((m, byYear) -> {
            if (byYear.containsKey(year)) {
                numbers.add(m);
            }
        });
        List<PlacesUsed> places = new ArrayList<>();
        for (String m : numbers) {
            places.add(of(m, year, decisions.get(m), counts.getOrDefault(m, Map.of())));
        }
        return places;
    }

    /** Settled, accepted, unaccompanied minors and reunified family members of the years {@code from}–{@code to}. */
    static int[] counted(JdbcClient jdbc, String municipalityNumber, int from, int to) {
        int[] sum = new int[4];
        jdbc.sql(COUNTS_SQL + " and municipality_number = :m group by municipality_number, place_year")
                .param("a", from).param("b", to).param("m", municipalityNumber)
                .query((rs, n) -> {
                    int[] c = counts(rs);
                    for (int i = 0; i < 4; i++) {
                        sum[i] += c[i];
                    }
                    return c;
                }).list();
        return sum;
    }

    private static int[] counts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new int[]{rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)};
    }

    /**
     * The places of {@code year} against the decision: a year's number; a range's minimum, with its maximum as the
     * ceiling; a period's total less the places its other years have used (what is left of the period).
     */
    private static PlacesUsed of(String m, int year, CapacityDecision d, Map<Integer, int[]> byYear) {
        int[] c = byYear.getOrDefault(year, new int[4]);
        if (d == null) {
            return new PlacesUsed(m, year, null, null, c[0], c[1], c[2], null, c[3], false, null, null, null);
        }
        int decided = d.persons();
        int decidedMinors = d.unaccompaniedMinors();
        if (d.period()) {
            for (int y = d.firstYear(); y <= d.lastYear(); y++) {
                int[] other = byYear.get(y);
                if (y != year && other != null) {
                    decided -= other[0] + other[1] - (d.reunifiedOnTop() ? other[3] : 0);
                    decidedMinors -= other[2];
                }
            }
        }
        Integer ceiling = d.kind() == CapacityDecision.Kind.RANGE ? d.maxPersons() : decided;
        return new PlacesUsed(m, year, decided, decidedMinors, c[0], c[1], c[2], ceiling, c[3], d.reunifiedOnTop(),
                d.kind().name(), d.periodFirstYear(), d.periodLastYear());
    }
}
