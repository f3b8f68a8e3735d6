package no.bosetting.access;

import java.time.Duration;
import java.time.OffsetDateTime;

import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Staff sign-in is throttled per username and per client address, on the login form and on HTTP Basic
 * for the API alike, with a lock-out that grows and an audit entry for every failure and lock-out.
 * Every request here comes from its own documentation address (RFC 5737), never from 127.0.0.1, so the
 * failures cannot lock out the other tests sharing the database.
 */
@IntegrationTest
class SignInThrottlingTest {

    private static final String PASSWORD = "riktig-passord-for-test";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    private Actor newOfficer() {
        Actor actor = new Actor("kommune-vardo-" + Fixtures.next(), "Test Vardø", Role.MUNICIPALITY_OFFICER, "5634", null);
        accounts.createIfMissing(actor, PASSWORD, null);
        return actor;
    }

    /** A client address of its own for each call: only the username can be what locks. */
    private static String freshAddress() {
        long n = Fixtures.next();
        return "198.51." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MvcResult formLogin(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
                .andReturn();
    }

    private long audit(String username, String event) {
        return jdbc.sql("select count(*) from sign_in_audit where username = :u and event = :e")
                .param("u", username).param("e", event).query(Long.class).single();
    }

    @Test
    void fortyWrongPasswordsOnTheLoginFormAndTheRightOneIsRefused() throws Exception {
        Actor officer = newOfficer();
        for (int i = 0; i < 40; i++) {
            assertThat(formLogin(officer.username(), "feil-" + i, freshAddress()).getResponse().getRedirectedUrl())
                    .startsWith("/login?");
        }
        MvcResult right = formLogin(officer.username(), PASSWORD, freshAddress());

        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?sperret");
        assertThat(right.getRequest().getSession(false) == null
                || right.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT") == null).isTrue();
        assertThat(audit(officer.username(), "FAILED")).isEqualTo(5);
        assertThat(audit(officer.username(), "LOCKED_OUT")).isEqualTo(1);
        assertThat(audit(officer.username(), "REFUSED_LOCKED")).isEqualTo(36);
        assertThat(jdbc.sql("select channel from sign_in_audit where username = :u and event = 'LOCKED_OUT'")
                .param("u", officer.username()).query(String.class).single()).isEqualTo("FORM");
        // The login page says why, in Norwegian.
        mvc.perform(get("/login?sperret")).andExpect(result -> assertThat(result.getResponse().getContentAsString())
                .contains("For mange mislykkede innlogginger"));
    }

    @Test
    void fortyWrongPasswordsOnHttpBasicAndTheRightOneIsRefused() throws Exception {
        Actor officer = newOfficer();
        assertThat(mvc.perform(get("/api/v1/cases").with(httpBasic(officer.username(), PASSWORD)).with(from(freshAddress())))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        for (int i = 0; i < 40; i++) {
            int status = mvc.perform(get("/api/v1/cases").with(httpBasic(officer.username(), "feil-" + i)).with(from(freshAddress())))
                    .andReturn().getResponse().getStatus();
            assertThat(status).isIn(401, 429);
        }
        MvcResult right = mvc.perform(get("/api/v1/cases").with(httpBasic(officer.username(), PASSWORD)).with(from(freshAddress())))
                .andReturn();

        assertThat(right.getResponse().getStatus()).isEqualTo(429);
        assertThat(right.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(right.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(audit(officer.username(), "FAILED")).isEqualTo(5);
        assertThat(audit(officer.username(), "LOCKED_OUT")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from sign_in_audit where username = :u and channel = 'HTTP_BASIC'")
                .param("u", officer.username()).query(Long.class).single()).isEqualTo(42);
    }

    @Test
    void theLockOutEndsAndGrowsWithEachFurtherFailureUntilASuccess() throws Exception {
        Actor officer = newOfficer();
        for (int i = 0; i < 5; i++) {
            formLogin(officer.username(), "feil-" + i, freshAddress());
        }
        assertThat(lockedFor(officer.username())).isEqualTo(Duration.ofMinutes(1));

        // After the first minute one more failure locks for two minutes, then four.
        Duration waited = Duration.ofSeconds(61);
        later(waited, () -> formLogin(officer.username(), "feil-6", freshAddress()));
        assertThat(lockedFor(officer.username())).isEqualTo(Duration.ofMinutes(2));
        Duration waitedAgain = waited.plusMinutes(2).plusSeconds(1);
        later(waitedAgain, () -> formLogin(officer.username(), "feil-7", freshAddress()));
        assertThat(lockedFor(officer.username())).isEqualTo(Duration.ofMinutes(4));

        // Still locked a minute later, even with the right password; signed in once the lock has ended, which resets it.
        String tooSoon = later(waitedAgain.plusMinutes(1),
                () -> formLogin(officer.username(), PASSWORD, freshAddress()).getResponse().getRedirectedUrl());
        assertThat(tooSoon).isEqualTo("/login?sperret");
        String afterTheLock = later(waitedAgain.plusMinutes(4).plusSeconds(1),
                () -> formLogin(officer.username(), PASSWORD, freshAddress()).getResponse().getRedirectedUrl());
        assertThat(afterTheLock).isEqualTo("/");
        assertThat(jdbc.sql("select count(*) from sign_in_throttle where key_kind = 'USERNAME' and key_value = :u")
                .param("u", officer.username()).query(Long.class).single()).isZero();
    }

    @Test
    void oneAddressTryingManyUsernamesIsLockedOutForEveryone() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 50; i++) {
            formLogin("gjett-" + Fixtures.next(), "passord", address);
        }
        Actor officer = newOfficer();

        assertThat(formLogin(officer.username(), PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/login?sperret");
        assertThat(jdbc.sql("select count(*) from sign_in_audit where client_address = :a and event = 'LOCKED_OUT'")
                .param("a", address).query(Long.class).single()).isEqualTo(1);
        // The same account from another address is not affected.
        assertThat(formLogin(officer.username(), PASSWORD, freshAddress()).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    /** Runs the call with this thread's "now" moved on by {@code after}, as if that time had passed. */
    private static <T> T later(Duration after, java.util.concurrent.Callable<T> call) throws Exception {
        ShiftableClock.set(TestClock.instant().plus(after));
        try {
            return call.call();
        } finally {
            ShiftableClock.reset();
        }
    }

    private Duration lockedFor(String username) {
        return jdbc.sql("select locked_until, last_failure_at from sign_in_throttle where key_kind = 'USERNAME' and key_value = :u")
                .param("u", username)
                .query((rs, n) -> Duration.between(rs.getObject(2, OffsetDateTime.class), rs.getObject(1, OffsetDateTime.class)))
                .single();
    }
}
