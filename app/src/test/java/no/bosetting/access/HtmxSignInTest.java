package no.bosetting.access;

import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A request htmx makes without a session (a list's filter after the session ended) is told to load the sign-in page
 * as a whole page; followed by htmx, the redirect would have put the sign-in page inside the list.
 */
@IntegrationTest
class HtmxSignInTest {

    @Autowired
    MockMvc mvc;

    @Test
    void htmxIsToldToLoadTheSignInPageAndAPlainRequestIsRedirected() throws Exception {
        MvcResult htmx = mvc.perform(get("/saker").header("HX-Request", "true")).andReturn();
        assertThat(htmx.getResponse().getStatus()).isEqualTo(401);
        assertThat(htmx.getResponse().getHeader("HX-Redirect")).isEqualTo("/login");

        MvcResult refugee = mvc.perform(get("/min-side/brev").header("HX-Request", "true")).andReturn();
        assertThat(refugee.getResponse().getHeader("HX-Redirect")).isEqualTo("/min-side/logg-inn?krevd");

        MvcResult plain = mvc.perform(get("/saker")).andReturn();
        assertThat(plain.getResponse().getStatus()).isEqualTo(302);
        assertThat(plain.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(plain.getResponse().getHeader("HX-Redirect")).isNull();
    }
}
