package no.bosetting.statistics.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.shared.web.Messages;
import no.bosetting.statistics.BarChart;
import no.bosetting.statistics.LivingSituationRow;
import no.bosetting.statistics.MunicipalWaiting;
import no.bosetting.statistics.NorwayMap;
import no.bosetting.statistics.ProgressRow;
import no.bosetting.statistics.PublishedStatistics;
import no.bosetting.statistics.SmallCells;
import no.bosetting.shared.export.TableExport;
import no.bosetting.statistics.WaitingRow;
import no.bosetting.statistics.WaitingStatistics;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Builds the statistics page's model and its exportable tables, for staff and for the public. With
 * {@code suppress} every count comes from {@link PublishedStatistics#suppressed}: the small-cell rule
 * (primary and complementary suppression) applied to all tables of the year together, so the page, the
 * map, the charts and every export show the same withheld cells.
 */
@Component
public class StatisticsView {

    /** Tables that can be exported, by their name in the URL. */
    public static final List<String> TABLES = List.of("kommuner", "fylker", "sentralitet", "ventetid", "boforhold", "ventetid-kommuner",
            "boforhold-serier");

    /** What the map is coloured by: the fill ratio, or the median waiting time to settlement or to acceptance. */
    public enum MapMode {
        FILL("fyllingsgrad"), SETTLEMENT("ventetid-bosetting"), ACCEPTANCE("ventetid-aksept");

        private final String param;

        MapMode(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        public static MapMode of(String param) {
            for (MapMode m : values()) {
                if (m.param.equals(param)) {
                    return m;
                }
            }
            return FILL;
        }

        WaitingStatistics.Measure measure() {
            return this == ACCEPTANCE ? WaitingStatistics.Measure.ACCEPTANCE : WaitingStatistics.Measure.SETTLEMENT;
        }
    }

    /** Upper bounds (inclusive, days) of the waiting-time map's colour bands b0–b3; b4 is everything above. */
    public static final int[] MAP_DAYS = {30, 60, 90, 180};

    private final no.bosetting.statistics.StatisticsCache statistics;
    private final NorwayMap map;
    private final Messages messages;

    public StatisticsView(no.bosetting.statistics.StatisticsCache statistics, NorwayMap map, Messages messages) {
        this.statistics = statistics;
        this.map = map;
        this.messages = messages;
    }

    public void populate(Model model, int year, boolean suppress) {
        populate(model, year, suppress, MapMode.FILL);
    }

    /** All tables of the year, with the small-cell rule applied when {@code suppress}, as last computed. */
    private PublishedStatistics.Tables tables(int year, boolean suppress) {
        return statistics.figures(year, suppress).tables();
    }

    /** When the year's figures in that form were computed (the time every output of them states). */
    public java.time.Instant asOf(int year, boolean suppress) {
        return statistics.figures(year, suppress).asOf();
    }

    public void populate(Model model, int year, boolean suppress, MapMode mapMode) {
        no.bosetting.statistics.StatisticsCache.Figures figures = statistics.figures(year, suppress);
        PublishedStatistics.Tables tables = figures.tables();
        model.addAttribute("figuresAsOf", figures.asOf());
        String mark = messages.get("statistics.suppressedMark");
        List<ProgressRow> municipalities = tables.municipalities();
        List<ProgressRow> counties = tables.counties();
        List<ProgressRow> centrality = tables.centrality();
        List<WaitingRow> waiting = tables.waiting();
        List<LivingSituationRow> living = tables.living();
        model.addAttribute("year", year);
        model.addAttribute("national", tables.national());
        model.addAttribute("municipalityRows", municipalities);
        model.addAttribute("countyRows", counties);
        model.addAttribute("centralityRows", centrality);
        model.addAttribute("countyChart", progressChart(counties, false, mark));
        model.addAttribute("centralityChart", progressChart(centrality, true, mark));
        model.addAttribute("waitingRows", waiting);
        model.addAttribute("bands", bandLabels());
        WaitingRow all = waiting.get(0);
        model.addAttribute("waitingChart", BarChart.of(bandLabels(), all.distribution().stream().map(n -> new int[]{n}).toList(),
                List.of(messages.get("statistics.waiting.households")), mark));
        model.addAttribute("livingRows", living);
        model.addAttribute("livingSeries", tables.livingSeries());
        model.addAttribute("livingChart", BarChart.of(living.stream().map(r -> messages.get("living." + r.livingSituation())).toList(),
                living.stream().map(r -> new int[]{r.persons()}).toList(), List.of(messages.get("statistics.living.persons")), mark));
        model.addAttribute("mapWidth", map.width());
        model.addAttribute("mapHeight", map.height());
        model.addAttribute("mapMode", mapMode);
        model.addAttribute("mapModes", MapMode.values());
        if (mapMode == MapMode.FILL) {
            model.addAttribute("mapAreas", mapAreas(municipalities));
        } else {
            List<MunicipalWaiting> waitingRows = tables.municipalWaiting(mapMode.measure());
            model.addAttribute("mapAreas", waitingAreas(waitingRows, mapMode));
            model.addAttribute("municipalWaitingRows", waitingRows.stream().filter(r -> r.households() != 0).toList());
        }
        model.addAttribute("mapBands", List.of("b0", "b1", "b2", "b3", "b4", "none"));
        model.addAttribute("mapLegend", mapLegend(mapMode, suppress));
        model.addAttribute("suppress", suppress);
        model.addAttribute("threshold", SmallCells.THRESHOLD);
        model.addAttribute("tables", TABLES);
        // Secondary moves within five years and IMDi's settlement history (statistics/moves-history.html).
        model.addAttribute("moves", figures.moves());
        model.addAttribute("movesCountedYears", no.bosetting.statistics.MovesAndHistory.COUNTED_YEARS);
        model.addAttribute("settlementHistory", figures.history());
    }

    public record MapArea(String number, String d, String band, String title) {
    }

    private List<MapArea> mapAreas(List<ProgressRow> rows) {
        Map<String, ProgressRow> byNumber = new HashMap<>();
        rows.forEach(r -> byNumber.put(r.key(), r));
        List<MapArea> areas = new ArrayList<>();
        map.paths().forEach((number, d) -> {
            ProgressRow r = byNumber.get(number);
            Double ratio = r == null ? null : r.fillRatio();
            String title = r == null ? number : r.used() < 0 ? messages.get("statistics.map.suppressed", r.name())
                    : messages.get("statistics.map.title", r.name(),
                    ratio == null ? messages.get("statistics.map.noDecision") : NorwayMap.percent(ratio), r.used(), r.decided());
            areas.add(new MapArea(number, d, NorwayMap.band(ratio), title));
        });
        return areas;
    }

    /** The waiting-time colour class of a median; the legend names the same bands in text. */
    public static String waitingBand(Double medianDays) {
        if (medianDays == null) {
            return "none";
        }
        for (int i = 0; i < MAP_DAYS.length; i++) {
            if (medianDays <= MAP_DAYS[i]) {
                return "b" + i;
            }
        }
        return "b" + MAP_DAYS.length;
    }

    private List<MapArea> waitingAreas(List<MunicipalWaiting> rows, MapMode mode) {
        Map<String, MunicipalWaiting> byNumber = new HashMap<>();
        rows.forEach(r -> byNumber.put(r.number(), r));
        String event = messages.get("statistics.map.event." + mode.name());
        List<MapArea> areas = new ArrayList<>();
        map.paths().forEach((number, d) -> {
            MunicipalWaiting r = byNumber.get(number);
            String title;
            if (r == null) {
                title = number;
            } else if (r.hidden()) {
                title = messages.get("statistics.map.waiting.suppressed", r.name());
            } else if (r.medianDays() == null) {
                title = messages.get("statistics.map.waiting.none", r.name(), event);
            } else {
                title = messages.get("statistics.map.waiting.title", r.name(), Math.round(r.medianDays()), event, r.households());
            }
            areas.add(new MapArea(number, d, waitingBand(r == null ? null : r.medianDays()), title));
        });
        return areas;
    }

    /** Legend text per band, in band order b0–b4 then "none". */
    private List<String> mapLegend(MapMode mode, boolean suppress) {
        List<String> labels = new ArrayList<>();
        if (mode == MapMode.FILL) {
            for (String b : List.of("b0", "b1", "b2", "b3", "b4")) {
                labels.add(messages.get("statistics.band." + b));
            }
            labels.add(messages.get(suppress ? "statistics.band.noneOrSuppressed" : "statistics.band.none"));
            return labels;
        }
        int from = 0;
        for (int upper : MAP_DAYS) {
            labels.add(messages.get("statistics.band", from, upper));
            from = upper + 1;
        }
        labels.add(messages.get("statistics.band.over", from - 1));
        labels.add(messages.get(suppress ? "statistics.map.waiting.noneOrFew" : "statistics.map.waiting.noHouseholds"));
        return labels;
    }

    private BarChart progressChart(List<ProgressRow> rows, boolean centrality, String mark) {
        return BarChart.of(rows.stream().map(r -> centrality ? messages.get("statistics.centrality.class", r.key()) : r.name()).toList(),
                rows.stream().map(r -> new int[]{r.requested(), r.decided(), r.used()}).toList(),
                List.of(messages.get("statistics.requested"), messages.get("statistics.decided"), messages.get("statistics.used")), mark);
    }

    private List<String> bandLabels() {
        List<String> labels = new ArrayList<>();
        int from = 0;
        for (int upper : WaitingStatistics.BANDS) {
            labels.add(messages.get("statistics.band", from, upper));
            from = upper + 1;
        }
        labels.add(messages.get("statistics.band.over", from - 1));
        return labels;
    }

    /** The named table as an export; unknown names give null. Suppressed cells are exported as the mark. */
    public TableExport.Table table(String name, int year, boolean suppress) {
        if (!TABLES.contains(name)) {
            return null;
        }
        PublishedStatistics.Tables tables = tables(year, suppress);
        List<ProgressRow> municipalities = tables.municipalities();
        String mark = messages.get("statistics.suppressedMark");
        List<String> progressHeaders = List.of(messages.get("statistics.col.number"), messages.get("statistics.col.name"),
                messages.get("statistics.requested"), messages.get("statistics.decided"), messages.get("statistics.settled"),
                messages.get("statistics.accepted"));
        switch (name) {
            case "kommuner" -> {
                List<String> headers = new ArrayList<>(progressHeaders);
                headers.add(2, messages.get("statistics.col.county"));
                return new TableExport.Table(messages.get("statistics.table.kommuner", year), headers,
                        municipalities.stream().map(r -> List.<Object>of(r.key(), r.name(), r.countyName(), r.requested(), r.decided(),
                                count(r.settled(), mark), count(r.acceptedNotSettled(), mark))).toList());
            }
            case "fylker" -> {
                return new TableExport.Table(messages.get("statistics.table.fylker", year), progressHeaders,
                        tables.counties().stream().map(r -> progressCells(r, mark)).toList());
            }
            case "sentralitet" -> {
                return new TableExport.Table(messages.get("statistics.table.sentralitet", year), progressHeaders,
                        tables.centrality().stream().map(r -> progressCells(r, mark)).toList());
            }
            case "ventetid" -> {
                List<String> headers = new ArrayList<>(List.of(messages.get("statistics.col.householdType"),
                        messages.get("statistics.waiting.allocated"), messages.get("statistics.waiting.avgAllocation"),
                        messages.get("statistics.waiting.accepted"), messages.get("statistics.waiting.avgAcceptance"),
                        messages.get("statistics.waiting.settled"), messages.get("statistics.waiting.avgSettlement"),
                        messages.get("statistics.waiting.median"), messages.get("statistics.waiting.within3"),
                        messages.get("statistics.waiting.within6"), messages.get("statistics.waiting.within12")));
                headers.addAll(bandLabels());
                List<List<Object>> rows = new ArrayList<>();
                for (WaitingRow w : tables.waiting()) {
                    List<Object> cells = new ArrayList<>(List.of(messages.get(WaitingStatistics.ALL.equals(w.householdType())
                            ? "statistics.allHouseholds" : "household." + w.householdType())));
                    cells.add(count(w.allocatedHouseholds(), mark));
                    cells.add(round(w.avgDaysToAllocation(), w.allocatedHouseholds(), mark));
                    cells.add(count(w.acceptedHouseholds(), mark));
                    cells.add(round(w.avgDaysToAcceptance(), w.acceptedHouseholds(), mark));
                    cells.add(count(w.settledHouseholds(), mark));
                    cells.add(round(w.avgDaysToSettlement(), w.settledHouseholds(), mark));
                    cells.add(round(w.medianDaysToSettlement(), w.settledHouseholds(), mark));
                    cells.add(percent(w.shareWithin3Months(), w.settledHouseholds(), mark));
                    cells.add(percent(w.shareWithin6Months(), w.settledHouseholds(), mark));
                    cells.add(percent(w.shareWithin12Months(), w.settledHouseholds(), mark));
                    w.distribution().forEach(n -> cells.add(count(n, mark)));
                    rows.add(cells);
                }
                return new TableExport.Table(messages.get("statistics.table.ventetid", year), headers, rows);
            }
            case "boforhold" -> {
                return new TableExport.Table(messages.get("statistics.table.boforhold", year),
                        List.of(messages.get("statistics.col.livingSituation"), messages.get("statistics.living.persons"),
                                messages.get("statistics.living.households")),
                        tables.living().stream().map(r -> List.<Object>of(messages.get("living." + r.livingSituation()),
                                count(r.persons(), mark), count(r.households(), mark))).toList());
            }
            case "ventetid-kommuner" -> {
                List<MunicipalWaiting> settled = tables.settlementWaiting();
                List<MunicipalWaiting> accepted = tables.acceptanceWaiting();
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 0; i < settled.size(); i++) {
                    MunicipalWaiting s = settled.get(i);
                    MunicipalWaiting a = accepted.get(i);
                    List<Object> cells = new ArrayList<>(List.of(s.number(), s.name(), s.countyName()));
                    cells.add(count(s.households(), mark));
                    cells.add(round(s.medianDays(), s.households(), mark));
                    cells.add(count(a.households(), mark));
                    cells.add(round(a.medianDays(), a.households(), mark));
                    rows.add(cells);
                }
                return new TableExport.Table(messages.get("statistics.table.ventetid-kommuner", year),
                        List.of(messages.get("statistics.col.number"), messages.get("statistics.col.name"),
                                messages.get("statistics.col.county"), messages.get("statistics.waiting.settled"),
                                messages.get("statistics.waiting.medianSettlement"), messages.get("statistics.waiting.accepted"),
                                messages.get("statistics.waiting.medianAcceptance")), rows);
            }
            case "boforhold-serier" -> {
                return new TableExport.Table(messages.get("statistics.table.boforhold-serier", year),
                        List.of(messages.get("statistics.col.series"), messages.get("statistics.living.persons"),
                                messages.get("statistics.living.households")),
                        tables.livingSeries().stream().map(r -> List.<Object>of(messages.get("statistics.series." + r.livingSituation()),
                                count(r.persons(), mark), count(r.households(), mark))).toList());
            }
            default -> {
                return null;
            }
        }
    }

    private static List<Object> progressCells(ProgressRow r, String mark) {
        return List.of(r.key(), r.name(), r.requested(), r.decided(), count(r.settled(), mark), count(r.acceptedNotSettled(), mark));
    }

    private static Object count(int n, String mark) {
        return n < 0 ? mark : n;
    }

    /** A value derived from {@code base} households: the mark when withheld (the base is, or the value is though the base is not 0). */
    private static Object round(Double v, int base, String mark) {
        return base < 0 || (v == null && base > 0) ? mark : v == null ? null : Math.round(v);
    }

    private static Object percent(Double v, int base, String mark) {
        return base < 0 || (v == null && base > 0) ? mark : v == null ? null : Math.round(v * 1000) / 10.0;
    }
}
