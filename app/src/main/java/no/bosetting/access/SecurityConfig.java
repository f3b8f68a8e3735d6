package no.bosetting.access;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach which URL. Coarse role rules live here; scope (own municipality, own centre) is
 * checked again in every query and command, because a role alone must never open another unit's data.
 *
 * <p>Two filter chains: the JSON API ({@code /api/**}) is stateless — every request carries its own
 * credentials (HTTP Basic where enabled, a JWT bearer token where an issuer is configured) and the
 * browser's session cookie is no credential there, so a page elsewhere cannot make a signed-in browser
 * call it (no CSRF through the API). Everything else is the browser application with a session, the
 * login form or OIDC, and CSRF tokens on every form. Password sign-in on both goes through the
 * {@link SignInThrottle}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    private static final String[] AGENCY = {Role.AGENCY_CASEWORKER.name(), Role.AGENCY_PLANNER.name(), Role.AGENCY_ADMIN.name()};
    private static final String[] STAFF = java.util.Arrays.stream(Role.values()).filter(Role::isStaff).map(Role::name)
            .toArray(String[]::new);

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /** API clients get RFC 9457 problem details for refusals by the URL rules too. */
    private static void problem(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"https://bosetting.no/problems/" + type + "\",\"title\":\"" + type
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /**
     * No Micrometer observation around each of the security chain's filters (issue 22 item 2): with an observation
     * registry present Spring Security wraps every filter of every request in one, and the app exports no traces. Requests
     * are still timed as a whole (http.server.requests), and sign-in outcomes are in the audit and the throttle.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The only password check: the user table behind the throttle. As the one AuthenticationProvider bean it
     * is also the global authentication manager's only provider, so nothing can check the same password
     * again without the throttle.
     */
    @Bean
    AuthenticationProvider passwordAuthentication(UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle,
                                                  java.time.Clock clock,
                                                  @Value("${bosetting.security.verified-credentials.ttl:PT5M}") java.time.Duration ttl,
                                                  @Value("${bosetting.security.verified-credentials.max-entries:10000}") int maxEntries) {
        // HTTP Basic API clients send the password on every request: BCrypt once per ttl, not per request (issue 22).
        DaoAuthenticationProvider passwords = new RememberedPasswordChecks(accounts, clock, ttl, maxEntries);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * The JSON API: stateless, HTTP Basic unless {@code bosetting.security.api.http-basic=false} (the {@code prod}
     * profile), JWT bearer tokens whenever a {@link JwtDecoder} exists (the {@code oidc} profile's issuer).
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http,
                                               UserAccounts accounts,
                                               ObjectProvider<JwtDecoder> jwtDecoders,
                                               @Value("${bosetting.security.api.http-basic:true}") boolean basic,
                                               @Value("${bosetting.security.api.username-claims:preferred_username,email}") List<String> claims)
            throws Exception {
        boolean bearer = jwtDecoders.getIfAvailable() != null;
        List<String> challenges = new ArrayList<>();
        if (bearer) {
            challenges.add("Bearer");
        }
        if (basic) {
            challenges.add("Basic realm=\"Bosetting\"");
        }
        String how = bearer && basic ? "HTTP Basic eller bearer-token" : bearer ? "bearer-token" : basic ? "HTTP Basic" : "ingen";
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> unauthenticated(response, e, challenges, how);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/statistics/municipalities", "/api/v1/statistics/municipalities.csv").permitAll()
                        // The introduction programme's public results: shares only, small cells withheld, as /offentlig/introduksjon.
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/statistics/introduction").permitAll()
                        .requestMatchers("/api/v1/permits/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_ADMIN.name())
                        .requestMatchers("/api/v1/allocation-lists/**").hasRole(Role.AGENCY_CASEWORKER.name())
                        .requestMatchers("/api/v1/approvals/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_ADMIN.name())
                        // Grants as on /tilskudd/** (agency) and /kommune/tilskudd (the officer's own municipality, checked per call).
                        .requestMatchers("/api/v1/grants/payment-runs", "/api/v1/grants/payment-runs/**").hasAnyRole(AGENCY)
                        .requestMatchers("/api/v1/grants/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_PLANNER.name(),
                                Role.AGENCY_ADMIN.name(), Role.MUNICIPALITY_OFFICER.name())
                        .anyRequest().hasAnyRole(STAFF))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Never read the security context from the session: the session cookie is no API credential.
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                // No cookie authenticates an API request, so there is nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfig::headers)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "not-allowed",
                                "Rollen din har ikke tilgang til denne tjenesten.")));
        if (basic) {
            http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated));
        }
        if (bearer) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new ApiTokenAuthentication(accounts, claims))));
        }
        return http.build();
    }

    private static void unauthenticated(HttpServletResponse response, AuthenticationException e, List<String> challenges, String how)
            throws IOException {
        if (e instanceof SignInLockedException locked) {
            long seconds = Math.max(1, locked.retryAfter().toSeconds() + (locked.retryAfter().toNanosPart() > 0 ? 1 : 0));
            response.setHeader("Retry-After", String.valueOf(seconds));
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins",
                    "For mange mislykkede innlogginger. Prøv igjen om " + seconds + " sekunder.");
            return;
        }
        for (String challenge : challenges) {
            response.addHeader("WWW-Authenticate", challenge.startsWith("Bearer") && e instanceof OAuth2AuthenticationException
                    ? "Bearer error=\"invalid_token\"" : challenge);
        }
        problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Innlogging kreves (" + how + ").");
    }

    /**
     * The sign-in page as where a request without a session is sent. A request htmx makes (a list's filter or pager, a
     * pick on the engine's review) is told to load it as a whole page (HX-Redirect): followed by htmx itself, the
     * redirect would put the sign-in page inside the list.
     */
    private static AuthenticationEntryPoint signIn(String url) {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(url);
        return (request, response, e) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + url);
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
            } else {
                page.commence(request, response, e);
            }
        };
    }

    /** The browser application: sessions, the login form or OIDC, CSRF tokens on every form. */
    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http,
                                            UserAccounts accounts,
                                            ObjectProvider<ClientRegistrationRepository> oidcClients,
                                            ObjectProvider<RefugeeIdentities> refugees,
                                            @Value("${bosetting.security.form-login:true}") boolean formLogin,
                                            @Value("${bosetting.metrics.allowed-addresses:127.0.0.1/32,::1/128}") List<String> metricsAddresses)
            throws Exception {
        // Prometheus scrapes from the operations network without an account; anyone else needs the administrator role.
        // In production the client address comes from X-Forwarded-For set by a trusted proxy (server.forward-headers-strategy),
        // so a request through the load balancer counts as its real client, not the proxy.
        List<IpAddressMatcher> scrapers = metricsAddresses.stream().map(String::strip).filter(a -> !a.isEmpty())
                .map(IpAddressMatcher::new).toList();
        http.authorizeHttpRequests(auth -> auth
                // The container's error page for a request that failed; /error asked for directly is not a page.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(request -> request.getRequestURI().equals(request.getContextPath() + "/actuator/prometheus")
                        && scrapers.stream().anyMatch(m -> m.matches(request))).permitAll()
                .requestMatchers("/actuator/prometheus").hasRole(Role.AGENCY_ADMIN.name())
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                // Refugees sign in with their DUF number and a one-time code; their pages show only their own case.
                .requestMatchers("/min-side/logg-inn", "/min-side/logg-inn/**", "/demo-postkasse").permitAll()
                .requestMatchers("/min-side/**").hasRole(Role.REFUGEE.name())
                .requestMatchers("/offentlig/**").permitAll()
                // Residents and landlords offer a dwelling without an account; the form can only add an offer.
                .requestMatchers("/tilby-bolig", "/tilby-bolig/mottatt").permitAll()
                .requestMatchers("/import/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_ADMIN.name())
                .requestMatchers("/fordeling/policy").hasAnyRole(AGENCY)
                .requestMatchers("/fordeling/**").hasRole(Role.AGENCY_CASEWORKER.name())
                .requestMatchers("/forslag/**", "/kapasitet/**", "/soknader/**", "/selvbosetting/**", "/omgjoringer/**", "/tilskudd/**").hasAnyRole(AGENCY)
                .requestMatchers("/brevmaler/**").hasRole(Role.AGENCY_ADMIN.name())
                .requestMatchers("/godkjenninger/innstillinger").hasRole(Role.AGENCY_ADMIN.name())
                .requestMatchers("/godkjenninger/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_ADMIN.name())
                // Crisis mode (issue 18): planners and administrators switch it on and off; caseworkers decide fast-track applications.
                .requestMatchers(org.springframework.http.HttpMethod.POST, "/krise", "/krise/avslutt")
                        .hasAnyRole(Role.AGENCY_PLANNER.name(), Role.AGENCY_ADMIN.name())
                .requestMatchers("/krise/hurtigspor/godta", "/krise/hurtigspor/avvis").hasRole(Role.AGENCY_CASEWORKER.name())
                .requestMatchers("/krise", "/krise/**").hasAnyRole(AGENCY)
                .requestMatchers("/meldinger/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_PLANNER.name(),
                        Role.AGENCY_ADMIN.name(), Role.MUNICIPALITY_OFFICER.name())
                .requestMatchers("/kommune/**").hasRole(Role.MUNICIPALITY_OFFICER.name())
                .requestMatchers("/mottak/**").hasRole(Role.RECEPTION_STAFF.name())
                .requestMatchers("/saker/**", "/vedtak/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_PLANNER.name(),
                        Role.AGENCY_ADMIN.name(), Role.MUNICIPALITY_OFFICER.name(), Role.RECEPTION_STAFF.name())
                // Restricted concern reports: agency roles here, and the designation checked by every page (issue 18).
                .requestMatchers("/bekymringer", "/bekymringer/**").hasAnyRole(AGENCY)
                .requestMatchers("/statistikk/rettferdighet", "/statistikk/rettferdighet/**").hasAnyRole(AGENCY)
                .requestMatchers("/statistikk/**", "/oppgaver/**").hasAnyRole(STAFF)
                .anyRequest().authenticated());
        http.headers(SecurityConfig::headers);
        // Refugees have their own sign-in (DUF number and code, or ID-porten); staff the staff login page.
        // A refusal keeps its reason for the error page, so an expired form (CSRF) is told apart from a role without
        // access; Spring's own handler records it only when it forwards to a page of its own.
        http.exceptionHandling(ex -> ex
                .accessDeniedHandler((request, response, e) -> {
                    if (!response.isCommitted()) {
                        request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
                        response.sendError(HttpStatus.FORBIDDEN.value());
                    }
                })
                .defaultAuthenticationEntryPointFor(signIn("/min-side/logg-inn?krevd"),
                        request -> request.getRequestURI().startsWith(request.getContextPath() + "/min-side"))
                .defaultAuthenticationEntryPointFor(signIn("/login"), request -> true));
        if (formLogin) {
            SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
            SimpleUrlAuthenticationFailureHandler locked = new SimpleUrlAuthenticationFailureHandler("/login?sperret");
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
                    .failureHandler((request, response, e) -> (e instanceof SignInLockedException ? locked : wrong)
                            .onAuthenticationFailure(request, response, e)));
        }
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth.loginPage(formLogin ? "/login" : "/oauth2/authorization/bosetting")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcUserMapping(accounts, refugees.getIfAvailable()))));
        }
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
