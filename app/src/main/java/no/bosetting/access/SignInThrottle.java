package no.bosetting.access;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles staff sign-in with a password (login form and HTTP Basic), per username and per client
 * address, in the database so every node sees the same counts. After {@code max-failures} consecutive
 * failures a key is locked for {@code first-lock}; each further failure after a lock has ended locks it
 * for twice as long, up to {@code max-lock}. A successful sign-in forgets the username's failures; an
 * address's failures are forgotten after a quiet period ({@code forget-after} past the last failure or
 * lock), so one account of one's own cannot reset an address that is guessing at others. Every failure,
 * lock-out and attempt refused while locked is written to {@code sign_in_audit}.
 */
@Service
public class SignInThrottle {

    /** How the attempt arrived; recorded in the audit. */
    public enum Channel { FORM, HTTP_BASIC, STARTUP }

    enum Key { USERNAME, ADDRESS }

    /** Keys are cut to this length, so a flood of long made-up usernames cannot bloat the table. */
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int userMaxFailures;
    private final Duration userForgetAfter;
    private final int addressMaxFailures;
    private final Duration addressForgetAfter;
    private final Duration firstLock;
    private final Duration maxLock;

    public SignInThrottle(JdbcClient jdbc, Clock clock,
                          @Value("${bosetting.sign-in.throttle.user.max-failures:5}") int userMaxFailures,
                          @Value("${bosetting.sign-in.throttle.user.forget-after:PT24H}") Duration userForgetAfter,
                          @Value("${bosetting.sign-in.throttle.address.max-failures:50}") int addressMaxFailures,
                          @Value("${bosetting.sign-in.throttle.address.forget-after:PT1H}") Duration addressForgetAfter,
                          @Value("${bosetting.sign-in.throttle.first-lock:PT1M}") Duration firstLock,
                          @Value("${bosetting.sign-in.throttle.max-lock:PT1H}") Duration maxLock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.userMaxFailures = userMaxFailures;
        this.userForgetAfter = userForgetAfter;
        this.addressMaxFailures = addressMaxFailures;
        this.addressForgetAfter = addressForgetAfter;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
    }

    /** How long until the username or the address may try again; empty when neither is locked. */
    public Optional<Duration> lockedFor(String username, String address) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                select max(locked_until) from sign_in_throttle
                where locked_until > :now
                  and ((key_kind = 'USERNAME' and key_value = :u) or (key_kind = 'ADDRESS' and key_value = :a))
                """)
                .param("now", now).param("u", key(Key.USERNAME, username)).param("a", key(Key.ADDRESS, address))
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single()
                .map(until -> Duration.between(now, until));
    }

    /** An attempt refused without checking the password, because a key was locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String username, String address, Channel channel, Duration lockedFor) {
        audit("REFUSED_LOCKED", username, address, channel, "locked for another " + lockedFor.toSeconds() + " s");
    }

    /** A wrong password, an unknown or a disabled account: counts against both keys and may lock them. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String address, Channel channel, String reason) {
        OffsetDateTime now = now();
        audit("FAILED", username, address, channel, reason);
        count(Key.USERNAME, username, now, userMaxFailures, userForgetAfter, username, address, channel);
        if (address != null) {
            count(Key.ADDRESS, address, now, addressMaxFailures, addressForgetAfter, username, address, channel);
        }
    }

    /** A successful sign-in forgets the username's failures (not the address's). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        jdbc.sql("delete from sign_in_throttle where key_kind = 'USERNAME' and key_value = :u")
                .param("u", key(Key.USERNAME, username)).update();
    }

    /** A security event outside sign-in itself (the bootstrap administrator, accounts disabled at start-up). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String event, String username, String detail) {
        audit(event, username, null, Channel.STARTUP, detail);
    }

    /** Removes keys whose failures are forgotten anyway (nightly; harmless on every node at once). */
    @Scheduled(cron = "${bosetting.sign-in.throttle.cleanup-cron:0 17 3 * * *}")
    @Transactional
    public void forgetOld() {
        Duration longest = userForgetAfter.compareTo(addressForgetAfter) > 0 ? userForgetAfter : addressForgetAfter;
        jdbc.sql("delete from sign_in_throttle where coalesce(locked_until, last_failure_at) < :before")
                .param("before", now().minus(longest)).update();
    }

    private void count(Key key, String value, OffsetDateTime now, int maxFailures, Duration forgetAfter,
                       String username, String address, Channel channel) {
        // One statement per key, so two nodes counting at once each add one; a key quiet for longer than
        // forgetAfter (after its last failure, or after its lock ended) starts again from one.
        int failures = jdbc.sql("""
                insert into sign_in_throttle (key_kind, key_value, failures, last_failure_at)
                values (:k, :v, 1, :now)
                on conflict (key_kind, key_value) do update set
                    failures = case when coalesce(sign_in_throttle.locked_until, sign_in_throttle.last_failure_at) < :forgetBefore
                                    then 1 else sign_in_throttle.failures + 1 end,
                    locked_until = case when coalesce(sign_in_throttle.locked_until, sign_in_throttle.last_failure_at) < :forgetBefore
                                        then null else sign_in_throttle.locked_until end,
                    last_failure_at = :now
                returning failures
                """)
                .param("k", key.name()).param("v", key(key, value)).param("now", now)
                .param("forgetBefore", now.minus(forgetAfter))
                .query(Integer.class).single();
        if (failures < maxFailures) {
            return;
        }
        Duration lock = lockFor(failures - maxFailures, firstLock, maxLock);
        jdbc.sql("update sign_in_throttle set locked_until = :until where key_kind = :k and key_value = :v")
                .param("until", now.plus(lock)).param("k", key.name()).param("v", key(key, value)).update();
        audit("LOCKED_OUT", username, address, channel,
                key.name().toLowerCase(Locale.ROOT) + " locked for " + lock.toSeconds() + " s after " + failures + " failures");
    }

    /** The lock after {@code beyond} failures past the limit: the first lock, doubled for each, at most {@code max}. */
    static Duration lockFor(int beyond, Duration first, Duration max) {
        if (beyond >= 30) {
            return max;
        }
        Duration lock = first.multipliedBy(1L << beyond);
        return lock.compareTo(max) > 0 ? max : lock;
    }

    private void audit(String event, String username, String address, Channel channel, String detail) {
        jdbc.sql("""
                insert into sign_in_audit (occurred_at, event, username, client_address, channel, detail)
                values (:at, :e, :u, :a, :c, :d)
                """)
                .param("at", now()).param("e", event).param("u", cut(username)).param("a", address)
                .param("c", channel.name()).param("d", detail)
                .update();
    }

    private static String key(Key key, String value) {
        if (value == null) {
            return "";
        }
        return key == Key.USERNAME ? cut(value.trim().toLowerCase(Locale.ROOT)) : cut(value);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_KEY_LENGTH ? value : value.substring(0, MAX_KEY_LENGTH);
    }

    /** To the microsecond, as PostgreSQL stores it. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
