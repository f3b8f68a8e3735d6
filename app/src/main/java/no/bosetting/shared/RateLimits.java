package no.bosetting.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window rate limits counted in PostgreSQL, so the limit holds across every instance of the
 * application (production runs more than one; the scheduler's ShedLock and the outbox assume the same).
 * One atomic upsert per hit: two requests at the same moment can never both take the last place.
 * The client is kept only as a SHA-256 hash, and windows older than a day are deleted as hits arrive.
 */
@Service
public class RateLimits {

    private static final Duration KEEP = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    public RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The outcome of one hit: allowed, or refused with the time until the window ends. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    /**
     * Counts one hit for the client in the bucket's current window and says whether it is within {@code max}.
     * Runs in its own transaction, so the count stands even if the caller's work fails afterwards.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Decision hit(String bucket, String client, int max, Duration window) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        int hits = jdbc.sql("""
                insert into request_rate_limit (bucket, client_hash, window_start, hits) values (:b, :c, :w, 1)
                on conflict (bucket, client_hash, window_start) do update set hits = request_rate_limit.hits + 1
                returning hits
                """)
                .param("b", bucket).param("c", hash(client)).param("w", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .query(Integer.class).single();
        jdbc.sql("delete from request_rate_limit where window_start < :old")
                .param("old", OffsetDateTime.ofInstant(now.minus(KEEP), ZoneOffset.UTC)).update();
        Duration retryAfter = Duration.between(now, start.plus(window));
        return new Decision(hits <= max, retryAfter);
    }

    private static String hash(String client) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(client).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
