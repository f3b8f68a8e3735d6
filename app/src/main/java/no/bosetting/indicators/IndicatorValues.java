package no.bosetting.indicators;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the indicator tables: the figures the request criteria use and the settlement history the statistics show. */
@Service
public class IndicatorValues {

    private static final String COLUMNS = "indicator, municipality_number, year, value, source, table_id, note";

    private final JdbcClient jdbc;

    public IndicatorValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each municipality with a figure, the one of the latest year at or before {@code upToYear}. */
    public Map<String, IndicatorValue> latest(Indicator indicator, int upToYear) {
        Map<String, IndicatorValue> result = new HashMap<>();
        jdbc.sql("select distinct on (municipality_number) " + COLUMNS + " from indicator_value "
                        + "where indicator = :i and year <= :y order by municipality_number, year desc")
                .param("i", indicator.name()).param("y", upToYear)
                .query((rs, n) -> map(rs)).list().forEach(v -> result.put(v.municipalityNumber(), v));
        return result;
    }

    /** Every figure of the indicator in the years, by municipality number and year. */
    public List<IndicatorValue> series(Indicator indicator, int fromYear, int toYear) {
        return jdbc.sql("select " + COLUMNS + " from indicator_value where indicator = :i and year between :f and :t "
                        + "order by municipality_number, year")
                .param("i", indicator.name()).param("f", fromYear).param("t", toYear).query((rs, n) -> map(rs)).list();
    }

    /** The years that have at least one figure of the indicator, oldest first. */
    public List<Integer> years(Indicator indicator) {
        return jdbc.sql("select distinct year from indicator_value where indicator = :i order by year")
                .param("i", indicator.name()).query(Integer.class).list();
    }

    /** One municipality's figures, all indicators, oldest first. */
    public List<IndicatorValue> forMunicipality(String municipalityNumber) {
        return jdbc.sql("select " + COLUMNS + " from indicator_value where municipality_number = :m order by indicator, year")
                .param("m", municipalityNumber).query((rs, n) -> map(rs)).list();
    }

    /** IMDi's requested, decided and settled persons for one year (null where there is no published figure). */
    public record HistoryYear(int year, IndicatorValue requested, IndicatorValue decided, IndicatorValue settled) {
    }

    /** A municipality's settlement history from the indicator tables, oldest year first. */
    public List<HistoryYear> settlementHistory(String municipalityNumber) {
        java.util.TreeMap<Integer, IndicatorValue[]> years = new java.util.TreeMap<>();
        for (IndicatorValue v : forMunicipality(municipalityNumber)) {
            int slot = switch (v.indicator()) {
                case REQUESTED -> 0;
                case DECIDED -> 1;
                case SETTLED -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                years.computeIfAbsent(v.year(), y -> new IndicatorValue[3])[slot] = v;
            }
        }
        return years.entrySet().stream().map(e -> new HistoryYear(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    /** What the tables hold: per indicator, year and source, how many municipalities have a figure. */
    public List<Coverage> coverage() {
        return jdbc.sql("""
                select indicator, year, source, table_id, count(*) from indicator_value
                group by indicator, year, source, table_id order by indicator, year, source
                """)
                .query((rs, n) -> new Coverage(Indicator.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5)))
                .list();
    }

    public record Coverage(Indicator indicator, int year, String source, String tableId, int municipalities) {
    }

    /** The files imported, newest first. */
    public List<ImportRecord> imports() {
        return jdbc.sql("select id, file_name, row_count, imported_at, imported_by from indicator_import order by id desc limit 50")
                .query((rs, n) -> new ImportRecord(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
                .list();
    }

    public record ImportRecord(long id, String fileName, int rows, OffsetDateTime importedAt, String importedBy) {
    }

    private static IndicatorValue map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new IndicatorValue(Indicator.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                rs.getString(5), rs.getString(6), rs.getString(7));
    }
}
