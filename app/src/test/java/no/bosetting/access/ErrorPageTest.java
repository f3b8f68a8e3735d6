package no.bosetting.access;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** /error is where the container forwards errors; asked for directly it is a page that does not exist, never a 500. */
@IntegrationTest
class ErrorPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void getErrorDirectlyIsNotFoundForASignedInUserAndTheLoginForAnonymous() throws Exception {
        MvcResult signedIn = mvc.perform(get("/error").with(as(fixtures.caseworker()))).andReturn();
        assertThat(signedIn.getResponse().getStatus()).isEqualTo(404);
        MvcResult api = mvc.perform(get("/error").accept("application/json").with(as(fixtures.caseworker()))).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(404);

        MvcResult anonymous = mvc.perform(get("/error")).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isBetween(300, 499);
    }
}
