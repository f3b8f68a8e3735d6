package no.bosetting.access;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused because the username or the client address is locked out after too many failures.
 * A {@link LockedException}, so no other authentication provider gets to try the same credentials.
 */
class SignInLockedException extends LockedException {

    private final Duration retryAfter;

    public SignInLockedException(Duration retryAfter) {
        super("Too many failed sign-ins; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** How long until the lock ends. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
