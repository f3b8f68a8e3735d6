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
import no.bosetting.statistics.SmallCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregated views of agreed self-settlement: the public list of municipalities that accept it and
 * whether they have places left, and the statistics (demand by outcome and refusal reason, decision
 * times against the 3-working-day target, and the settlement variants told apart). No personal data;
 * counts of 1–4 are suppressed by the published {@link SmallCells} rule.
 */
@Service
@Transactional(readOnly = true)
public class SelfSettlementOverview {

    /** Places left for ASB, as the public sees it. FEW: five or fewer persons. */
    public enum PlacesLeft { YES, FEW, NO }

    public record PublicMunicipality(String number, String name, String countyName, String rulesText, Integer rentLimit,
                                     int capPercent, PlacesLeft placesLeft) {
    }

    /** The municipality's places for a year as the agency weighs them. */
    public record Places(String municipalityNumber, int year, Integer decided, int used, int asbUsed, Integer asbCap,
                         boolean acceptsAsb) {

        public Integer remaining() {
            return decided == null ? null : Math.max(0, decided - used);
        }

        public Integer asbRemaining() {
            return asbCap == null ? null : Math.max(0, asbCap - asbUsed);
        }

        /** Persons who can still be approved for ASB: within both the decided number and the cap. */
        public int left() {
            return remaining() == null || asbRemaining() == null || !acceptsAsb ? 0 : Math.min(remaining(), asbRemaining());
        }
    }

    /** One count, suppressed (null) when 1–4. */
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

    public SelfSettlementOverview(JdbcClient jdbc, Clock clock, Municipalities municipalities, SettlementDecisions decisions,
                                  SelfSettlementSettings settings, SelfSettlementRequests requests) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
        this.decisions = decisions;
        this.settings = settings;
        this.requests = requests;
    }

    public Places places(String municipalityNumber, int year) {
        PlacesUsed p = decisions.placesUsed(municipalityNumber, year);
        var setting = settings.find(municipalityNumber);
        Integer cap = p.decided() == null || setting.isEmpty() ? null : setting.get().capFor(p.decided());
        return new Places(municipalityNumber, year, p.decided(), p.used(), requests.approvedPersons(municipalityNumber, year), cap,
                setting.map(SelfSettlementSetting::accepts).orElse(false));
    }

    /** Every municipality that accepts ASB, with its rules and whether it has places left this year. */
    public List<PublicMunicipality> publicList() {
        int year = LocalDate.now(clock).getYear();
        List<PublicMunicipality> list = new ArrayList<>();
        for (SelfSettlementSetting s : settings.accepting().values()) {
            Municipality m = municipalities.find(s.municipalityNumber()).orElse(null);
            if (m == null) {
                continue;
            }
            Places p = places(m.number(), year);
            int left = p.left();
            PlacesLeft status = left <= 0 ? PlacesLeft.NO : left <= FEW ? PlacesLeft.FEW : PlacesLeft.YES;
            list.add(new PublicMunicipality(m.number(), m.name(), m.countyName(), s.rulesText(), s.rentLimit(), s.capPercent(), status));
        }
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /** Requests registered in the year by where they ended (open ones by their current status). */
    public List<Count> byOutcome(int year) {
        Map<RequestStatus, Integer> counts = new EnumMap<>(RequestStatus.class);
        for (RequestStatus s : RequestStatus.values()) {
            counts.put(s, 0);
        }
        jdbc.sql("select status, count(*) from self_settlement_request where extract(year from created_at) = :y group by status")
                .param("y", year).query((rs, n) -> counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getInt(2))).list();
        List<Count> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(new Count(k.name(), SmallCells.count(v))));
        return rows;
    }

    /** Refused requests registered in the year, by reason. */
    public List<Count> byRefusalReason(int year) {
        Map<RefusalReason, Integer> counts = new EnumMap<>(RefusalReason.class);
        for (RefusalReason r : RefusalReason.values()) {
            counts.put(r, 0);
        }
        jdbc.sql("""
                select refusal_reason, count(*) from self_settlement_request
                where status = 'REFUSED' and extract(year from created_at) = :y group by refusal_reason
                """)
                .param("y", year).query((rs, n) -> counts.put(RefusalReason.valueOf(rs.getString(1)), rs.getInt(2))).list();
        List<Count> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(new Count(k.name(), SmallCells.count(v))));
        return rows;
    }

    /** The agency's decisions on requests forwarded in the year against the target of 3 working days. */
    public DecisionTimes decisionTimes(int year) {
        List<int[]> days = jdbc.sql("""
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
        int n = days.size();
        int within = days.stream().mapToInt(a -> a[1]).sum();
        Double average = n == 0 ? null : days.stream().mapToInt(a -> a[0]).average().orElse(0);
        return new DecisionTimes(SmallCells.count(n), SmallCells.count(within), SmallCells.count(n - within),
                SmallCells.suppressed(n) || n == 0 ? null : (int) Math.round(100.0 * within / n),
                SmallCells.derived(average, n));
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
        int[] national = new int[4];
        List<VariantRow> rows = new ArrayList<>();
        byMunicipality.forEach((m, c) -> {
            for (int i = 0; i < 4; i++) {
                national[i] += c[i];
            }
            rows.add(row(m, municipalities.name(m), c));
        });
        rows.add(0, row(null, null, national));
        return rows;
    }

    private static VariantRow row(String number, String name, int[] c) {
        return new VariantRow(number, name, SmallCells.count(c[0]), SmallCells.count(c[1]), SmallCells.count(c[2]),
                SmallCells.count(c[3]), SmallCells.count(c[0] + c[1] + c[2] + c[3]));
    }
}
