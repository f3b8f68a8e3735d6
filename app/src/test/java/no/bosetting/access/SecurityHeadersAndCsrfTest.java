package no.bosetting.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.AuthorisationMatrixTest.Rule;
import no.bosetting.access.AuthorisationMatrixTest.World;
import no.bosetting.access.Routes.Route;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Security headers on every HTML page and CSRF protection on every browser form, over the routes
 * discovered from the application. (The browser tests also check that every rendered POST form
 * carries the token, and the headers of every page in the core flow.)
 */
@IntegrationTest
class SecurityHeadersAndCsrfTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;

    /**
     * Headers and the CSRF check do not depend on whose data an id names; a route the matrix has no
     * data for yet (it reports that) is still checked here, with an id that names nothing.
     */
    private static String anyUri(Route route, World world) {
        try {
            return AuthorisationMatrixTest.fill(route.pattern(), world.data());
        } catch (AssertionError e) {
            return route.pattern().replaceAll("\\{[^}/]+}", "0");
        }
    }

    @Test
    void everyHtmlPageForEveryCallerSendsTheSecurityHeaders() throws Exception {
        World world = AuthorisationMatrixTest.world(fixtures, proposals, decisions, jdbc, mvc, context);
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (Route route : Routes.all(context)) {
            if (route.changesState() || route.isApi()) {
                continue;
            }
            String uri = anyUri(route, world);
            List<Actor> callers = new ArrayList<>(world.actors().values());
            callers.add(null);
            for (Actor caller : callers) {
                AbstractMockHttpServletRequestBuilder<?> request = Routes.emptyRequest(route, uri);
                if (caller != null) {
                    request.with(as(caller));
                }
                String who = caller == null ? "anonymous" : caller.role().name();
                MockHttpServletResponse response;
                try {
                    response = mvc.perform(request).andReturn().getResponse();
                } catch (Exception e) {
                    problems.add("GET " + uri + " as " + who + ": request failed: " + e.getMessage());
                    continue;
                }
                String type = response.getContentType();
                if (type == null || !type.startsWith("text/html")) {
                    continue;
                }
                pages++;
                String where = "GET " + uri + " as " + who + " (HTTP " + response.getStatus() + ")";
                String csp = response.getHeader("Content-Security-Policy");
                if (csp == null || !csp.contains("default-src") || !csp.contains("object-src 'none'")) {
                    problems.add(where + ": Content-Security-Policy missing or without default-src/object-src: " + csp);
                }
                if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
                    problems.add(where + ": X-Content-Type-Options is not nosniff");
                }
                if (!"DENY".equals(response.getHeader("X-Frame-Options")) && (csp == null || !csp.contains("frame-ancestors 'none'"))) {
                    problems.add(where + ": may be framed (neither X-Frame-Options DENY nor frame-ancestors 'none')");
                }
                if (response.getHeader("Referrer-Policy") == null) {
                    problems.add(where + ": no Referrer-Policy");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertThat(pages).as("HTML pages checked").isGreaterThan(20);
    }

    @Test
    void everyBrowserFormRefusesAPostWithoutTheCsrfTokenAndChangesNothing() throws Exception {
        World world = AuthorisationMatrixTest.world(fixtures, proposals, decisions, jdbc, mvc, context);
        String before = world.data().state(jdbc);
        List<String> problems = new ArrayList<>();
        int forms = 0;
        for (Route route : Routes.all(context)) {
            if (!route.changesState() || route.isApi()) {
                continue;
            }
            forms++;
            Rule rule = AuthorisationMatrixTest.ruleFor(route);
            // Someone the route lets through, so the refusal can only come from the missing token.
            Actor caller = world.actors().entrySet().stream()
                    .filter(e -> rule != null && (rule.open() || rule.roles().contains(e.getKey())))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(world.actors().get(Role.AGENCY_CASEWORKER));
            int status = mvc.perform(Routes.emptyRequest(route, anyUri(route, world)).with(as(caller)))
                    .andReturn().getResponse().getStatus();
            if (status != 403) {
                problems.add(route + " as " + caller.role() + " without a CSRF token: expected 403, got " + status);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertThat(forms).as("browser form routes checked").isGreaterThan(10);
        assertThat(world.data().state(jdbc)).isEqualTo(before);

        // A complete, valid council decision without the token is refused and not recorded.
        Actor owner = fixtures.municipality(AuthorisationMatrixTest.OWNER_MUNICIPALITY);
        int year = TestClock.today().getYear();
        Integer decided = decisions.placesUsed(AuthorisationMatrixTest.OWNER_MUNICIPALITY, year).decided();
        int status = mvc.perform(post("/kommune/vedtak").with(as(owner)).param("year", String.valueOf(year))
                .param("persons", "999").param("unaccompaniedMinors", "0")).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(decisions.placesUsed(AuthorisationMatrixTest.OWNER_MUNICIPALITY, year).decided()).isEqualTo(decided).isNotEqualTo(999);
    }
}
