package no.bosetting.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The password check of {@link DaoAuthenticationProvider}, remembering for a short while which credentials it
 * has verified, so an API client sending HTTP Basic on every request pays BCrypt (~all of the request's cost)
 * once per {@code ttl}, not on every request (issue 22 item 2: {@code /api/v1/cases} ran at 0.04 of pgbench).
 *
 * <p>What is kept is only a SHA-256 of username, presented password <em>and the stored password hash</em> —
 * never the password itself. Because the stored hash is part of the key, a changed password misses at once;
 * a disabled or locked account is refused before this check (the provider's pre-authentication checks and
 * the {@link SignInThrottle} in front run on every request, the user row is read on every request). A wrong
 * password never matches a remembered key and always goes to the encoder. Bounded: at most
 * {@code maxEntries} keys, expired keys dropped when it fills, everything dropped if still full.
 */
class RememberedPasswordChecks extends DaoAuthenticationProvider {

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    RememberedPasswordChecks(UserDetailsService users, Clock clock, Duration ttl, int maxEntries) {
        super(users);
        if (ttl.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("Verified credentials are kept at most 5 minutes, not " + ttl);
        }
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        Object credentials = authentication.getCredentials();
        if (credentials == null || user.getPassword() == null || ttl.isZero()) {
            super.additionalAuthenticationChecks(user, authentication);
            return;
        }
        String key = key(user.getUsername(), credentials.toString(), user.getPassword());
        Instant now = clock.instant();
        Instant until = verified.get(key);
        if (until != null && now.isBefore(until)) {
            return;
        }
        super.additionalAuthenticationChecks(user, authentication); // throws on a wrong password
        remember(key, now.plus(ttl), now);
    }

    private void remember(String key, Instant until, Instant now) {
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(expiry -> !now.isBefore(expiry));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(key, until);
    }

    int size() {
        return verified.size();
    }

    private static String key(String username, String password, String storedHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {username, password, storedHash}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
