package no.bosetting.access;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The JSON API is stateless: the browser's session cookie is no credential for it, so a page a user
 * has open elsewhere cannot make their browser post to the API (CSRF). API clients authenticate every
 * request (HTTP Basic in the demo profile, a bearer token in production).
 */
@IntegrationTest
class ApiSessionCookieTest {

    private static final String PASSWORD = "riktig-passord-for-api";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;

    @Test
    void aPostToTheApiWithOnlyTheSessionCookieIsRefusedWhileHttpBasicReachesTheEndpoint() throws Exception {
        Actor caseworker = new Actor("saksbehandler-api-" + Fixtures.next(), "Test API", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, PASSWORD, null);
        MvcResult login = mvc.perform(post("/login").param("username", caseworker.username()).param("password", PASSWORD)
                .with(csrf())).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(mvc.perform(get("/saker").session(session)).andReturn().getResponse().getStatus())
                .as("the session signs the browser in").isEqualTo(200);

        MvcResult cookieOnly = mvc.perform(post("/api/v1/permits/batch").session(session).contentType("text/csv").content(""))
                .andReturn();
        assertThat(cookieOnly.getResponse().getStatus()).isEqualTo(401);
        assertThat(cookieOnly.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(cookieOnly.getResponse().getContentAsString()).contains("\"status\":401").doesNotContain("import.fileRequired");
        assertThat(mvc.perform(get("/api/v1/cases").session(session)).andReturn().getResponse().getStatus()).isEqualTo(401);

        MvcResult basic = mvc.perform(post("/api/v1/permits/batch").with(httpBasic(caseworker.username(), PASSWORD))
                .contentType("text/csv").content("")).andReturn();
        assertThat(basic.getResponse().getStatus()).isEqualTo(422);
        assertThat(basic.getResponse().getContentAsString()).contains("import.fileRequired");
        assertThat(basic.getRequest().getSession(false)).as("no session for an API call").isNull();
    }
}
