package no.bosetting.shared;

import java.time.LocalDate;
import java.util.TimeZone;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 1: a timestamp's date in SQL ({@code ::date}) is its Norwegian date even when the JVM runs in UTC, as
 * servers do. The PostgreSQL driver sets a session's zone from the JVM's when it connects; every new connection sets it
 * back to Europe/Oslo ({@link DatabaseSession#INIT_SQL}).
 */
@IntegrationTest
class DatabaseDatesInOsloTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aSaveAt2340UtcOn6DecemberIsDated7DecemberInSqlOnAConnectionMadeInAUtcJvm() throws Exception {
        TimeZone before = TimeZone.getDefault();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            pool.getHikariPoolMXBean().softEvictConnections();
            try (var connection = dataSource.getConnection();
                 var statement = connection.createStatement();
                 var rs = statement.executeQuery("select (timestamptz '2026-12-06 23:40:00+00')::date, current_setting('TimeZone')")) {
                rs.next();
                assertThat(rs.getString(2)).isEqualTo("Europe/Oslo");
                assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2026, 12, 7));
            }
        } finally {
            TimeZone.setDefault(before);
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }
}
