package no.bosetting.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach which URL. Coarse role rules live here; scope (own municipality, own centre) is
 * checked again in every query and command, because a role alone must never open another unit's data.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    private static final String[] AGENCY = {Role.AGENCY_CASEWORKER.name(), Role.AGENCY_PLANNER.name(), Role.AGENCY_ADMIN.name()};
    private static final String[] STAFF = java.util.Arrays.stream(Role.values()).filter(Role::isStaff).map(Role::name)
            .toArray(String[]::new);

    /** API clients get RFC 9457 problem details for refusals by the URL rules too. */
    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Bosetting\"");
        }
        String type = status == HttpStatus.UNAUTHORIZED ? "unauthenticated" : "not-allowed";
        response.getWriter().write("{\"type\":\"https://bosetting.no/problems/" + type + "\",\"title\":\"" + type
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
                                            UserAccounts accounts,
                                            ObjectProvider<ClientRegistrationRepository> oidcClients,
                                            ObjectProvider<RefugeeIdentities> refugees,
                                            @Value("${bosetting.security.form-login:true}") boolean formLogin) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                // Refugees sign in with their DUF number and a one-time code; their pages show only their own case.
                .requestMatchers("/min-side/logg-inn", "/min-side/logg-inn/**", "/demo-postkasse").permitAll()
                .requestMatchers("/min-side/**").hasRole(Role.REFUGEE.name())
                .requestMatchers("/offentlig/**", "/api/v1/statistics/municipalities", "/api/v1/statistics/municipalities.csv").permitAll()
                // Residents and landlords offer a dwelling without an account; the form can only add an offer.
                .requestMatchers("/tilby-bolig", "/tilby-bolig/mottatt").permitAll()
                .requestMatchers("/import/**", "/api/v1/permits/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_ADMIN.name())
                .requestMatchers("/fordeling/policy").hasAnyRole(AGENCY)
                .requestMatchers("/fordeling/**", "/api/v1/allocation-lists/**").hasRole(Role.AGENCY_CASEWORKER.name())
                .requestMatchers("/forslag/**", "/kapasitet/**", "/soknader/**", "/selvbosetting/**", "/omgjoringer/**").hasAnyRole(AGENCY)
                .requestMatchers("/brevmaler/**").hasRole(Role.AGENCY_ADMIN.name())
                .requestMatchers("/meldinger/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_PLANNER.name(),
                        Role.AGENCY_ADMIN.name(), Role.MUNICIPALITY_OFFICER.name())
                .requestMatchers("/kommune/**").hasRole(Role.MUNICIPALITY_OFFICER.name())
                .requestMatchers("/mottak/**").hasRole(Role.RECEPTION_STAFF.name())
                .requestMatchers("/saker/**", "/vedtak/**").hasAnyRole(Role.AGENCY_CASEWORKER.name(), Role.AGENCY_PLANNER.name(),
                        Role.AGENCY_ADMIN.name(), Role.MUNICIPALITY_OFFICER.name(), Role.RECEPTION_STAFF.name())
                .requestMatchers("/statistikk/**", "/oppgaver/**", "/api/**").hasAnyRole(STAFF)
                .anyRequest().authenticated());
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // The JSON API authenticates every request (HTTP Basic or a bearer session) and carries no cookies
        // from forms, so CSRF tokens apply to the browser forms only.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(api));
        http.httpBasic(Customizer.withDefaults());
        // Browsers are sent to the login page; API clients get 401 with no redirect.
        http.exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                        "Innlogging kreves (HTTP Basic eller OIDC)."), api)
                .defaultAccessDeniedHandlerFor((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                        "Rollen din har ikke tilgang til denne tjenesten."), api)
                // Refugees have their own sign-in (DUF number and code, or ID-porten); staff the staff login page.
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/min-side/logg-inn?krevd"),
                        request -> request.getRequestURI().startsWith(request.getContextPath() + "/min-side"))
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> !api.matches(request)));
        if (formLogin) {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll());
        }
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth.loginPage(formLogin ? "/login" : "/oauth2/authorization/bosetting")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcUserMapping(accounts, refugees.getIfAvailable()))));
        }
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        http.userDetailsService(accounts);
        return http.build();
    }
}
