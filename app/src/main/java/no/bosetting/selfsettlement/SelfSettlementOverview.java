package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.bosetting.decisions.PlacesUsed;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.statistics.Disclosure;
import no.bosetting.statistics.PublishedStatistics;
import no.bosetting.statistics.StatisticsCache;
import no.bosetting.statistics.SmallCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregated views of agreed self-settlement: the public list of municipalities that accept it and
 * whether they have places left, and the statistics (demand by outcome and refusal reason, decision
 * times against the 3-working-day target, and the settlement variants told apart). No personal data;
 * the statistics follow the published small-cell rule ({@link Disclosure}: counts of 1–4 withheld plus
 * complementary suppression), over their own sums and together with the public statistics, whose
 * used places per municipality are the variant totals here.
 */
@Service
@Transactional(readOnly = true)
public class SelfSettlementOverview {

    /**
     * Places left for ASB, as the public sees it. FEW: five or fewer persons. WITHHELD: the municipality's used
     * places are withheld in the public statistics and YES or FEW would show them to be below 5 (the decided
     * number is public), so the page asks the reader to contact the municipality instead.
     */
    public enum PlacesLeft { YES, FEW, NO, WITHHELD }

    public record PublicMunicipality(String number, String name, String countyName, String rulesText, Integer rentLimit,
                                     int capPercent, PlacesLeft placesLeft) {
    }

    /** The municipality's places for a year as the agency weighs them. */
    public record Places(PlacesUsed places, int asbUsed, Integer asbCap, boolean acceptsAsb) {

        public String municipalityNumber() {
            return places.municipalityNumber();
        }

        public int year() {
            return places.year();
        }

        public Integer decided() {
            return places.decided();
        }

        public int used() {
            return places.used();
        }

        /** The places left as the place rule counts them ({@link PlacesUsed#remaining}), never below zero. */
        public Integer remaining() {
            return places.remaining() == null ? null : Math.max(0, places.remaining());
        }

        public Integer asbRemaining() {
            return asbCap == null ? null : Math.max(0, asbCap - asbUsed);
        }

        /** Persons who can still be approved for ASB: within both the decided number and the cap. */
        public int left() {
            return remaining() == null || asbRemaining() == null || !acceptsAsb ? 0 : Math.min(remaining(), asbRemaining());
        }
    }

    /** One count, null when withheld by the small-cell rule. */
    public record Count(String key, Integer count) {
    }

    public record DecisionTimes(Integer decided, Integer withinTarget, Integer overTarget, Integer sharePercentWithin,
                                Double averageWorkingDays) {
    }

    /** Persons by settlement variant in one municipality (or nationally when number is null). */
    public record VariantRow(String municipalityNumber, String name, Integer ordinary, Integer asb, Integer municipalityInitiated,
                             Integer privateResidents, Integer total) {
    }

    public static final int FEW = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;
    private final SettlementDecisions decisions;
    private final SelfSettlementSettings settings;
    private final SelfSettlementRequests requests;
    /** The published figures as the public statistics show them (kept, issue 22 item 2): the same withheld cells. */
    private final StatisticsCache published;

    public SelfSettlementOverview(JdbcClient jdbc, Clock clock, Municipalities municipalities, SettlementDecisions decisions,
                                  SelfSettlementSettings settings, SelfSettlementRequests requests, StatisticsCache published) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
        this.decisions = decisions;
        this.settings = settings;
        this.requests = requests;
        this.published = published;
    }

    public Places places(String municipalityNumber, int year) {
        PlacesUsed p = decisions.placesUsed(municipalityNumber, year);
        var setting = settings.find(municipalityNumber);
        Integer cap = p.decided() == null || setting.isEmpty() ? null : setting.get().capFor(p.decided());
        return new Places(p, requests.approvedPersons(municipalityNumber, year), cap,
                setting.map(SelfSettlementSetting::accepts).orElse(false));
    }

    /** Every municipality that accepts ASB, with its rules and whether it has places left this year. */
    public List<PublicMunicipality> publicList() {
        int year = LocalDate.now(clock).getYear();
        java.util.Set<String> usedWithheld = new java.util.HashSet<>();
        published.figures(year, true).tables().municipalities().stream().filter(r -> r.used() < 0).forEach(r -> usedWithheld.add(r.key()));
        List<PublicMunicipality> list = new ArrayList<>();
        for (SelfSettlementSetting s : settings.accepting().values()) {
            Municipality m = municipalities.find(s.municipalityNumber()).orElse(null);
            if (m == null) {
                continue;
            }
            Places p = places(m.number(), year);
            int left = p.left();
            PlacesLeft status = left <= 0 ? PlacesLeft.NO : left <= FEW ? PlacesLeft.FEW : PlacesLeft.YES;
            if (usedWithheld.contains(m.number()) && status != PlacesLeft.NO) {
                // Left ≤ decided − used, so YES shows used ≤ decided − 6 and FEW used ≤ decided − 1 (NO shows nothing: the cap may bind).
                int upperBoundOfUsed = p.decided() - (status == PlacesLeft.YES ? FEW + 1 : 1);
                if (upperBoundOfUsed < SmallCells.THRESHOLD) {
                    status = PlacesLeft.WITHHELD;
                }
            }
            list.add(new PublicMunicipality(m.number(), m.name(), m.countyName(), s.rulesText(), s.rentLimit(), s.capPercent(), status));
        }
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /** The self-settlement statistics of a year, with the small-cell rule applied to all four tables together. */
    public record Statistics(List<Count> outcomes, List<Count> reasons, DecisionTimes times, List<VariantRow> variants) {
    }

    /**
     * The four tables, protected as one {@link Disclosure} problem: outcomes (whose REFUSED count the refusal
     * reasons add up to), decision times (decided = within + over the target) and persons by variant per
     * municipality with their totals and the national row. A municipality's variant total is its used places,
     * which the public statistics publish: where they withhold it, it is withheld here too; where they show it,
     * it is known and cannot protect anything.
     */
    public Statistics statistics(int year) {
        Map<RequestStatus, Integer> outcomes = outcomeCounts(year);
        Map<RefusalReason, Integer> reasons = reasonCounts(year);
        List<int[]> days = decisionDays(year);
        Map<String, int[]> variants = variantCounts(year);
        PublishedStatistics.Tables open = published.figures(year, true).tables();
        Map<String, Integer> usedShown = new java.util.HashMap<>();
        open.municipalities().forEach(r -> usedShown.put(r.key(), r.used()));

        Disclosure d = new Disclosure();
        outcomes.forEach((k, v) -> d.count("O/" + k, v));
        reasons.forEach((k, v) -> d.count("R/" + k, v));
        d.sum("O/" + RequestStatus.REFUSED, reasons.keySet().stream().map(k -> "R/" + k).toList());
        int n = days.size();
        int within = days.stream().mapToInt(a -> a[1]).sum();
        d.count("T/decided", n).count("T/within", within).count("T/over", n - within);
        d.sum("T/decided", List.of("T/within", "T/over"));
        int[] national = new int[4];
        List<String> totals = new ArrayList<>();
        variants.forEach((m, c) -> {
            for (int i = 0; i < 4; i++) {
                national[i] += c[i];
                d.count("V" + i + "/" + m, c[i]);
            }
            total(d, "Vt/" + m, c, usedShown.getOrDefault(m, -1));
            d.sum("Vt/" + m, List.of("V0/" + m, "V1/" + m, "V2/" + m, "V3/" + m));
            totals.add("Vt/" + m);
        });
        for (int i = 0; i < 4; i++) {
            int variant = i;
            d.count("V" + i + "/NO", national[i]);
            d.sum("V" + i + "/NO", variants.keySet().stream().map(m -> "V" + variant + "/" + m).toList());
        }
        total(d, "Vt/NO", national, open.national().used());
        d.sum("Vt/NO", totals);
        d.sum("Vt/NO", List.of("V0/NO", "V1/NO", "V2/NO", "V3/NO"));
        Disclosure.Result r = d.protect();

        List<Count> outcomeRows = new ArrayList<>();
        outcomes.forEach((k, v) -> outcomeRows.add(new Count(k.name(), r.value("O/" + k))));
        List<Count> reasonRows = new ArrayList<>();
        reasons.forEach((k, v) -> reasonRows.add(new Count(k.name(), r.value("R/" + k))));
        Integer decided = r.value("T/decided");
        Integer withinTarget = r.value("T/within");
        Double average = n == 0 ? null : days.stream().mapToInt(a -> a[0]).average().orElse(0);
        DecisionTimes times = new DecisionTimes(decided, withinTarget, r.value("T/over"),
                decided == null || withinTarget == null || n == 0 ? null : (int) Math.round(100.0 * within / n),
                decided == null ? null : average);
        List<VariantRow> variantRows = new ArrayList<>();
        variantRows.add(row(null, null, "NO", r));
        variants.keySet().forEach(m -> variantRows.add(row(m, municipalities.name(m), m, r)));
        return new Statistics(outcomeRows, reasonRows, times, variantRows);
    }

    /** A variant total: withheld where the public statistics withhold the same used places, else known from them. */
    private static void total(Disclosure d, String id, int[] c, int publishedUsed) {
        int total = c[0] + c[1] + c[2] + c[3];
        if (publishedUsed == total) {
            d.fixed(id, total);
        } else {
            d.count(id, total);
            if (publishedUsed < 0) {
                d.hide(id);
            }
        }
    }

    private static VariantRow row(String number, String name, String key, Disclosure.Result r) {
        return new VariantRow(number, name, r.value("V0/" + key), r.value("V1/" + key), r.value("V2/" + key), r.value("V3/" + key),
                r.value("Vt/" + key));
    }

    /** Requests registered in the year by where they ended (open ones by their current status). */
    public List<Count> byOutcome(int year) {
        return statistics(year).outcomes();
    }

    /** Refused requests registered in the year, by reason. */
    public List<Count> byRefusalReason(int year) {
        return statistics(year).reasons();
    }

    /** The agency's decisions on requests forwarded in the year against the target of 3 working days. */
    public DecisionTimes decisionTimes(int year) {
        return statistics(year).times();
    }

    /**
     * Persons with a decision (offered or settled) in the place year, by variant: ASB by the agency's
     * definition (an approved request); municipality-initiated self-settlement (the municipality gave
     * the accepted household time to find its own dwelling); private residents (the household's
     * recorded living situation is PRIVATE, i.e. living outside the reception system — AMOT/MAMOT are
     * reception and do not count) not already in the first two; ordinary settlement for the rest.
     * The first row is the national total; municipalities follow.
     */
    public List<VariantRow> variants(int year) {
        return statistics(year).variants();
    }

    private Map<RequestStatus, Integer> outcomeCounts(int year) {
        Map<RequestStatus, Integer> counts = new EnumMap<>(RequestStatus.class);
        for (RequestStatus s : RequestStatus.values()) {
            counts.put(s, 0);
        }
        jdbc.sql("select status, count(*) from self_settlement_request where extract(year from created_at) = :y group by status")
                .param("y", year).query((rs, n) -> counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }

    /** Refused requests registered in the year by reason, before the small-cell rule (also those refused at once). */
    Map<RefusalReason, Integer> reasonCounts(int year) {
        Map<RefusalReason, Integer> counts = new EnumMap<>(RefusalReason.class);
        for (RefusalReason r : RefusalReason.values()) {
            counts.put(r, 0);
        }
        jdbc.sql("""
                select refusal_reason, count(*) from self_settlement_request
                where status = 'REFUSED' and extract(year from created_at) = :y group by refusal_reason
                """)
                .param("y", year).query((rs, n) -> counts.put(RefusalReason.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }

    /** Per decided request forwarded in the year: working days taken, and 1 when within the target. */
    private List<int[]> decisionDays(int year) {
        return jdbc.sql("""
                select forwarded_at, decided_at from self_settlement_request
                where forwarded_at is not null and decided_at is not null and status in ('APPROVED', 'REFUSED')
                  and extract(year from forwarded_at) = :y
                """)
                .param("y", year)
                .query((rs, n) -> {
                    LocalDate f = rs.getObject(1, java.time.OffsetDateTime.class).atZoneSameInstant(no.bosetting.shared.TimeConfig.OSLO).toLocalDate();
                    LocalDate d = rs.getObject(2, java.time.OffsetDateTime.class).atZoneSameInstant(no.bosetting.shared.TimeConfig.OSLO).toLocalDate();
                    return new int[]{DecisionTarget.workingDaysBetween(f, d), d.isAfter(DecisionTarget.due(f)) ? 0 : 1};
                })
                .list();
    }

    private Map<String, int[]> variantCounts(int year) {
        Map<String, int[]> byMunicipality = new TreeMap<>();
        jdbc.sql("""
                select d.municipality_number,
                       case when exists (select 1 from self_settlement_request r where r.case_id = d.case_id and r.status = 'APPROVED') then 1
                            when exists (select 1 from municipality_initiated_self_settlement m where m.case_id = d.case_id) then 2
                            when c.living_situation = 'PRIVATE' then 3
                            else 0 end as variant,
                       count(*)
                from settlement_decision d join settlement_case c on c.id = d.case_id
                where d.place_year = :y and d.status in ('OFFERED', 'SETTLED')
                group by 1, 2
                """)
                .param("y", year)
                .query((rs, n) -> byMunicipality.computeIfAbsent(rs.getString(1), k -> new int[4])[rs.getInt(2)] += rs.getInt(3))
                .list();
        return byMunicipality;
    }
}
