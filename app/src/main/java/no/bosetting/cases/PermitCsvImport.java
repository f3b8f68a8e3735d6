package no.bosetting.cases;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.shared.FieldProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * A batch of permits as CSV, one row per person, rows of one household sharing a permit reference.
 * Each household is imported on its own, so one bad row stops only its household; the report
 * names every row's outcome and problems.
 */
@Service
public class PermitCsvImport {

    public static final List<String> COLUMNS = List.of("permit_reference", "permit_type", "permit_date",
            "living_situation", "reception_centre_id", "municipality_number", "duf_number", "national_id", "d_number",
            "given_name", "family_name", "birth_date", "sex", "citizenship", "relation", "phone", "email");

    private static final int MAX_ROWS = 20_000;

    private final PermitImport permitImport;

    public PermitCsvImport(PermitImport permitImport) {
        this.permitImport = permitImport;
    }

    public enum RowStatus { CREATED, UNCHANGED, ERROR }

    public record RowResult(long row, String permitReference, RowStatus status, String caseReference,
                            List<FieldProblem> problems) {
    }

    public record Report(List<RowResult> rows, List<FieldProblem> fileProblems) {
        public long count(RowStatus status) {
            return rows.stream().filter(r -> r.status() == status).count();
        }

        public long households(RowStatus status) {
            return rows.stream().filter(r -> r.status() == status).map(RowResult::permitReference).distinct().count();
        }
    }

    public Report importCsv(Reader reader, Actor actor) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setDelimiter(detectDelimiter(reader)).get();
        List<RowResult> results = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = COLUMNS.stream().filter(c -> !Set.of("phone", "email", "national_id", "d_number",
                    "reception_centre_id", "municipality_number").contains(c))
                    .filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                return new Report(List.of(), List.of(FieldProblem.of("file", "error.csv.missingColumns", String.join(", ", missing))));
            }
            Map<String, List<CSVRecord>> households = new LinkedHashMap<>();
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_ROWS) {
                    return new Report(results, List.of(FieldProblem.of("file", "error.csv.tooManyRows", MAX_ROWS)));
                }
                households.computeIfAbsent(get(record, "permit_reference"), k -> new ArrayList<>()).add(record);
            }
            for (Map.Entry<String, List<CSVRecord>> household : households.entrySet()) {
                results.addAll(importHousehold(household.getKey(), household.getValue(), actor));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Report(results, List.of(FieldProblem.of("file", "error.csv.unreadable", e.getMessage())));
        }
        return new Report(results, List.of());
    }

    private List<RowResult> importHousehold(String reference, List<CSVRecord> rows, Actor actor) {
        Map<Long, List<FieldProblem>> rowProblems = new LinkedHashMap<>();
        List<PermitImportRequest.PersonData> persons = new ArrayList<>();
        CSVRecord first = rows.get(0);
        PermitType permitType = parseEnum(PermitType.class, first, "permit_type", rowProblems);
        LocalDate permitDate = parseDate(first, "permit_date", rowProblems);
        LivingSituation living = parseEnum(LivingSituation.class, first, "living_situation", rowProblems);
        Long centreId = parseLong(first, "reception_centre_id", rowProblems);
        for (CSVRecord row : rows) {
            persons.add(new PermitImportRequest.PersonData(get(row, "duf_number"), get(row, "national_id"), get(row, "d_number"),
                    get(row, "given_name"), get(row, "family_name"), parseDate(row, "birth_date", rowProblems),
                    get(row, "sex") == null ? null : get(row, "sex").toUpperCase(),
                    get(row, "citizenship") == null ? null : get(row, "citizenship").toUpperCase(),
                    parseEnum(Relation.class, row, "relation", rowProblems), get(row, "phone"), get(row, "email")));
        }
        List<RowResult> results = new ArrayList<>();
        if (rowProblems.isEmpty()) {
            PermitImportRequest request = new PermitImportRequest(reference, permitType, permitDate, living, centreId,
                    get(first, "municipality_number"), persons);
            ImportOutcome outcome = permitImport.importPermit(request, actor);
            if (outcome.ok()) {
                for (CSVRecord row : rows) {
                    results.add(new RowResult(row.getRecordNumber() + 1, reference,
                            outcome.created() ? RowStatus.CREATED : RowStatus.UNCHANGED, outcome.caseReference(), List.of()));
                }
                return results;
            }
            for (FieldProblem p : outcome.problems()) {
                long rowNumber = first.getRecordNumber();
                String field = p.field();
                if (field.startsWith("persons[")) {
                    int index = Integer.parseInt(field.substring(8, field.indexOf(']')));
                    rowNumber = rows.get(index).getRecordNumber();
                    field = field.substring(field.indexOf('.') + 1);
                }
                rowProblems.computeIfAbsent(rowNumber, k -> new ArrayList<>()).add(new FieldProblem(column(field), p.messageKey(), p.args()));
            }
        }
        for (CSVRecord row : rows) {
            List<FieldProblem> problems = rowProblems.getOrDefault(row.getRecordNumber(), List.of());
            if (problems.isEmpty()) {
                problems = List.of(FieldProblem.of("permit_reference", "error.csv.householdRejected"));
            }
            // Line numbers count the header line, as a spreadsheet shows them.
            results.add(new RowResult(row.getRecordNumber() + 1, reference, RowStatus.ERROR, null, problems));
        }
        return results;
    }

    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    private static String get(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String v = record.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static LocalDate parseDate(CSVRecord record, String column, Map<Long, List<FieldProblem>> problems) {
        String v = get(record, column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.computeIfAbsent(record.getRecordNumber(), k -> new ArrayList<>())
                    .add(FieldProblem.of(column, "error.csv.date", v));
            return null;
        }
    }

    private static Long parseLong(CSVRecord record, String column, Map<Long, List<FieldProblem>> problems) {
        String v = get(record, column);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            problems.computeIfAbsent(record.getRecordNumber(), k -> new ArrayList<>())
                    .add(FieldProblem.of(column, "error.csv.number", v));
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, CSVRecord record, String column,
                                                   Map<Long, List<FieldProblem>> problems) {
        String v = get(record, column);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase());
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            problems.computeIfAbsent(record.getRecordNumber(), k -> new ArrayList<>())
                    .add(FieldProblem.of(column, "error.csv.enum", v, String.join(", ", allowed)));
            return null;
        }
    }

    /** Norwegian spreadsheets export with semicolons; accept both. */
    private static char detectDelimiter(Reader reader) throws IOException {
        if (!reader.markSupported()) {
            return ',';
        }
        reader.mark(4096);
        char[] buf = new char[4096];
        int n = reader.read(buf);
        reader.reset();
        String firstLine = n <= 0 ? "" : new String(buf, 0, n).split("\\R", 2)[0];
        return firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
    }
}
