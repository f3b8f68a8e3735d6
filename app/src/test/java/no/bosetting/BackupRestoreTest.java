package no.bosetting;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 item 6: {@code bin/backup} dumps a database with data, {@code bin/restore} restores it into a fresh database,
 * the app's migrations validate on the copy, and {@code bin/check-consistency} passes on it with every key table's
 * fingerprint (rows and checksum) equal to the original's: places, proposals, letters, outbox messages and e-mails
 * neither lost nor doubled. A broken copy fails the checker.
 *
 * <p>On a PostgreSQL server of its own, never the shared test database, started from the installed PostgreSQL whose
 * pg_dump it uses (Debian's {@code postgresql}; zonky's PostgreSQL 17 has no pg_dump, and an older pg_dump refuses a
 * newer server). Without an installed PostgreSQL the test is skipped with the command that installs one.
 */
class BackupRestoreTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Path pgBin;
    private static Path work;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        pgBin = installedPostgres();
        Assumptions.assumeTrue(pgBin != null, "No PostgreSQL server with pg_dump installed: apt-get install -y postgresql");
        work = Files.createTempDirectory("bosetting-backup");
        Path data = work.resolve("pgdata");
        Files.createDirectories(data);
        if (root()) {
            run(Map.of(), "chown", "-R", "postgres", work.toString());
        }
        port = freePort();
        asPostgres(pgBin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", work.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + work + " -c listen_addresses=localhost", "start");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (work != null) {
            asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", work.resolve("pgdata").toString(), "-m", "immediate", "stop");
            FileSystemUtils.deleteRecursively(work);
        }
    }

    @Test
    void aBackupRestoredIntoAFreshDatabaseValidatesAndKeepsEveryPlaceProposalLetterAndMessage() throws Exception {
        sql("postgres", "create database original");
        Flyway.configure().dataSource(url("original"), "postgres", "").locations("classpath:db/migration").load().migrate();
        sql("original", new String(BackupRestoreTest.class.getResourceAsStream("/ops/backup-sample.sql").readAllBytes(),
                StandardCharsets.UTF_8));
        Path before = work.resolve("before.txt");
        Path dump = work.resolve("backups/bosetting.dump");

        String checked = script("original", "bin/check-consistency", "--save", before.toString());
        assertThat(checked).contains("All checks passed.").contains("settlement_decision").contains("1 rows");
        assertThat(script("original", "bin/backup", dump.toString())).contains("Backed up database original");
        assertThat(dump).isNotEmptyFile();

        assertThat(script("restored", "bin/restore", dump.toString())).contains("Created database restored")
                .contains("Restored " + dump);
        Flyway restored = Flyway.configure().dataSource(url("restored"), "postgres", "").locations("classpath:db/migration").load();
        restored.validate(); // the app's migrations, as at its start on the restored database
        assertThat(restored.migrate().migrationsExecuted).isZero();
        String after = script("restored", "bin/check-consistency", "--compare", before.toString());
        assertThat(after).contains("every fingerprint equals").contains("All checks passed.").doesNotContain("FAIL");
        for (String table : List.of("settlement_decision", "capacity_decision", "proposal", "letter", "letter_dispatch",
                "outbox_message", "notification", "municipality")) {
            assertThat(count("restored", table)).as(table).isEqualTo(count("original", table)).isPositive();
        }
        System.out.println(after);

        // The checker catches what a lost or doubled effect would leave: a place beyond the decided number, a notification
        // shown twice, a changed row.
        sql("restored", "update capacity_decision set persons = 0 where id = 1");
        sql("restored", "insert into notification (recipient, subject, body, case_id, created_at) select recipient, subject, body,"
                + " case_id, created_at from notification where recipient = 'kommune-oslo'");
        ProcessResult broken = runScript("restored", "bin/check-consistency", "--compare", before.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output()).contains("FAIL  places: settled + accepted persons never above the decided number")
                .contains("FAIL  notifications: no more in-app notifications than delivered outbox messages")
                .contains("FAIL  fingerprints differ");
    }

    // --- the server and the scripts

    private static Path installedPostgres() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_dump")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void asPostgres(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (root()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        ProcessResult result = run(Map.of(), line.toArray(String[]::new));
        assertThat(result.exitCode()).as(String.join(" ", line) + "\n" + result.output()).isZero();
    }

    private String script(String database, String... command) throws Exception {
        ProcessResult result = runScript(database, command);
        assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
        return result.output();
    }

    private ProcessResult runScript(String database, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("bash"));
        line.add(ROOT.resolve(command[0]).toString());
        line.addAll(List.of(command).subList(1, command.length));
        return run(Map.of("PGHOST", "localhost", "PGPORT", Integer.toString(port), "PGUSER", "postgres",
                "PGDATABASE", database), line.toArray(String[]::new));
    }

    record ProcessResult(int exitCode, String output) {
    }

    private static ProcessResult run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static void sql(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String database, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
