package no.bosetting.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import no.bosetting.access.HistoryTable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules own their tables: only the module that owns a table writes it or locks its rows; every other module goes
 * through the owner's public API, so the owner's rules (scope, state machine, history, lock order — see
 * {@code cases.CaseCommands.lockStatuses}) cannot be bypassed. A module is a top-level package under
 * {@code no.bosetting}.
 * <p>
 * The SQL is read from the sources of {@code app/src/main/java}: for each Java statement (up to {@code ;}, {@code {}
 * or {@code }}), its string literals — text blocks included — and the {@code static final String} constants it names
 * (its own class's, or {@code Other.NAME}), in source order. In that text a write is {@code insert into t},
 * {@code update t … set}, {@code delete from t}, {@code merge into t}; a lock is {@code for update} / {@code for no key
 * update} / {@code for share} / {@code for key share} of the tables named after {@code of}, or else of every table in
 * the statement's {@code from} and {@code join}s; a read is any other {@code from}, {@code join} or {@code using} of a
 * table. {@code new HistoryTable("t", …)} counts as an insert into {@code t} by the class that declares it. Only the
 * tables the migrations create count, so common table expressions and functions ({@code extract(year from …)}) do not.
 * <p>
 * The crossings that exist today are listed in {@link #WRITES_AND_LOCKS} and {@link #READS}. The lists may only
 * shrink: a new crossing fails, and so does one that disappeared but is still listed (take it off the list).
 */
class ModulesOwnTheirTablesTest {

    static final Path MAIN = Path.of("src/main/java/no/bosetting");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Which module owns which table: the module whose migration created it, except where the code that owns it
     * lives elsewhere (the outbox and the rate limit in {@code shared}, the scheduler's lock in {@code deadlines},
     * the sign-in throttle in {@code access}, reception centres and the consequence record in {@code cases}).
     */
    static final Map<String, String> TABLE_OWNERS = owners(
            "municipalities", "county, municipality, municipality_neighbour, municipality_service",
            "access", "app_user, person_access_log, sign_in_throttle, sign_in_audit, spring_session, spring_session_attributes",
            "cases", "settlement_case, person, residence_permit, residence_history, reception_centre, case_history,"
                    + " consequence_information, accompanying_adult, person_identity, residence_change, case_absence,"
                    + " address_protection_change",
            "concerns", "concern_screening, concern_report, concern_unsuitable_municipality, concern_required_service,"
                    + " concern_access_log",
            "planning", "capacity_decision, capacity_decision_history, capacity_decision_pending, planning_scenario,"
                    + " national_need, national_need_county, request_criteria, request_input, capacity_request, pace_setting,"
                    + " national_need_version, planning_scenario_version",
            "interview", "settlement_interview, health_consent, interview_allocation_facts",
            "proposals", "allocation_list, proposal",
            "decisions", "settlement_decision, settlement_date_change",
            "shared", "outbox_message, notification, request_rate_limit",
            "allocation", "allocation_policy, allocation_run, allocation_run_item, year_whatif_run, year_whatif_entry, year_whatif_result",
            "housing", "dwelling, landlord, housing_offer, lease, lease_reminder, housing_instrument",
            "selfservice", "refugee_login_code",
            "applications", "settlement_application",
            "selfsettlement", "self_settlement_setting, self_settlement_setting_change, self_settlement_request,"
                    + " self_settlement_request_history, self_settlement_window, municipality_initiated_self_settlement",
            "deadlines", "work_item, shedlock",
            "letters", "letter, letter_dispatch, letter_template, letter_template_use",
            "messages", "message_thread, message, message_read, message_attachment, message_attachment_download",
            "reconsideration", "reconsideration, reconsideration_history",
            "indicators", "indicator_import, indicator_value",
            "moves", "secondary_move",
            "approvals", "approval_policy, approval, approval_history",
            "introduction", "intro_participation, intro_period, intro_training, intro_outcome, outcome_model",
            "demo", "demo_seeding",
            "crisis", "crisis_period, crisis_notification, crisis_notification_history, fast_track_application, fast_track_history",
            "grants", "grant_rate, grant_schedule, grant_schedule_line, grant_payment_run, grant_payment_line, grant_additional");

    /**
     * Writes and locks of another module's table, as {@code "module: table KIND"}; may only shrink. Each should go
     * through the owning module's API instead (for {@code settlement_case}: {@code CaseCommands}, which takes the
     * case locks in one order).
     */
    static final Set<String> WRITES_AND_LOCKS = Set.of();

    /**
     * Reads of another module's table, as {@code "module: table"}; may only shrink. Not listed: the {@code statistics}
     * module, whose read models over the other modules' data are its purpose (see README, Architecture).
     */
    static final Set<String> READS = Set.of(
            "allocation: settlement_case",            // AllocationRuns: the run's items with their households
            "decisions: settlement_case",             // SettlementDateDeadlines: the case reference of a missing date
            "demo: person",                           // DemoDataGenerator: example DUF numbers in the start-up log
            "demo: reconsideration",
            "demo: self_settlement_request",
            "demo: self_settlement_window",
            "demo: settlement_application",
            "demo: settlement_case",
            "housing: settlement_case",               // HousingInstruments: the case reference
            "messages: proposal",                     // MessageInbox: which threads a municipality may use
            "messages: settlement_case",              // MessageInbox: the inbox shows the case reference
            "proposals: settlement_case",             // Proposals, ProposalAnswerDeadlines: household and reference
            "reconsideration: settlement_case",       // Reconsiderations: lists with the case reference
            "selfsettlement: settlement_case",        // SelfSettlementRequests, SelfSettlementOverview, the deadline rule, …
            "selfsettlement: settlement_decision");   // SelfSettlementOverview.variants: decisions by variant

    /** Modules whose reads of other modules' tables are by design. */
    static final Set<String> READS_BY_DESIGN = Set.of("statistics");

    @Test
    void everyTableTheMigrationsCreateHasOneOwningModule() {
        Set<String> created = createdTables(MIGRATIONS);
        assertThat(created).as("tables created by the migrations").isNotEmpty();
        assertThat(new TreeSet<>(TABLE_OWNERS.keySet())).as("TABLE_OWNERS: give each new table its module, drop a table no longer created")
                .isEqualTo(created);
        assertThat(new TreeSet<>(TABLE_OWNERS.values())).as("owners are modules (top-level packages)")
                .allSatisfy(module -> assertThat(MAIN.resolve(module)).isDirectory());
    }

    @Test
    void noModuleWritesOrLocksAnotherModulesTableBeyondTheRatchet() {
        List<Use> crossings = crossings(scan(MAIN), TABLE_OWNERS).stream().filter(u -> u.kind() != Kind.READ).toList();
        // The lead quotes these before and after a change.
        System.out.println("ModulesOwnTheirTablesTest ratchet: " + WRITES_AND_LOCKS.size() + " writes/locks and " + READS.size()
                + " reads of another module's table");
        assertThat(problems(crossings, WRITES_AND_LOCKS, "WRITES_AND_LOCKS")).isEmpty();
    }

    @Test
    void noModuleReadsAnotherModulesTableBeyondTheRatchet() {
        List<Use> crossings = crossings(scan(MAIN), TABLE_OWNERS).stream()
                .filter(u -> u.kind() == Kind.READ && !READS_BY_DESIGN.contains(u.module())).toList();
        assertThat(problems(crossings, READS, "READS")).isEmpty();
    }

    @Test
    void aNewCrossingFailsAndAGoneOneMustBeTakenOffTheList() {
        String source = read(Path.of("src/test/java/no/bosetting/architecture/ModulesOwnTheirTablesTest.java"));
        String offender = source.substring(source.indexOf("static class Offender"));
        List<Use> uses = uses("messages", "Offender.java", offender, constants(Map.of("Offender", offender)));
        List<Use> crossings = crossings(uses, TABLE_OWNERS);

        assertThat(entries(crossings.stream().filter(u -> u.kind() != Kind.READ).toList())).containsExactlyInAnyOrder(
                "messages: settlement_case LOCK", "messages: person UPDATE", "messages: case_history INSERT",
                "messages: residence_history INSERT", "messages: proposal DELETE");
        assertThat(entries(crossings.stream().filter(u -> u.kind() == Kind.READ).toList()))
                .containsExactlyInAnyOrder("messages: reception_centre", "messages: proposal");
        // The module's own tables are no crossing; a CTE or a function's "from" is no table.
        assertThat(uses).anySatisfy(u -> assertThat(u.entry()).isEqualTo("messages: message_thread UPDATE"));
        assertThat(crossings).noneSatisfy(u -> assertThat(u.table()).isIn("message_thread", "recent"));

        List<Use> lock = crossings.stream().filter(u -> u.kind() == Kind.LOCK).toList();
        assertThat(problems(lock, Set.of(), "WRITES_AND_LOCKS")).singleElement().asString()
                .contains("new", "messages: settlement_case LOCK", "Offender.java:");
        assertThat(problems(List.of(), Set.of("messages: settlement_case LOCK"), "WRITES_AND_LOCKS")).singleElement().asString()
                .contains("no longer", "remove", "messages: settlement_case LOCK");
        assertThat(problems(lock, Set.of("messages: settlement_case LOCK"), "WRITES_AND_LOCKS")).isEmpty();
    }

    @Test
    void theScannerSeesTheKnownLocksOfTheCaseRow() {
        // Without this, a scanner that found nothing would pass every ratchet with empty lists.
        List<Use> uses = scan(MAIN);
        assertThat(uses).anySatisfy(u -> assertThat(u.entry()).isEqualTo("cases: settlement_case LOCK"));
        assertThat(uses).anySatisfy(u -> assertThat(u.entry()).isEqualTo("cases: case_history INSERT"));
        assertThat(uses).anySatisfy(u -> assertThat(u.entry()).isEqualTo("planning: capacity_decision LOCK"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    enum Kind { READ, INSERT, UPDATE, DELETE, MERGE, LOCK }

    /** One use of a table by a class of a module. */
    record Use(String module, String table, Kind kind, String where) {
        String entry() {
            return module + ": " + table + (kind == Kind.READ ? "" : " " + kind);
        }
    }

    static Set<String> entries(List<Use> uses) {
        return uses.stream().map(Use::entry).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The uses of a table by a module that does not own it. */
    static List<Use> crossings(List<Use> uses, Map<String, String> owners) {
        return uses.stream().filter(u -> !u.module().equals(owners.get(u.table()))).toList();
    }

    /** What is wrong with the crossings found against a ratchet list: new ones, and listed ones that are gone. */
    static List<String> problems(List<Use> found, Set<String> ratchet, String listName) {
        Map<String, Set<String>> where = new TreeMap<>();
        found.forEach(u -> where.computeIfAbsent(u.entry(), e -> new TreeSet<>()).add(u.where()));
        List<String> problems = new ArrayList<>();
        where.forEach((entry, places) -> {
            if (!ratchet.contains(entry)) {
                problems.add("new crossing \"" + entry + "\" at " + String.join(", ", places)
                        + ": use the owning module's API (it must not be added to " + listName + ")");
            }
        });
        new TreeSet<>(ratchet).stream().filter(entry -> !where.containsKey(entry)).forEach(entry -> problems.add(
                "\"" + entry + "\" is no longer found: remove it from " + listName + " so the list keeps shrinking"));
        return problems;
    }

    // --- reading the migrations and the sources --------------------------------------------------------------------

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

    static Set<String> createdTables(Path migrations) {
        Set<String> tables = new TreeSet<>();
        for (Path file : files(migrations, ".sql")) {
            Matcher m = CREATE_TABLE.matcher(withoutSqlComments(read(file)));
            while (m.find()) {
                tables.add(m.group(1).toLowerCase());
            }
        }
        return tables;
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
    }

    /** Every use of a table in the main sources, by module. */
    static List<Use> scan(Path main) {
        Map<Path, String> sources = new LinkedHashMap<>();
        files(main, ".java").forEach(f -> sources.put(f, read(f)));
        Map<String, String> bySimpleName = new HashMap<>();
        sources.forEach((file, text) -> bySimpleName.put(simpleName(file), text));
        Map<String, Map<String, String>> constants = constants(bySimpleName);
        List<Use> uses = new ArrayList<>();
        sources.forEach((file, text) -> {
            Path relative = main.relativize(file);
            if (relative.getNameCount() > 1) {
                uses.addAll(uses(relative.getName(0).toString(), main.getParent().getParent().relativize(file).toString()
                        .replace('\\', '/'), text, constants));
            }
        });
        return uses;
    }

    private static String simpleName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    /** A piece of a Java source: a string literal's value, or the code between literals (comments removed). */
    record Piece(boolean literal, String text, int offset) {
    }

    /** Splits a Java source into string literals (text blocks included) and code, dropping comments. */
    static List<Piece> pieces(String src) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                code.append(' ');
            } else if (c == '\'') {
                int end = i + 1;
                while (end < src.length() && src.charAt(end) != '\'') {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                code.append("' '");
                i = end + 1;
            } else if (c == '"') {
                boolean block = src.startsWith("\"\"\"", i);
                String close = block ? "\"\"\"" : "\"";
                int start = block ? i + 3 : i + 1;
                StringBuilder value = new StringBuilder();
                int j = start;
                while (j < src.length() && !src.startsWith(close, j)) {
                    if (src.charAt(j) == '\\' && j + 1 < src.length()) {
                        char e = src.charAt(j + 1);
                        value.append(e == 'n' || e == 'r' || e == 't' || e == '\n' ? ' ' : e);
                        j += 2;
                    } else {
                        value.append(src.charAt(j));
                        j++;
                    }
                }
                pieces.add(new Piece(false, code.toString(), codeStart));
                code.setLength(0);
                pieces.add(new Piece(true, value.toString(), i));
                i = j + close.length();
                codeStart = i;
            } else {
                code.append(c);
                i++;
            }
        }
        pieces.add(new Piece(false, code.toString(), codeStart));
        return pieces;
    }

    /** The Java statements of a source, each as its pieces. */
    static List<List<Piece>> statements(String src) {
        List<List<Piece>> statements = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        for (Piece piece : pieces(src)) {
            if (piece.literal()) {
                current.add(piece);
                continue;
            }
            String text = piece.text();
            int from = 0;
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == ';' || c == '{' || c == '}') {
                    current.add(new Piece(false, text.substring(from, k), piece.offset() + from));
                    statements.add(current);
                    current = new ArrayList<>();
                    from = k + 1;
                }
            }
            current.add(new Piece(false, text.substring(from), piece.offset() + from));
        }
        statements.add(current);
        return statements;
    }

    private static final Pattern CONSTANT = Pattern.compile("\\bstatic\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=");
    private static final Pattern CONSTANT_REFERENCE = Pattern.compile("\\b(?:([A-Z]\\w*)\\.)?([A-Z][A-Z0-9_]*)\\b");

    /** Per class (simple name), its {@code static final String} constants' values: literals and constants joined. */
    static Map<String, Map<String, String>> constants(Map<String, String> sourcesBySimpleName) {
        Map<String, Map<String, List<Piece>>> definitions = new HashMap<>();
        sourcesBySimpleName.forEach((cls, src) -> {
            for (List<Piece> statement : statements(src)) {
                Piece first = statement.get(0);
                Matcher m = CONSTANT.matcher(first.text());
                if (m.find()) {
                    List<Piece> value = new ArrayList<>(statement);
                    value.set(0, new Piece(false, first.text().substring(m.end()), first.offset() + m.end()));
                    definitions.computeIfAbsent(cls, k -> new HashMap<>()).put(m.group(1), value);
                }
            }
        });
        Map<String, Map<String, String>> values = new HashMap<>();
        // Constants may name constants; three rounds resolve every chain in this code base.
        for (int round = 0; round < 3; round++) {
            Map<String, Map<String, String>> known = values;
            Map<String, Map<String, String>> next = new HashMap<>();
            definitions.forEach((cls, defs) -> defs.forEach((name, value) ->
                    next.computeIfAbsent(cls, k -> new HashMap<>()).put(name, text(value, cls, known))));
            values = next;
        }
        return values;
    }

    /** A statement's SQL: its literals, and in the code between them the values of the constants it names. */
    static String text(List<Piece> statement, String cls, Map<String, Map<String, String>> constants) {
        StringBuilder sql = new StringBuilder();
        for (Piece piece : statement) {
            if (piece.literal()) {
                sql.append(piece.text()).append(' ');
            } else {
                Matcher m = CONSTANT_REFERENCE.matcher(piece.text());
                while (m.find()) {
                    String value = constants.getOrDefault(m.group(1) == null ? cls : m.group(1), Map.of()).get(m.group(2));
                    if (value != null) {
                        sql.append(value).append(' ');
                    }
                }
            }
        }
        return sql.toString().toLowerCase().replaceAll("\\s+", " ");
    }

    private static final Pattern READ = Pattern.compile("\\b(from|join|using)\\s+(\\w+)(?=(?:\\s+(?:as\\s+)?(\\w+))?)");
    private static final Pattern INSERT = Pattern.compile("\\binsert\\s+into\\s+(\\w+)");
    private static final Pattern MERGE = Pattern.compile("\\bmerge\\s+into\\s+(\\w+)");
    private static final Pattern DELETE = Pattern.compile("\\bdelete\\s+from\\s+(\\w+)");
    private static final Pattern UPDATE = Pattern.compile("(?<!\\bfor |\\bkey |\\bdo )\\bupdate\\s+(\\w+)(?:\\s+(?:as\\s+)?\\w+)?\\s+set\\b");
    private static final Pattern LOCK = Pattern.compile(
            "\\bfor\\s+(?:no\\s+key\\s+update|update|key\\s+share|share)\\b(?:\\s+of\\s+(\\w+(?:\\s*,\\s*\\w+)*))?");
    private static final Pattern HISTORY_TABLE = Pattern.compile("\\bnew\\s+HistoryTable\\s*\\(\\s*$");
    private static final Set<String> NOT_ALIASES = Set.of("where", "on", "join", "left", "right", "inner", "outer", "full",
            "cross", "group", "order", "limit", "for", "using", "set", "natural", "lateral", "union", "having", "returning",
            "window", "offset", "and", "or", "values", "select", "when", "then", "else", "end");

    /** The uses of known tables in one source file of a module. */
    static List<Use> uses(String module, String file, String src, Map<String, Map<String, String>> constants) {
        String cls = Path.of(file).getFileName().toString().replaceFirst("\\.java$", "");
        List<Use> uses = new ArrayList<>();
        for (List<Piece> statement : statements(src)) {
            if (statement.stream().noneMatch(Piece::literal) && statement.stream().noneMatch(p -> CONSTANT_REFERENCE.matcher(p.text()).find())) {
                continue;
            }
            String where = file + ":" + line(src, statement.stream().filter(Piece::literal).findFirst().orElse(statement.get(0)).offset());
            for (int k = 1; k < statement.size(); k++) {
                if (statement.get(k).literal() && HISTORY_TABLE.matcher(statement.get(k - 1).text()).find()) {
                    add(uses, module, statement.get(k).text(), Kind.INSERT, where);
                }
            }
            String sql = text(statement, cls, constants);
            Map<String, String> aliases = new HashMap<>();
            Set<String> written = new TreeSet<>();
            for (var write : List.of(Map.entry(INSERT, Kind.INSERT), Map.entry(MERGE, Kind.MERGE), Map.entry(DELETE, Kind.DELETE),
                    Map.entry(UPDATE, Kind.UPDATE))) {
                Matcher m = write.getKey().matcher(sql);
                while (m.find()) {
                    if (add(uses, module, m.group(1), write.getValue(), where)) {
                        written.add(m.group(1));
                    }
                }
            }
            Set<String> read = new TreeSet<>();
            Matcher r = READ.matcher(sql);
            while (r.find()) {
                String table = r.group(2);
                boolean deleted = r.group(1).equals("from") && sql.substring(0, r.start()).endsWith("delete ");
                if (!TABLE_OWNERS.containsKey(table) || deleted) {
                    continue;
                }
                read.add(table);
                aliases.put(table, table);
                if (r.group(3) != null && !NOT_ALIASES.contains(r.group(3))) {
                    aliases.put(r.group(3), table);
                }
            }
            Set<String> locked = new TreeSet<>();
            Matcher l = LOCK.matcher(sql);
            while (l.find()) {
                if (l.group(1) == null) {
                    locked.addAll(read);
                } else {
                    Arrays.stream(l.group(1).split("\\s*,\\s*")).map(aliases::get).filter(t -> t != null).forEach(locked::add);
                }
                if (locked.isEmpty()) {
                    throw new AssertionError("Cannot tell which table is locked at " + where
                            + ": keep the table and the lock in one statement");
                }
            }
            locked.forEach(t -> add(uses, module, t, Kind.LOCK, where));
            read.stream().filter(t -> !locked.contains(t) && !written.contains(t)).forEach(t -> add(uses, module, t, Kind.READ, where));
        }
        return uses;
    }

    private static boolean add(List<Use> uses, String module, String table, Kind kind, String where) {
        if (!TABLE_OWNERS.containsKey(table)) {
            return false;
        }
        uses.add(new Use(module, table, kind, where));
        return true;
    }

    private static int line(String src, int offset) {
        int line = 1;
        for (int k = 0; k < Math.min(offset, src.length()); k++) {
            if (src.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> owners(String... moduleAndTables) {
        Map<String, String> owners = new TreeMap<>();
        for (int k = 0; k < moduleAndTables.length; k += 2) {
            for (String table : moduleAndTables[k + 1].split(",")) {
                String previous = owners.put(table.trim(), moduleAndTables[k]);
                if (previous != null) {
                    throw new IllegalArgumentException(table.trim() + " has two owners");
                }
            }
        }
        return Map.copyOf(owners);
    }

    /**
     * Scanned by the self-test above as if it were a class of {@code messages}; never run. Writes and locks the
     * {@code cases} module's tables and deletes a proposal; updates its own thread.
     */
    @SuppressWarnings("unused")
    static class Offender {
        private static final String COLUMNS = """
                c.id, c.status, rc.name
                """;
        private static final HistoryTable HISTORY = new HistoryTable("case_history", "case_id");
        private JdbcClient jdbc;
        private Clock clock;

        void crossings(long id) {
            jdbc.sql("select " + COLUMNS + """
                            from settlement_case c join reception_centre rc on rc.id = c.reception_centre_id
                            """ + " where c.id = :id" + " for update of c")
                    .param("id", id).query().singleRow();
            jdbc.sql("update person p set name = :n where p.id = :id").param("n", "x").param("id", id).update();
            jdbc.sql("insert into residence_history (person_id) select id from proposal where id = :id").param("id", id).update();
            jdbc.sql("delete from proposal where id = :id").param("id", id).update();
            jdbc.sql("""
                    with recent as (select id from message_thread where extract(year from created_at) > 2000)
                    update message_thread t set closed = true from recent where t.id = recent.id""").update();
        }
    }
}
