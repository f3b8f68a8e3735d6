package no.bosetting.demo;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 item 4: a first start stopped during the demo seeding used to leave a partial demo for good ("Demo data
 * already present; nothing to do"). On its own PostgreSQL, never the shared test database, since recovery empties it.
 */
class DemoSeedingRecoveryTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    @Test
    void anInterruptedSeedingEmptiesTheDatabaseAndACompletedOneIsKept() throws SQLException {
        flyway(null).migrate();
        sql("create table left_over_from_the_partial_demo (id int)");
        sql("insert into demo_seeding (seed, households, started_at) values (2023, 3000, now())");
        assertThat(DemoSeedingRecovery.interrupted(dataSource)).hasValueSatisfying(i -> {
            assertThat(i.households()).isEqualTo(3000);
            assertThat(i.householdsSeeded()).isZero();
        });

        DemoSeedingRecovery.migrate(flyway(null));

        assertThat(count("select count(*) from pg_tables where tablename = 'left_over_from_the_partial_demo'")).isZero();
        assertThat(count("select count(*) from demo_seeding")).isZero();
        assertThat(count("select count(*) from municipality")).isEqualTo(357); // migrated afresh, ready to seed
        assertThat(DemoSeedingRecovery.interrupted(dataSource)).isEmpty();

        sql("create table kept (id int)");
        sql("insert into demo_seeding (seed, households, started_at, completed_at) values (2023, 3000, now(), now())");
        DemoSeedingRecovery.migrate(flyway(null));
        assertThat(count("select count(*) from pg_tables where tablename = 'kept'")).isEqualTo(1);
        sql("drop table kept");
    }

    @Test
    void aDemoSeededBeforeTheRecordExistedIsTakenAsComplete() throws SQLException {
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        flyway("44").migrate(); // a version from before V53
        assertThat(DemoSeedingRecovery.interrupted(dataSource)).isEmpty(); // no table yet: nothing to recover
        sql("""
                insert into settlement_case (reference, permit_reference, permit_type, permit_date, status, household_type,
                    persons, living_situation, status_changed_at, created_at, created_by, updated_at, updated_by)
                values ('BS-2026-000001', 'DEMO-2023-1', 'RESETTLEMENT', date '2026-01-05', 'SETTLED', 'SINGLE_ADULT', 1,
                    'RECEPTION_CENTRE', now(), now(), 'demo', now(), 'demo')""");

        DemoSeedingRecovery.migrate(flyway(null));

        assertThat(count("select count(*) from demo_seeding where completed_at is not null")).isEqualTo(1);
        assertThat(count("select count(*) from settlement_case where permit_reference = 'DEMO-2023-1'")).isEqualTo(1);
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
    }

    /**
     * Issue 22 item 1: the history (HistoryDemo) seeds inside the same open {@code demo_seeding} row, before the current
     * year; a start stopped there leaves only history cases, which count as demo data, and the next start empties them
     * rather than seeding the history a second time.
     */
    @Test
    void aSeedingStoppedInTheHistoryIsEmptiedAndNotSeededTwice() throws SQLException {
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        flyway(null).migrate();
        sql("insert into demo_seeding (seed, households, started_at) values (2023, 14000, now())");
        sql("""
                insert into settlement_case (reference, permit_reference, permit_type, permit_date, status, household_type,
                    persons, living_situation, status_changed_at, created_at, created_by, updated_at, updated_by)
                values ('BS-2022-000001', '%s', 'COLLECTIVE_PROTECTION', date '2022-04-01', 'SETTLED', 'SINGLE_ADULT', 1,
                    'RECEPTION_CENTRE', now(), now(), 'demo', now(), 'demo')""".formatted(HistoryDemo.referencePrefix(2023) + "2022-000001"));
        assertThat(DemoSeedingRecovery.interrupted(dataSource)).hasValueSatisfying(i -> assertThat(i.householdsSeeded()).isEqualTo(1));

        DemoSeedingRecovery.migrate(flyway(null));

        assertThat(count("select count(*) from settlement_case")).isZero();
        assertThat(count("select count(*) from demo_seeding")).isZero();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
