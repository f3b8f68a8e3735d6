package no.bosetting.shared;

/**
 * What every new database connection sets, embedded ({@code EmbeddedPostgresConfig}) and external
 * ({@code spring.datasource.hikari.connection-init-sql}, which must be this same text — {@code DatabaseSessionTest}).
 * <ul>
 *   <li>{@code TimeZone}: dates of timestamps in SQL ({@code ::date}, {@code date_trunc}) are Norwegian dates whatever
 *       the JVM's zone; the driver sets the session's zone from the JVM's when it connects (issue 16 point 1).</li>
 *   <li>{@code plan_cache_mode = force_custom_plan}: the lists filter with optional parameters
 *       ({@code (? is null or c.status = ?)}); after five executions of a prepared statement PostgreSQL may switch to a
 *       generic plan made without the values, which for the case list on the national data set scanned the cases
 *       instead of using the filter's index — {@code /saker} served 20 views/s against 58 with a plan per execution
 *       (issue 22 item 2, measured with {@code bin/load-test}). Planning these statements costs far less than that.</li>
 * </ul>
 */
public final class DatabaseSession {

    public static final String INIT_SQL =
            "select set_config('TimeZone', 'Europe/Oslo', false), set_config('plan_cache_mode', 'force_custom_plan', false)";

    private DatabaseSession() {
    }
}
