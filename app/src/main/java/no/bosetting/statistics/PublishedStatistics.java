package no.bosetting.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import org.springframework.stereotype.Service;

/**
 * Every statistics table of a year, computed once: as the agency sees it ({@link #unsuppressed}) or with the
 * small-cell rule applied to all tables together ({@link #suppressed}) — the form every public output and
 * every signed-in role but the agency gets: the public page and map, the open API, the CSV/XLSX exports.
 *
 * <p>The tables share margins and populations, so they are protected as one {@link Disclosure} problem:
 * <ul>
 *   <li>progress (persons): settled, accepted-not-settled and used (their sum) per municipality, summed per
 *       county, per centrality class and nationally (two groupings of the same municipalities);</li>
 *   <li>waiting times (households) per household type with the all-households row: allocated, accepted and
 *       settled, the settled households per waiting band (which add up to the settled ones), and those settled
 *       within 3, 6 and 12 months (published as shares; the households between them are derived counts);</li>
 *   <li>households settled and accepted per municipality (the waiting-time map and its table), which add up to
 *       the all-households row;</li>
 *   <li>persons and households settled by living situation before settlement and by series, whose totals are the
 *       national settled persons and the settled households.</li>
 * </ul>
 * A municipality's settled persons and settled households, the national settled persons and households, and a
 * living situation's persons and households count one population and are withheld together. An average,
 * median or share is shown only when the count it is computed from is.
 */
@Service
public class PublishedStatistics {

    /** The statistics of a year; in the suppressed form a withheld count is −1 and a value derived from it null. */
    public record Tables(int year, List<ProgressRow> municipalities, List<ProgressRow> counties, List<ProgressRow> centrality,
                         ProgressRow national, List<WaitingRow> waiting, List<MunicipalWaiting> settlementWaiting,
                         List<MunicipalWaiting> acceptanceWaiting, List<LivingSituationRow> living,
                         List<LivingSituationRow> livingSeries) {

        public List<MunicipalWaiting> municipalWaiting(WaitingStatistics.Measure measure) {
            return measure == WaitingStatistics.Measure.SETTLEMENT ? settlementWaiting : acceptanceWaiting;
        }
    }

    private static final String[] MEASURES = {"S", "A", "U"};

    private final StatisticsQueries queries;
    private final Municipalities municipalities;

    public PublishedStatistics(StatisticsQueries queries, Municipalities municipalities) {
        this.queries = queries;
        this.municipalities = municipalities;
    }

    /** All tables as computed, for the agency. */
    public Tables unsuppressed(int year) {
        List<ProgressRow> rows = queries.byMunicipality(year);
        List<CaseTimeline> timelines = queries.timelines(year);
        List<LivingSituationRow> living = queries.livingSituation(year);
        return new Tables(year, rows, queries.byCounty(rows), queries.byCentrality(rows), queries.national(rows),
                queries.waiting(year, timelines), queries.waitingByMunicipality(year, WaitingStatistics.Measure.SETTLEMENT, timelines),
                queries.waitingByMunicipality(year, WaitingStatistics.Measure.ACCEPTANCE, timelines), living,
                StatisticsQueries.livingSeries(living));
    }

    /** All tables with the small-cell rule applied to them together. */
    public Tables suppressed(int year) {
        return suppress(unsuppressed(year));
    }

    /** The rule on a given set of tables (public for tests that build their own). */
    public Tables suppress(Tables t) {
        Disclosure d = new Disclosure();
        Map<String, Municipality> byNumber = new LinkedHashMap<>();
        municipalities.all().forEach(m -> byNumber.put(m.number(), m));

        // Progress, persons.
        progressCells(d, t.municipalities(), "m");
        progressCells(d, t.counties(), "c");
        progressCells(d, t.centrality(), "k");
        progressCells(d, List.of(t.national()), "N");
        for (String x : MEASURES) {
            Map<String, List<String>> byCounty = new LinkedHashMap<>();
            Map<String, List<String>> byClass = new LinkedHashMap<>();
            for (ProgressRow r : t.municipalities()) {
                Municipality m = byNumber.get(r.key());
                byCounty.computeIfAbsent(m.countyNumber(), k -> new ArrayList<>()).add(id(x, "m", r.key()));
                byClass.computeIfAbsent(String.valueOf(m.centrality()), k -> new ArrayList<>()).add(id(x, "m", r.key()));
            }
            byCounty.forEach((c, parts) -> d.sum(id(x, "c", c), parts));
            byClass.forEach((k, parts) -> d.sum(id(x, "k", k), parts));
            d.sum(id(x, "N", "NO"), t.counties().stream().map(r -> id(x, "c", r.key())).toList());
            d.sum(id(x, "N", "NO"), t.centrality().stream().map(r -> id(x, "k", r.key())).toList());
        }

        // Waiting times per household type, households.
        for (WaitingRow w : t.waiting()) {
            String type = w.householdType();
            d.count("Wal/" + type, w.allocatedHouseholds());
            d.count("Wac/" + type, w.acceptedHouseholds());
            d.count("Ws/" + type, w.settledHouseholds());
            for (int b = 0; b < w.distribution().size(); b++) {
                d.count("Wb" + b + "/" + type, w.distribution().get(b));
            }
            int m3 = within(w.shareWithin3Months(), w.settledHouseholds());
            int m6 = within(w.shareWithin6Months(), w.settledHouseholds());
            int m12 = within(w.shareWithin12Months(), w.settledHouseholds());
            d.count("Wm3/" + type, m3).count("Wm6/" + type, m6).count("Wm12/" + type, m12);
            d.internal("Wd1/" + type, m6 - m3).internal("Wd2/" + type, m12 - m6).internal("Wd3/" + type, w.settledHouseholds() - m12);
            d.sum("Ws/" + type, bands(w, type));
            d.sum("Wm6/" + type, List.of("Wm3/" + type, "Wd1/" + type));
            d.sum("Wm12/" + type, List.of("Wm6/" + type, "Wd2/" + type));
            d.sum("Ws/" + type, List.of("Wm12/" + type, "Wd3/" + type));
        }
        List<String> types = t.waiting().stream().map(WaitingRow::householdType).filter(s -> !WaitingStatistics.ALL.equals(s)).toList();
        List<String> measures = new ArrayList<>(List.of("Wal", "Wac", "Ws", "Wm3", "Wm6", "Wm12"));
        for (int b = 0; b <= WaitingStatistics.BANDS.length; b++) {
            measures.add("Wb" + b);
        }
        for (String x : measures) {
            d.sum(x + "/" + WaitingStatistics.ALL, types.stream().map(type -> x + "/" + type).toList());
        }

        // Households settled and accepted per municipality; they add up to the all-households row.
        for (MunicipalWaiting w : t.settlementWaiting()) {
            d.count("Vs/" + w.number(), w.households());
            d.link(id("S", "m", w.number()), "Vs/" + w.number());
        }
        for (MunicipalWaiting w : t.acceptanceWaiting()) {
            d.count("Vac/" + w.number(), w.households());
        }
        d.sum("Ws/" + WaitingStatistics.ALL, t.settlementWaiting().stream().map(w -> "Vs/" + w.number()).toList());
        d.sum("Wac/" + WaitingStatistics.ALL, t.acceptanceWaiting().stream().map(w -> "Vac/" + w.number()).toList());
        d.link(id("S", "N", "NO"), "Ws/" + WaitingStatistics.ALL);

        // Living situation before settlement: situations, their series, and the national totals.
        for (LivingSituationRow r : t.living()) {
            d.count("Lp/" + r.livingSituation(), r.persons()).count("Lh/" + r.livingSituation(), r.households());
            d.link("Lp/" + r.livingSituation(), "Lh/" + r.livingSituation());
        }
        for (LivingSituationRow r : t.livingSeries()) {
            String series = r.livingSituation();
            d.count("Lp/g/" + series, r.persons()).count("Lh/g/" + series, r.households());
            d.link("Lp/g/" + series, "Lh/g/" + series);
            List<String> members = t.living().stream()
                    .filter(l -> LivingSituationRow.series(l.livingSituation()).name().equals(series)).map(LivingSituationRow::livingSituation).toList();
            d.sum("Lp/g/" + series, members.stream().map(s -> "Lp/" + s).toList());
            d.sum("Lh/g/" + series, members.stream().map(s -> "Lh/" + s).toList());
        }
        d.sum(id("S", "N", "NO"), t.livingSeries().stream().map(r -> "Lp/g/" + r.livingSituation()).toList());
        d.sum("Ws/" + WaitingStatistics.ALL, t.livingSeries().stream().map(r -> "Lh/g/" + r.livingSituation()).toList());

        Disclosure.Result r = d.protect();

        return new Tables(t.year(), published(t.municipalities(), "m", r), published(t.counties(), "c", r),
                published(t.centrality(), "k", r), published(List.of(t.national()), "N", r).get(0),
                t.waiting().stream().map(w -> published(w, r)).toList(),
                t.settlementWaiting().stream().map(w -> published(w, "Vs/", r)).toList(),
                t.acceptanceWaiting().stream().map(w -> published(w, "Vac/", r)).toList(),
                t.living().stream().map(l -> published(l, "Lp/", "Lh/", r)).toList(),
                t.livingSeries().stream().map(l -> published(l, "Lp/g/", "Lh/g/", r)).toList());
    }

    private static String id(String measure, String level, String key) {
        return measure + "/" + level + "/" + ("N".equals(level) ? "NO" : key);
    }

    private static void progressCells(Disclosure d, List<ProgressRow> rows, String level) {
        for (ProgressRow r : rows) {
            d.count(id("S", level, r.key()), r.settled());
            d.count(id("A", level, r.key()), r.acceptedNotSettled());
            d.count(id("U", level, r.key()), r.used());
            d.sum(id("U", level, r.key()), List.of(id("S", level, r.key()), id("A", level, r.key())));
        }
    }

    private static List<String> bands(WaitingRow w, String type) {
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < w.distribution().size(); b++) {
            ids.add("Wb" + b + "/" + type);
        }
        return ids;
    }

    /** Households behind a share: the share is within/settled, so this is exact. */
    private static int within(Double share, int settled) {
        return share == null ? 0 : (int) Math.round(share * settled);
    }

    private static List<ProgressRow> published(List<ProgressRow> rows, String level, Disclosure.Result r) {
        return rows.stream().map(row -> row.published(r.orMinusOne(id("S", level, row.key())), r.orMinusOne(id("A", level, row.key())),
                r.orMinusOne(id("U", level, row.key())))).toList();
    }

    private static WaitingRow published(WaitingRow w, Disclosure.Result r) {
        String t = "/" + w.householdType();
        boolean settled = r.isShown("Ws" + t);
        return new WaitingRow(w.householdType(), r.orMinusOne("Wal" + t), r.isShown("Wal" + t) ? w.avgDaysToAllocation() : null,
                r.orMinusOne("Wac" + t), r.isShown("Wac" + t) ? w.avgDaysToAcceptance() : null,
                r.orMinusOne("Ws" + t), settled ? w.avgDaysToSettlement() : null, settled ? w.medianDaysToSettlement() : null,
                settled && r.isShown("Wm3" + t) ? w.shareWithin3Months()  : null,
                settled && r.isShown("Wm6" + t) ? w.shareWithin6Months()  : null,
                settled && r.isShown("Wm12" + t) ? w.shareWithin12Months()  : null,
                java.util.stream.IntStream.range(0, w.distribution().size()).mapToObj(b -> r.orMinusOne("Wb" + b + t)).toList());
    }

    private static MunicipalWaiting published(MunicipalWaiting w, String prefix, Disclosure.Result r) {
        boolean shown = r.isShown(prefix + w.number());
        return new MunicipalWaiting(w.number(), w.name(), w.countyName(), shown ? w.households() : -1, shown ? w.medianDays() : null);
    }

    private static LivingSituationRow published(LivingSituationRow l, String persons, String households, Disclosure.Result r) {
        return new LivingSituationRow(l.livingSituation(), r.orMinusOne(persons + l.livingSituation()),
                r.orMinusOne(households + l.livingSituation()));
    }
}
