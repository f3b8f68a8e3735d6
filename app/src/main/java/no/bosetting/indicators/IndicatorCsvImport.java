package no.bosetting.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.FieldProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a CSV file of indicator figures per municipality: one row per municipality, indicator and year, each
 * with its source and table id. Every row is checked first — an unknown municipality number, an unknown
 * indicator, a year or value that is not a number or out of range, a row repeating another's municipality,
 * indicator and year, a missing source — and every problem is reported with its line. A file with any problem,
 * or with a column missing, imports nothing; otherwise every row is stored in one transaction, replacing an
 * earlier figure for the same municipality, indicator and year.
 */
@Service
public class IndicatorCsvImport {

    public static final List<String> COLUMNS = List.of("kommunenummer", "indikator", "aar", "verdi", "kilde", "tabell");
    private static final int MAX_ROWS = 50_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;

    public IndicatorCsvImport(JdbcClient jdbc, Clock clock, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
    }

    /** One problem on one line of the file (line 1 is the header). */
    public record RowProblem(long line, FieldProblem problem) {
    }

    /** The outcome: the rows stored (0 when refused) and every problem, file-wide ones on line 1. */
    public record Report(int imported, List<RowProblem> problems) {
        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    private record Row(long line, Indicator indicator, String municipality, int year, BigDecimal value, String source, String table) {
    }

    public static boolean mayImport(Actor actor) {
        return actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN);
    }

    /** Reads the bytes as UTF-8 (a byte-order mark is skipped); bytes that are not UTF-8 refuse the file. */
    @Transactional
    public Report importCsv(InputStream in, String fileName, Actor actor) {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        return importCsv(reader, fileName, actor);
    }

    @Transactional
    public Report importCsv(Reader source, String fileName, Actor actor) {
        if (!mayImport(actor)) {
            throw new no.bosetting.shared.CommandFailedException(no.bosetting.shared.CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        List<RowProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try {
            read(source, rows, problems);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new RowProblem(1, FieldProblem.of("file", "indicators.error.unreadable")));
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new RowProblem(1, FieldProblem.of("file", "indicators.error.empty")));
        }
        if (!problems.isEmpty()) {
            return new Report(0, List.copyOf(problems));
        }
        long importId = jdbc.sql("""
                insert into indicator_import (file_name, row_count, imported_at, imported_by) values (:f, :n, :now, :by) returning id
                """)
                .param("f", fileName == null || fileName.isBlank() ? "indikatorer.csv" : fileName.trim()).param("n", rows.size())
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).query(Long.class).single();
        for (Row r : rows) {
            jdbc.sql("""
                    insert into indicator_value (indicator, municipality_number, year, value, source, table_id, note, import_id)
                    values (:i, :m, :y, :v, :s, :t, null, :imp)
                    on conflict (indicator, municipality_number, year) do update set value = excluded.value, source = excluded.source,
                        table_id = excluded.table_id, note = null, import_id = excluded.import_id
                    """)
                    .param("i", r.indicator().name()).param("m", r.municipality()).param("y", r.year()).param("v", r.value())
                    .param("s", r.source()).param("t", r.table()).param("imp", importId).update();
        }
        return new Report(rows.size(), List.of());
    }

    private void read(Reader source, List<Row> rows, List<RowProblem> problems) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        reader.mark(4096);
        String first = reader.readLine();
        reader.reset();
        if (first != null && first.startsWith("\uFEFF")) {
            reader.read();
        }
        char delimiter = first != null && first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
                .setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            for (String column : COLUMNS) {
                if (!header.contains(column)) {
                    problems.add(new RowProblem(1, FieldProblem.of(column, "indicators.error.column", column, String.join(", ", COLUMNS))));
                }
            }
            if (!problems.isEmpty()) {
                return;
            }
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (rows.size() + problems.size() >= MAX_ROWS) {
                    problems.add(new RowProblem(line, FieldProblem.of("file", "indicators.error.tooMany", MAX_ROWS)));
                    return;
                }
                Row row = row(line, record, header.size(), problems);
                if (row == null) {
                    continue;
                }
                String key = row.indicator() + "|" + row.municipality() + "|" + row.year();
                Long earlier = seen.putIfAbsent(key, line);
                if (earlier != null) {
                    problems.add(new RowProblem(line, FieldProblem.of("kommunenummer", "indicators.error.duplicate",
                            row.municipality(), row.indicator().code(), row.year(), earlier)));
                    continue;
                }
                rows.add(row);
            }
        }
    }

    /** The row, or null after adding each of its problems. */
    private Row row(long line, CSVRecord record, int columns, List<RowProblem> problems) {
        int before = problems.size();
        if (record.size() != columns) {
            problems.add(new RowProblem(line, FieldProblem.of("row", "indicators.error.cells", record.size(), columns)));
            return null;
        }
        String number = record.get("kommunenummer");
        if (number.matches("\\d{3}")) {
            number = "0" + number; // a spreadsheet dropped the leading zero
        }
        if (municipalities.find(number).isEmpty()) {
            problems.add(new RowProblem(line, FieldProblem.of("kommunenummer", "indicators.error.municipality", record.get("kommunenummer"))));
        }
        Indicator indicator = Indicator.ofCode(record.get("indikator")).orElse(null);
        if (indicator == null) {
            problems.add(new RowProblem(line, FieldProblem.of("indikator", "indicators.error.indicator", record.get("indikator"),
                    String.join(", ", java.util.Arrays.stream(Indicator.values()).map(Indicator::code).toList()))));
        }
        Integer year = null;
        try {
            year = Integer.valueOf(record.get("aar"));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (year == null || year < 1990 || year > 2100) {
            problems.add(new RowProblem(line, FieldProblem.of("aar", "indicators.error.year", record.get("aar"))));
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(record.get("verdi").replace(" ", "").replace('\u00a0', ' ').replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(line, FieldProblem.of("verdi", "indicators.error.value", record.get("verdi"))));
        }
        if (value != null && indicator != null && !indicator.inRange(value)) {
            problems.add(new RowProblem(line, FieldProblem.of("verdi", indicator.persons() ? "indicators.error.persons" : "indicators.error.share",
                    record.get("verdi"), indicator.code(), indicator.max())));
        }
        if (record.get("kilde").isBlank()) {
            problems.add(new RowProblem(line, FieldProblem.of("kilde", "indicators.error.source")));
        }
        if (record.get("tabell").isBlank()) {
            problems.add(new RowProblem(line, FieldProblem.of("tabell", "indicators.error.table")));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Row(line, indicator, number, year, value, record.get("kilde"), record.get("tabell"));
    }
}
