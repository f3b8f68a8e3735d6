package no.bosetting.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's first start is complete or nothing (issue 22 item 4): a seeding that was stopped half-way (the app killed
 * 45 s into the first start) left a partial demo that every later start took for a finished one. Before the
 * migrations run, a demo start that finds an unfinished seeding ({@code demo_seeding} without {@code completed_at})
 * empties the database and migrates it afresh, so {@link DemoDataRunner} seeds the whole demo again. Runs before any
 * other bean reads the database, so nothing holds ids from the emptied data. Only with demo data on, never in
 * {@code prod}; the test profile has demo data off, so no test database is ever emptied here.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@ConditionalOnProperty(name = "bosetting.demo-data.enabled", havingValue = "true")
class DemoSeedingRecovery {

    private static final Logger log = LoggerFactory.getLogger(DemoSeedingRecovery.class);

    @Bean
    FlywayMigrationStrategy migrationThatRecoversAnInterruptedDemo() {
        return DemoSeedingRecovery::migrate;
    }

    static void migrate(Flyway flyway) {
        interrupted(flyway.getConfiguration().getDataSource()).ifPresent(seeding -> {
            log.warn("Demo data: the seeding started {} was stopped before it finished ({} of {} households); "
                    + "emptying the database to seed the demo again from the start", seeding.startedAt(),
                    seeding.householdsSeeded(), seeding.households());
            Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
        });
        flyway.migrate();
    }

    record Interrupted(String startedAt, long households, long householdsSeeded) {
    }

    /** The unfinished seeding, if the database has one (a database from before V53 has no table and is taken as is). */
    static Optional<Interrupted> interrupted(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!tableExists(c)) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    select to_char(d.started_at at time zone 'Europe/Oslo', 'DD.MM.YYYY HH24:MI:SS'), d.households,
                           (select count(*) from settlement_case where permit_reference like 'DEMO-%')
                    from demo_seeding d where d.completed_at is null order by d.id desc limit 1""");
                 ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Interrupted(rs.getString(1), rs.getLong(2), rs.getLong(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the demo seeding state", e);
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select to_regclass('demo_seeding') is not null");
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
