package no.bosetting.access;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.TestClock;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 22 item 2: HTTP Basic pays BCrypt once per few minutes per client, never at the cost of security. */
class RememberedPasswordChecksTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final Map<String, BosettingUser> users = new HashMap<>();
    private final RememberedPasswordChecks provider = provider(10);

    private RememberedPasswordChecks provider(int maxEntries) {
        RememberedPasswordChecks p = new RememberedPasswordChecks(name -> {
            BosettingUser user = users.get(name);
            if (user == null) {
                throw new UsernameNotFoundException(name);
            }
            return user;
        }, TestClock.clock(), Duration.ofMinutes(5), maxEntries);
        p.setPasswordEncoder(counting);
        return p;
    }

    private void account(String username, String password, boolean enabled) {
        users.put(username, new BosettingUser(new Actor(username, username, Role.AGENCY_CASEWORKER, null, null),
                bcrypt.encode(password), enabled));
    }

    private Authentication signIn(RememberedPasswordChecks p, String username, String password) {
        return p.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void theSecondRequestWithTheSameCredentialsDoesNotCallThePasswordEncoder() {
        account("saks1", "hemmelig", true);
        assertThat(signIn(provider, "saks1", "hemmelig").isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);
        Authentication second = signIn(provider, "saks1", "hemmelig");
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getPrincipal()).isInstanceOf(BosettingUser.class);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordStillFailsAfterTheRightOneWasRemembered() {
        account("saks1", "hemmelig", true);
        signIn(provider, "saks1", "hemmelig");
        assertThatThrownBy(() -> signIn(provider, "saks1", "feil")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(provider, "saks1", "feil")).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void aChangedPasswordRefusesTheOldOneAtOnce() {
        account("saks1", "hemmelig", true);
        signIn(provider, "saks1", "hemmelig");
        account("saks1", "nytt-passord", true);
        assertThatThrownBy(() -> signIn(provider, "saks1", "hemmelig")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn(provider, "saks1", "nytt-passord").isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledAccountIsRefusedThoughItsPasswordWasRemembered() {
        account("saks1", "hemmelig", true);
        signIn(provider, "saks1", "hemmelig");
        users.put("saks1", new BosettingUser(users.get("saks1").actor(), users.get("saks1").getPassword(), false));
        assertThatThrownBy(() -> signIn(provider, "saks1", "hemmelig")).isInstanceOf(DisabledException.class);
    }

    @Test
    void aRememberedCheckExpiresAfterFiveMinutes() {
        account("saks1", "hemmelig", true);
        signIn(provider, "saks1", "hemmelig");
        ShiftableClock.runAt(TestClock.instant().plus(Duration.ofMinutes(5)).plusSeconds(1), () -> signIn(provider, "saks1", "hemmelig"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void keepsAtMostItsBoundAndNeverThePassword() {
        RememberedPasswordChecks small = provider(2);
        for (String name : new String[] {"a", "b", "c"}) {
            account(name, "hemmelig-" + name, true);
            signIn(small, name, "hemmelig-" + name);
        }
        assertThat(small.size()).isLessThanOrEqualTo(2);
        assertThatThrownBy(() -> new RememberedPasswordChecks(name -> null, TestClock.clock(), Duration.ofMinutes(6), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
