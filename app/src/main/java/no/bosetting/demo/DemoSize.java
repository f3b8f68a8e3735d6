package no.bosetting.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import no.bosetting.planning.SettlementHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the seeding left (issue 22 item 1), printed at its end: the seeding time, the households (cases), persons and
 * cases per state of the whole database (the history's and the current year's), the rows of the biggest tables and the
 * database's size ({@code pg_database_size}). Reads only: counts across the modules' tables, as the statistics do.
 */
@Component
@Profile("!prod")
class DemoSize {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    static final int TABLES = 12;

    private final JdbcClient jdbc;
    private final SettlementHistory history;
    private final java.time.Clock clock;

    DemoSize(JdbcClient jdbc, SettlementHistory history, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /** The figures, as printed. */
    record Size(long households, long persons, Map<String, Long> casesPerStatus, Map<Integer, Long> settledPerYear,
                List<Map.Entry<String, Long>> biggestTables, long databaseBytes) {
    }

    Size measure() {
        Map<String, Long> statuses = new java.util.TreeMap<>();
        jdbc.sql("select status, count(*) from settlement_case group by status")
                .query((rs, n) -> statuses.put(rs.getString(1), rs.getLong(2))).list();
        Map<Integer, Long> settled = new java.util.TreeMap<>();
        int current = java.time.LocalDate.now(clock).getYear();
        for (int year = current - HistoryShape.YEARS - 1; year <= current; year++) {
            long persons = history.settledPersons(year, year).values().stream().mapToLong(Integer::longValue).sum();
            if (persons > 0) {
                settled.put(year, persons);
            }
        }
        jdbc.sql("analyze").update(); // so reltuples names the biggest tables; each is then counted exactly
        List<String> biggest = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind = 'r' and n.nspname = current_schema() order by c.reltuples desc limit :n""")
                .param("n", TABLES).query(String.class).list();
        List<Map.Entry<String, Long>> rows = biggest.stream()
                .map(t -> Map.entry(t, jdbc.sql("select count(*) from \"" + t.replace("\"", "") + "\"").query(Long.class).single()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        return new Size(statuses.values().stream().mapToLong(Long::longValue).sum(),
                jdbc.sql("select count(*) from person").query(Long.class).single(), statuses, settled, rows,
                jdbc.sql("select pg_database_size(current_database())").query(Long.class).single());
    }

    void log(Duration seeding) {
        Size s = measure();
        StringBuilder b = new StringBuilder(String.format("Demo data size after %.1f s of seeding: %,d households (cases), %,d persons,"
                + " database %,d MB", seeding.toMillis() / 1000.0, s.households(), s.persons(), s.databaseBytes() / (1024 * 1024)));
        b.append(String.format("%n  cases per status: %s", s.casesPerStatus()));
        b.append(String.format("%n  persons settled per year (settlement date): %s", s.settledPerYear()));
        b.append(String.format("%n  biggest tables (rows):"));
        s.biggestTables().forEach(e -> b.append(String.format("%n    %-40s %,12d", e.getKey(), e.getValue())));
        log.info(b.toString());
    }
}
