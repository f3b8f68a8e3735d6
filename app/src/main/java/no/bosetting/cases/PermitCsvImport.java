package no.bosetting.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.shared.FieldProblem;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.stereotype.Service;

/**
 * A batch of permits as CSV, one row per person, rows of one household sharing a permit reference.
 * Each household is imported on its own, so one bad row stops only its household; the report
 * names every row's outcome and every problem of every row. A file that cannot be read as a whole
 * (not CSV, not UTF-8, an unclosed quote, missing, unknown or repeated columns) is refused with the
 * reason and imports nothing. A byte-order mark, as spreadsheet programs write it, is skipped.
 */
@Service
public class PermitCsvImport {

    public static final List<String> COLUMNS = List.of("permit_reference", "permit_type", "permit_date",
            "living_situation", "reception_centre_id", "municipality_number", "duf_number", "national_id", "d_number",
            "given_name", "family_name", "birth_date", "sex", "citizenship", "relation", "phone", "email");

    private static final Set<String> OPTIONAL = Set.of("phone", "email", "national_id", "d_number",
            "reception_centre_id", "municipality_number", "joins_case");

    /**
     * An optional column after the template's: the reference of an existing case the row's person joins by family
     * reunification (a UDI permit for a new member).
     */
    public static final String JOINS_CASE = "joins_case";

    /** The columns that describe the household: every row of a permit must agree with its first row. */
    private static final List<String> HOUSEHOLD_COLUMNS = List.of("permit_type", "permit_date", "living_situation",
            "reception_centre_id", "municipality_number");

    /** The field a row problem about the row as a whole (not one column) is reported on. */
    public static final String ROW = "row";

    private static final int MAX_ROWS = 20_000;

    private final PermitImport permitImport;

    public PermitCsvImport(PermitImport permitImport) {
        this.permitImport = permitImport;
    }

    public enum RowStatus { CREATED, UNCHANGED, ERROR }

    public record RowResult(long row, String permitReference, RowStatus status, String caseReference,
                            List<FieldProblem> problems) {

        /** The row was refused (shown as an error). */
        public boolean refused() {
            return status == RowStatus.ERROR;
        }
    }

    public record Report(List<RowResult> rows, List<FieldProblem> fileProblems) {
        public long count(RowStatus status) {
            return rows.stream().filter(r -> r.status() == status).count();
        }

        public long households(RowStatus status) {
            return rows.stream().filter(r -> r.status() == status).map(RowResult::permitReference).distinct().count();
        }
    }

    /** One data row with the line it starts on (as a spreadsheet numbers lines, the header being line 1). */
    private record Row(long line, CSVRecord record) {
    }

    /**
     * Imports the bytes of a file: a UTF-8 (or UTF-16) byte-order mark decides the encoding and is skipped;
     * without one the text is read as {@code charset} (UTF-8 when null). Bytes that are not valid in that
     * encoding refuse the file instead of turning into replacement characters.
     */
    public Report importCsv(InputStream in, Charset charset, Actor actor) throws IOException {
        BOMInputStream bom = BOMInputStream.builder().setInputStream(in)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).setInclude(false).get();
        Charset encoding = bom.hasBOM() ? Charset.forName(bom.getBOMCharsetName()) : charset == null ? StandardCharsets.UTF_8 : charset;
        Reader reader = new BufferedReader(new InputStreamReader(bom, encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        return importCsv(reader, actor);
    }

    /** Imports text already decoded; a leading byte-order mark character is skipped. */
    public Report importCsv(Reader source, Actor actor) throws IOException {
        Reader reader = source.markSupported() ? source : new BufferedReader(source);
        List<RowResult> results = new ArrayList<>();
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setDelimiter(detectDelimiter(reader)).get();
            Map<String, List<Row>> households = new LinkedHashMap<>();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                List<String> headers = parser.getHeaderNames();
                List<FieldProblem> headerProblems = headerProblems(headers);
                if (!headerProblems.isEmpty()) {
                    return new Report(List.of(), headerProblems);
                }
                long lineAfterPrevious = parser.getCurrentLineNumber();
                try {
                    for (CSVRecord record : parser) {
                        if (record.getRecordNumber() > MAX_ROWS) {
                            return new Report(List.of(), List.of(FieldProblem.of("file", "error.csv.tooManyRows", MAX_ROWS)));
                        }
                        households.computeIfAbsent(get(record, "permit_reference"), k -> new ArrayList<>())
                                .add(new Row(lineAfterPrevious + 1, record));
                        lineAfterPrevious = parser.getCurrentLineNumber();
                    }
                } catch (UncheckedIOException e) {
                    return new Report(List.of(), List.of(malformed(e.getCause(), lineAfterPrevious + 1)));
                }
                for (Map.Entry<String, List<Row>> household : households.entrySet()) {
                    results.addAll(importHousehold(household.getKey(), household.getValue(), headers, actor));
                }
            }
        } catch (CharacterCodingException e) {
            return new Report(List.of(), List.of(FieldProblem.of("file", "error.csv.encoding")));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return new Report(List.of(), List.of(FieldProblem.of("file", "error.csv.encoding")));
            }
            return new Report(List.of(), List.of(malformed(e.getCause(), 1)));
        } catch (CSVException e) {
            return new Report(List.of(), List.of(malformed(e, 1)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Report(results, List.of(FieldProblem.of("file", "error.csv.unreadable", e.getMessage())));
        }
        return new Report(results, List.of());
    }

    /** The header row: every required column present, none unknown, none twice. */
    private static List<FieldProblem> headerProblems(List<String> headers) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> present = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String header : headers) {
            String name = normalise(header);
            if (name.isEmpty()) {
                continue;
            }
            if (!present.add(name)) {
                repeated.add(name);
            }
            if (!COLUMNS.contains(name) && !name.equals(JOINS_CASE)) {
                unknown.add(header.strip());
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !OPTIONAL.contains(c)).filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(FieldProblem.of("file", "error.csv.missingColumns", String.join(", ", missing)));
        }
        if (!unknown.isEmpty()) {
            problems.add(FieldProblem.of("file", "error.csv.unknownColumns", String.join(", ", unknown), String.join(", ", COLUMNS)));
        }
        if (!repeated.isEmpty()) {
            problems.add(FieldProblem.of("file", "error.csv.repeatedColumns", String.join(", ", repeated)));
        }
        return problems;
    }

    /** What is wrong with a file the CSV parser stopped on, at the line where the broken row starts. */
    private static FieldProblem malformed(Throwable cause, long line) {
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof CharacterCodingException) {
            return FieldProblem.of("file", "error.csv.encoding");
        }
        if (message.contains("EOF reached before encapsulated token finished")) {
            return FieldProblem.of("file", "error.csv.unclosedQuote", line);
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return FieldProblem.of("file", "error.csv.textAfterQuote", line);
        }
        return FieldProblem.of("file", "error.csv.malformedLine", line, message);
    }

    private List<RowResult> importHousehold(String reference, List<Row> rows, List<String> headers, Actor actor) {
        if (get(rows.get(0).record(), JOINS_CASE) != null) {
            return importMembers(reference, rows, headers, actor);
        }
        Map<Long, List<FieldProblem>> rowProblems = new LinkedHashMap<>();
        List<PermitImportRequest.PersonData> persons = new ArrayList<>();
        Row first = rows.get(0);
        PermitType permitType = parseEnum(PermitType.class, first, "permit_type", rowProblems);
        LocalDate permitDate = parseDate(first, "permit_date", rowProblems);
        LivingSituation living = parseEnum(LivingSituation.class, first, "living_situation", rowProblems);
        Long centreId = parseLong(first, "reception_centre_id", rowProblems);
        for (Row row : rows) {
            checkShape(row, headers, rowProblems);
            if (row != first) {
                checkSameHousehold(row, first, rowProblems);
            }
            persons.add(new PermitImportRequest.PersonData(get(row.record(), "duf_number"), get(row.record(), "national_id"),
                    get(row.record(), "d_number"), get(row.record(), "given_name"), get(row.record(), "family_name"),
                    parseDate(row, "birth_date", rowProblems),
                    get(row.record(), "sex") == null ? null : get(row.record(), "sex").toUpperCase(Locale.ROOT),
                    get(row.record(), "citizenship") == null ? null : get(row.record(), "citizenship").toUpperCase(Locale.ROOT),
                    parseEnum(Relation.class, row, "relation", rowProblems), get(row.record(), "phone"), get(row.record(), "email")));
        }
        PermitImportRequest request = new PermitImportRequest(reference, permitType, permitDate, living, centreId,
                get(first.record(), "municipality_number"), persons);
        List<FieldProblem> validation;
        if (rowProblems.isEmpty()) {
            ImportOutcome outcome = permitImport.importPermit(request, actor);
            if (outcome.ok()) {
                List<RowResult> results = new ArrayList<>();
                for (Row row : rows) {
                    results.add(new RowResult(row.line(), reference,
                            outcome.created() ? RowStatus.CREATED : RowStatus.UNCHANGED, outcome.caseReference(), List.of()));
                }
                return results;
            }
            validation = outcome.problems();
        } else {
            // Report every problem at once: what the import's own validation finds too, except about a value
            // already reported as unreadable in the same row.
            validation = permitImport.validate(request);
        }
        for (FieldProblem p : validation) {
            Row row = first;
            String field = p.field();
            if (field.startsWith("persons[")) {
                int index = Integer.parseInt(field.substring(8, field.indexOf(']')));
                row = rows.get(index);
                field = field.substring(field.indexOf('.') + 1);
            }
            String column = column(field);
            List<FieldProblem> problems = rowProblems.computeIfAbsent(row.line(), k -> new ArrayList<>());
            if (problems.stream().noneMatch(q -> q.field().equals(column))) {
                problems.add(new FieldProblem(column, p.messageKey(), p.args()));
            }
        }
        List<RowResult> results = new ArrayList<>();
        for (Row row : rows) {
            List<FieldProblem> problems = rowProblems.getOrDefault(row.line(), List.of());
            if (problems.isEmpty()) {
                problems = List.of(FieldProblem.of("permit_reference", "error.csv.householdRejected"));
            }
            results.add(new RowResult(row.line(), reference, RowStatus.ERROR, null, problems));
        }
        return results;
    }

    /**
     * A permit for new members of an existing household (family reunification): each row's person joins the case its
     * {@code joins_case} names, through {@link PermitImport#importMember}; each row on its own, so one bad row stops only
     * that person; a person already in the case is unchanged.
     */
    private List<RowResult> importMembers(String reference, List<Row> rows, List<String> headers, Actor actor) {
        List<RowResult> results = new ArrayList<>();
        for (Row row : rows) {
            Map<Long, List<FieldProblem>> problems = new LinkedHashMap<>();
            checkShape(row, headers, problems);
            String joins = get(row.record(), JOINS_CASE);
            HouseholdChanges.NewMember member = new HouseholdChanges.NewMember(JoinReason.FAMILY_REUNIFICATION,
                    get(row.record(), "given_name"), get(row.record(), "family_name"), parseDate(row, "birth_date", problems),
                    upper(get(row.record(), "sex")), upper(get(row.record(), "citizenship")),
                    parseEnum(Relation.class, row, "relation", problems), get(row.record(), "duf_number"),
                    get(row.record(), "d_number"), get(row.record(), "national_id"),
                    parseEnum(PermitType.class, row, "permit_type", problems), parseDate(row, "permit_date", problems),
                    reference, null, null);
            if (joins == null) {
                add(problems, row, FieldProblem.of(JOINS_CASE, "error.case.referenceUnknown", ""));
            }
            if (!problems.isEmpty()) {
                results.add(new RowResult(row.line(), reference, RowStatus.ERROR, null, problems.get(row.line())));
                continue;
            }
            no.bosetting.shared.CommandResult<long[]> outcome = no.bosetting.shared.CommandResult.attempt(
                    () -> permitImport.importMember(joins, member, actor));
            if (outcome.isSuccess()) {
                results.add(new RowResult(row.line(), reference, outcome.value()[2] == 1 ? RowStatus.CREATED : RowStatus.UNCHANGED,
                        joins, List.of()));
            } else {
                String field = outcome.failure() instanceof no.bosetting.shared.CommandFailure.RuleBroken r && r.field() != null
                        ? column(r.field()) : ROW;
                results.add(new RowResult(row.line(), reference, RowStatus.ERROR, null,
                        List.of(new FieldProblem(field, outcome.failure().messageKey(), outcome.failure().args()))));
            }
        }
        return results;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** A row with more values than the header has columns, or a value under a column without a name, loses data. */
    private static void checkShape(Row row, List<String> headers, Map<Long, List<FieldProblem>> problems) {
        CSVRecord record = row.record();
        if (record.size() > headers.size()) {
            add(problems, row, FieldProblem.of(ROW, "error.csv.tooManyValues", record.size(), headers.size()));
        }
        for (int i = 0; i < Math.min(headers.size(), record.size()); i++) {
            if (normalise(headers.get(i)).isEmpty() && !record.get(i).isBlank()) {
                add(problems, row, FieldProblem.of(ROW, "error.csv.valueWithoutColumn", record.get(i), i + 1));
            }
        }
    }

    /** The household columns of a later row must be empty or say the same as the permit's first row. */
    private static void checkSameHousehold(Row row, Row first, Map<Long, List<FieldProblem>> problems) {
        for (String column : HOUSEHOLD_COLUMNS) {
            String value = get(row.record(), column);
            String expected = get(first.record(), column);
            if (value != null && !value.equalsIgnoreCase(Objects.requireNonNullElse(expected, ""))) {
                add(problems, row, FieldProblem.of(column, "error.csv.householdMismatch", value,
                        expected == null ? "" : expected, first.line()));
            }
        }
    }

    private static void add(Map<Long, List<FieldProblem>> problems, Row row, FieldProblem problem) {
        problems.computeIfAbsent(row.line(), k -> new ArrayList<>()).add(problem);
    }

    private static String normalise(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    }

    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static String get(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String v = record.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static LocalDate parseDate(Row row, String column, Map<Long, List<FieldProblem>> problems) {
        String v = get(row.record(), column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            add(problems, row, FieldProblem.of(column, "error.csv.date", v));
            return null;
        }
    }

    private static Long parseLong(Row row, String column, Map<Long, List<FieldProblem>> problems) {
        String v = get(row.record(), column);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            add(problems, row, FieldProblem.of(column, "error.csv.number", v));
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, Row row, String column, Map<Long, List<FieldProblem>> problems) {
        String v = get(row.record(), column);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            add(problems, row, FieldProblem.of(column, "error.csv.enum", v, String.join(", ", allowed)));
            return null;
        }
    }

    /** Norwegian spreadsheets export with semicolons; accept both. */
    private static char detectDelimiter(Reader reader) throws IOException {
        reader.mark(4096);
        char[] buf = new char[4096];
        int n = reader.read(buf);
        reader.reset();
        String firstLine = n <= 0 ? "" : new String(buf, 0, n).split("\\R", 2)[0];
        return firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
    }
}
