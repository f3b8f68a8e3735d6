package no.bosetting.shared;

import javax.sql.DataSource;

import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection plans each execution with its values (issue 22 item 2: a generic plan of the case list's optional
 * filters made {@code /saker} three times slower on the national data set), embedded and external alike.
 */
@IntegrationTest
class DatabaseSessionTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Environment environment;

    @Test
    void aPooledConnectionPlansEveryExecutionWithItsValuesAndCountsInNorwegianTime() throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rs = statement.executeQuery("select current_setting('plan_cache_mode'), current_setting('TimeZone')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
            assertThat(rs.getString(2)).isEqualTo("Europe/Oslo");
        }
    }

    @Test
    void aPreparedListQueryRunManyTimesIsStillPlannedWithItsValue() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("prepare bosetting_plan_check(text) as select count(*) from settlement_case c "
                    + "where ($1::text is null or c.status = $1::text)");
            try {
                for (int i = 0; i < 8; i++) {
                    statement.execute("execute bosetting_plan_check('READY_FOR_ALLOCATION')");
                }
                StringBuilder plan = new StringBuilder();
                try (var rs = statement.executeQuery("explain execute bosetting_plan_check('READY_FOR_ALLOCATION')")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                // A generic plan keeps the placeholder ($1); a custom plan has the value in its filter.
                assertThat(plan.toString()).contains("READY_FOR_ALLOCATION").doesNotContain("$1");
            } finally {
                statement.execute("deallocate bosetting_plan_check");
            }
        }
    }

    @Test
    void anExternalDatabaseGetsTheSameSettingsAsTheEmbeddedOne() {
        assertThat(environment.getProperty("spring.datasource.hikari.connection-init-sql")).isEqualTo(DatabaseSession.INIT_SQL);
    }
}
