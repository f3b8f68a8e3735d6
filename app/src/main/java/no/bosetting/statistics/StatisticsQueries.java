package no.bosetting.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.SettlementTarget;
import no.bosetting.decisions.PlacesUsed;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.planning.CapacityRequest;
import no.bosetting.planning.CapacityRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The statistics read model. Progress numbers come from the planning and decisions modules' public
 * APIs, so they are the very numbers the capacity rule uses; waiting times and living situation are
 * aggregated with read-only SQL over the case tables, always computed live.
 */
@Service
public class StatisticsQueries {

    /** Open households past their settlement target ({@link SettlementTarget}, the one rule the case list uses too). */
    private static final String PAST_TARGET = SettlementTarget.dueDateSql("permit_date", "household_type") + " < :today";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;
    private final CapacityRequests requests;
    private final CapacityDecisions decisions;
    private final SettlementDecisions places;

    public StatisticsQueries(JdbcClient jdbc, Clock clock, Municipalities municipalities, CapacityRequests requests,
                             CapacityDecisions decisions, SettlementDecisions places) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
        this.requests = requests;
        this.decisions = decisions;
        this.places = places;
    }

    /** One row per municipality (all 357), in number order. */
    public List<ProgressRow> byMunicipality(int year) {
        Map<String, CapacityRequest> requested = requests.latestForYear(year);
        Map<String, CapacityDecision> decided = decisions.forYear(year);
        Map<String, PlacesUsed> used = new HashMap<>();
        places.placesForYear(year).forEach(p -> used.put(p.municipalityNumber(), p));
        List<ProgressRow> rows = new ArrayList<>();
        for (Municipality m : municipalities.all()) {
            CapacityRequest r = requested.get(m.number());
            CapacityDecision d = decided.get(m.number());
            PlacesUsed p = used.get(m.number());
            rows.add(new ProgressRow(m.number(), m.name(), m.countyName(), r == null ? 0 : r.persons(), d == null ? 0 : d.yearShare(),
                    p == null ? 0 : p.settled(), p == null ? 0 : p.acceptedNotSettled()));
        }
        return rows;
    }

    /**
     * Reunified family members who joined settled households, a series of their own (issue 14 item 4; report 003 lines
     * 2976–2986: reunification drives the need for large dwellings): per county for the year, counted where their
     * places count, in county order; counties without any are left out.
     */
    public List<Count> reunifiedByCounty(int year) {
        Map<String, Integer> byCounty = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (PlacesUsed p : places.placesForYear(year)) {
            if (p.reunified() > 0) {
                Municipality m = municipalities.find(p.municipalityNumber()).orElseThrow();
                byCounty.merge(m.countyNumber(), p.reunified(), Integer::sum);
                names.put(m.countyNumber(), m.countyName());
            }
        }
        return byCounty.entrySet().stream().map(e -> new Count(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
    }

    public record Count(String key, String name, int count) {
    }

    public List<ProgressRow> byCounty(List<ProgressRow> municipalityRows) {
        Map<String, ProgressRow> sums = new TreeMap<>();
        for (ProgressRow r : municipalityRows) {
            Municipality m = municipalities.find(r.key()).orElseThrow();
            sums.merge(m.countyNumber(), new ProgressRow(m.countyNumber(), m.countyName(), m.countyName(), r.requested(), r.decided(),
                    r.settled(), r.acceptedNotSettled()), ProgressRow::plus);
        }
        return List.copyOf(sums.values());
    }

    /** Keyed by class "1"–"6"; the name is left to the page's language. */
    public List<ProgressRow> byCentrality(List<ProgressRow> municipalityRows) {
        Map<String, ProgressRow> sums = new TreeMap<>();
        for (ProgressRow r : municipalityRows) {
            String c = String.valueOf(municipalities.find(r.key()).orElseThrow().centrality());
            sums.merge(c, new ProgressRow(c, c, null, r.requested(), r.decided(), r.settled(), r.acceptedNotSettled()), ProgressRow::plus);
        }
        return List.copyOf(sums.values());
    }

    public ProgressRow national(List<ProgressRow> municipalityRows) {
        return municipalityRows.stream().reduce(new ProgressRow("NO", "Norge", null, 0, 0, 0, 0), ProgressRow::plus);
    }

    /** Households with any of permit-to-allocation, -acceptance or -settlement ending in the year. */
    public List<CaseTimeline> timelines(int year) {
        return jdbc.sql("""
                with t as (
                    select c.id, c.household_type, c.persons, c.permit_date,
                           (select min(h.occurred_at)::date from case_history h where h.case_id = c.id and h.command = 'PROPOSE') as allocated,
                           (select min(h.occurred_at)::date from case_history h where h.case_id = c.id and h.command = 'ACCEPT') as accepted,
                           (select min(d.settlement_date) from settlement_decision d where d.case_id = c.id and d.status = 'SETTLED') as settled,
                           -- A protected household counts nationally, never in a municipality's cell (issue 18 item 4).
                           case when p.protected then null else
                           (select d.municipality_number from settlement_decision d where d.case_id = c.id
                            order by d.decided_at, d.id limit 1) end as accepted_municipality,
                           case when p.protected then null else
                           (select d.municipality_number from settlement_decision d where d.case_id = c.id and d.status = 'SETTLED'
                            order by d.settlement_date, d.id limit 1) end as settled_municipality
                    from settlement_case c
                    cross join lateral (select exists (select 1 from person pp where pp.case_id = c.id and pp.removed_on is null
                                                       and pp.address_protection is not null) as protected) p
                )
                select * from t where extract(year from allocated) = :y or extract(year from accepted) = :y or extract(year from settled) = :y
                """)
                .param("y", year)
                .query((rs, n) -> new CaseTimeline(rs.getLong("id"), rs.getString("household_type"), rs.getInt("persons"),
                        rs.getObject("permit_date", LocalDate.class), rs.getObject("allocated", LocalDate.class),
                        rs.getObject("accepted", LocalDate.class), rs.getObject("settled", LocalDate.class),
                        rs.getString("accepted_municipality"), rs.getString("settled_municipality")))
                .list();
    }

    /**
     * Median days from permit to settlement (or acceptance) per municipality for the households whose event
     * fell in the year: one row for every municipality, in number order, with 0 households where there were none.
     */
    public List<MunicipalWaiting> waitingByMunicipality(int year, WaitingStatistics.Measure measure) {
        return waitingByMunicipality(year, measure, timelines(year));
    }

    /** The same from timelines already read for the year. */
    public List<MunicipalWaiting> waitingByMunicipality(int year, WaitingStatistics.Measure measure, List<CaseTimeline> timelines) {
        Map<String, long[]> days = WaitingStatistics.daysByMunicipality(timelines, year, measure);
        List<MunicipalWaiting> rows = new ArrayList<>();
        for (Municipality m : municipalities.all()) {
            long[] d = days.getOrDefault(m.number(), new long[0]);
            rows.add(new MunicipalWaiting(m.number(), m.name(), m.countyName(), d.length, WaitingStatistics.medianOf(d)));
        }
        return rows;
    }

    public List<WaitingRow> waiting(int year) {
        return waiting(year, timelines(year));
    }

    /** The same from timelines already read for the year. */
    public List<WaitingRow> waiting(int year, List<CaseTimeline> timelines) {
        return WaitingStatistics.compute(timelines, year, Arrays.stream(HouseholdType.values()).map(Enum::name).toList());
    }

    /**
     * Persons and households settled in the year by living situation before settlement, every situation listed.
     * One rule for both: a person's situation is the last residence entry starting on or before their settlement
     * date (the case's registered situation when there is no entry); a household is counted once, in the year
     * of its first settlement date, under its main member's situation on that date. AMOT and MAMOT are their own
     * situations (part of the reception system) and are never counted as private.
     */
    public List<LivingSituationRow> livingSituation(int year) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (LivingSituation s : LivingSituation.values()) {
            if (s != LivingSituation.SETTLED_IN_MUNICIPALITY) {
                counts.put(s.name(), new int[2]);
            }
        }
        jdbc.sql("""
                with settled as (
                    select d.person_id, d.case_id, d.settlement_date from settlement_decision d
                    where d.status = 'SETTLED' and extract(year from d.settlement_date) = :y
                ), before as (
                    select s.person_id, s.case_id,
                           coalesce((select h.kind from residence_history h
                                     where h.person_id = s.person_id and h.from_date <= s.settlement_date
                                       and h.kind <> 'SETTLED_IN_MUNICIPALITY'
                                     order by h.from_date desc, h.id desc limit 1),
                                    (select c.living_situation from settlement_case c where c.id = s.case_id)) as kind
                    from settled s
                )
                select kind, count(*) from before group by kind
                """)
                .param("y", year)
                .query((rs, n) -> counts.computeIfAbsent(rs.getString(1), k -> new int[2])[0] += rs.getInt(2))
                .list();
        jdbc.sql("""
                with first_settled as (
                    select d.case_id, min(d.settlement_date) as settlement_date from settlement_decision d
                    where d.status = 'SETTLED' group by d.case_id
                ), households as (
                    select f.case_id, f.settlement_date,
                           (select p.id from person p where p.case_id = f.case_id
                            order by case when p.relation = 'MAIN' then 0 else 1 end, p.id limit 1) as main_person
                    from first_settled f where extract(year from f.settlement_date) = :y
                )
                select coalesce((select h.kind from residence_history h
                                 where h.person_id = x.main_person and h.from_date <= x.settlement_date
                                   and h.kind <> 'SETTLED_IN_MUNICIPALITY'
                                 order by h.from_date desc, h.id desc limit 1),
                                (select c.living_situation from settlement_case c where c.id = x.case_id)) as kind, count(*)
                from households x group by 1
                """)
                .param("y", year)
                .query((rs, n) -> counts.computeIfAbsent(rs.getString(1), k -> new int[2])[1] += rs.getInt(2))
                .list();
        List<LivingSituationRow> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(new LivingSituationRow(k, v[0], v[1])));
        return rows;
    }

    /**
     * The three published series of living situation before settlement (reception, AMOT/MAMOT, private) plus
     * the rest, summed from {@link #livingSituation(int)} rows so both tables always agree.
     */
    public static List<LivingSituationRow> livingSeries(List<LivingSituationRow> rows) {
        Map<String, int[]> sums = new LinkedHashMap<>();
        for (LivingSituationRow.Series series : LivingSituationRow.Series.values()) {
            sums.put(series.name(), new int[2]);
        }
        for (LivingSituationRow r : rows) {
            int[] sum = sums.get(LivingSituationRow.series(r.livingSituation()).name());
            sum[0] += r.persons();
            sum[1] += r.households();
        }
        List<LivingSituationRow> result = new ArrayList<>();
        sums.forEach((k, v) -> result.add(new LivingSituationRow(k, v[0], v[1])));
        return result;
    }

    /** Open households past their settlement target ({@link SettlementTarget}), longest first. */
    public List<LongWaiting> longWaiting(int limit) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select id, reference, household_type, persons, status, living_situation, permit_date from settlement_case
                where status not in ('SETTLED', 'DECLINED', 'CLOSED') and %s
                order by permit_date, id limit :limit
                """.formatted(PAST_TARGET))
                .param("today", today).param("limit", limit)
                .query((rs, n) -> {
                    LocalDate permit = rs.getObject("permit_date", LocalDate.class);
                    return new LongWaiting(rs.getLong("id"), rs.getString("reference"), rs.getString("household_type"), rs.getInt("persons"),
                            rs.getString("status"), rs.getString("living_situation"), permit, ChronoUnit.DAYS.between(permit, today));
                })
                .list();
    }

    public int longWaitingCount() {
        return jdbc.sql("select count(*) from settlement_case where status not in ('SETTLED', 'DECLINED', 'CLOSED') and " + PAST_TARGET)
                .param("today", LocalDate.now(clock)).query(Integer.class).single();
    }

    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /** The first year the statistics answer for: older figures are not in Bosetting. */
    public static final int FIRST_YEAR = 2000;

    /**
     * The year a statistics page, export or API call asks for: this year when none is given, otherwise a year from
     * {@link #FIRST_YEAR} to next year (decisions for next year are made in the autumn). The one rule for every page and
     * the API; it also bounds the years the kept figures (StatisticsCache) can be asked to compute.
     */
    public int yearOrCurrent(Integer year) {
        int current = currentYear();
        if (year == null) {
            return current;
        }
        if (year < FIRST_YEAR || year > current + 1) {
            throw new YearOutOfRange(year, FIRST_YEAR, current + 1);
        }
        return year;
    }

    /** A year outside what the statistics answer for, with the years they do. */
    public static final class YearOutOfRange extends RuntimeException {
        private final int year;
        private final int first;
        private final int last;

        YearOutOfRange(int year, int first, int last) {
            super("year must be between " + first + " and " + last + ", not " + year);
            this.year = year;
            this.first = first;
            this.last = last;
        }

        public int year() {
            return year;
        }

        public int first() {
            return first;
        }

        public int last() {
            return last;
        }
    }
}
