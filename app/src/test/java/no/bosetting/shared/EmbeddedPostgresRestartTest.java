package no.bosetting.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: after {@code kill -9} of the app its embedded PostgreSQL kept running, and the next start failed with
 * "lock file postmaster.pid already exists". Here the first server is simply left running, as the killed app leaves
 * it, and a second start on the same folder must succeed with the data kept.
 */
class EmbeddedPostgresRestartTest {

    @Test
    void aServerLeftRunningByAKilledAppIsStoppedAndTheNextStartKeepsItsData(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("pgdata");
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
        try (Connection c = orphan.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (n int); insert into kept values (42)");
        }
        long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());

        EmbeddedPostgresConfig.stopOrphanedServer(dir);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        // A killed app's file lock goes with its process; in this one JVM it is released by closing the first handle.
        orphan.close();
        try (EmbeddedPostgres next = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
             Connection c = next.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select n from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aFolderWithoutARunningServerIsLeftAlone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n" + dir + "\n");
        EmbeddedPostgresConfig.stopOrphanedServer(dir);
        assertThat(dir.resolve("postmaster.pid")).exists();
    }
}
