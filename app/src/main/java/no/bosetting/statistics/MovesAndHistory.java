package no.bosetting.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two read models for the statistics pages: secondary moves within five years of settlement per municipality (out and
 * in, under the small-cell rule for the public) and IMDi's requested, decided and settled numbers per year from the
 * indicator tables, with their sources.
 */
@Component
public class MovesAndHistory {

    /** Moves within this many years of settlement are counted (report 001 lines 835–845). */
    public static final int COUNTED_YEARS = 5;

    private final JdbcClient jdbc;

    public MovesAndHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One municipality's persons moving out and in during the year; null where withheld. */
    public record MoveRow(String municipalityNumber, Integer out, Integer in) {
    }

    /** The rows (municipalities with a move) and the national total; null where withheld. */
    public record Moves(List<MoveRow> rows, Integer total) {
    }

    /** Persons who moved in the year within {@link #COUNTED_YEARS} years of their settlement, by municipality. */
    public Moves moves(int year, boolean suppress) {
        Map<String, int[]> counts = new TreeMap<>();
        jdbc.sql("""
                select from_municipality, to_municipality, count(*) from secondary_move
                where moved_on < settled_on + make_interval(years => :counted)
                  and moved_on >= make_date(:y, 1, 1) and moved_on < make_date(:y + 1, 1, 1)
                group by from_municipality, to_municipality
                """)
                .param("counted", COUNTED_YEARS).param("y", year)
                .query((rs, n) -> {
                    int persons = rs.getInt(3);
                    counts.computeIfAbsent(rs.getString(1), k -> new int[2])[0] += persons;
                    counts.computeIfAbsent(rs.getString(2), k -> new int[2])[1] += persons;
                    return null;
                }).list();
        int total = counts.values().stream().mapToInt(c -> c[0]).sum();
        if (!suppress) {
            List<MoveRow> rows = counts.entrySet().stream().map(e -> new MoveRow(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
            return new Moves(rows, total);
        }
        // The small-cell rule of every public table: 1–4 withheld, and whatever would let a reader work one out
        // (the national total is the sum of the outs and also of the ins).
        Disclosure d = new Disclosure();
        List<String> outs = new ArrayList<>();
        List<String> ins = new ArrayList<>();
        counts.forEach((m, c) -> {
            d.count("out:" + m, c[0]);
            d.count("in:" + m, c[1]);
            outs.add("out:" + m);
            ins.add("in:" + m);
        });
        d.count("total", total);
        if (!counts.isEmpty()) {
            d.sum("total", outs);
            d.sum("total", ins);
        }
        Disclosure.Result shown = d.protect();
        List<MoveRow> rows = counts.keySet().stream()
                .map(m -> new MoveRow(m, shown.value("out:" + m), shown.value("in:" + m))).toList();
        return new Moves(rows, shown.value("total"));
    }

    /** IMDi's national figures for one year: sums of the published municipal figures (minimums where IMDi suppressed). */
    public record HistoryYear(int year, Integer requested, Integer decided, Integer settled, int municipalitiesSettled, String note) {
    }

    public List<HistoryYear> history() {
        Map<Integer, Integer[]> years = new TreeMap<>();
        Map<Integer, String> notes = new TreeMap<>();
        Map<Integer, Integer> settledCount = new TreeMap<>();
        jdbc.sql("select indicator, year, sum(value)::int, count(*), max(note) from indicator_value "
                        + "where indicator in ('REQUESTED', 'DECIDED', 'SETTLED') group by indicator, year")
                .query((rs, n) -> {
                    int slot = switch (rs.getString(1)) {
                        case "REQUESTED" -> 0;
                        case "DECIDED" -> 1;
                        default -> 2;
                    };
                    int y = rs.getInt(2);
                    years.computeIfAbsent(y, k -> new Integer[3])[slot] = rs.getInt(3);
                    if (slot == 2) {
                        settledCount.put(y, rs.getInt(4));
                        if (rs.getString(5) != null) {
                            notes.put(y, rs.getString(5));
                        }
                    }
                    return null;
                }).list();
        return years.entrySet().stream().map(e -> new HistoryYear(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                settledCount.getOrDefault(e.getKey(), 0), notes.get(e.getKey()))).toList();
    }

    /** The distinct sources behind the history, for the attribution under the table. */
    public List<String> historySources() {
        return jdbc.sql("select distinct source from indicator_value where indicator in ('REQUESTED', 'DECIDED', 'SETTLED') order by source")
                .query(String.class).list();
    }
}
