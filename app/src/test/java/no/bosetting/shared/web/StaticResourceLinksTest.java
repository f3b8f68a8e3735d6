package no.bosetting.shared.web;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 22 item 2: a page's links to other pages are not looked up as static files. Under Spring Boot's {@code /**}
 * resource mapping every {@code @{/saker/43}} a page renders went through the resource URL encoder to four classpath
 * folders (a miss, never cached): 71 % of the CPU of {@code /saker} under load. Static files keep working.
 */
@IntegrationTest
class StaticResourceLinksTest {

    @Autowired
    ResourceUrlProvider resources;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void linksToPagesAreNotStaticResourceLookups() {
        assertThat(resources.getHandlerMap().keySet()).as("no catch-all static mapping").doesNotContain("/**")
                .contains("/css/**", "/js/**", "/webjars/**");
        assertThat(resources.getForLookupPath("/saker/43")).isNull();
        assertThat(resources.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js")).as("the webjar link gets its version")
                .matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
    }

    @Test
    void staticFilesAndTheVersionedHtmxAreStillServed() throws Exception {
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        String page = mvc.perform(get("/saker").with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String htmx = page.replaceAll("(?s).*src=\"(/webjars/htmx\\.org/[^\"]+)\".*", "$1");
        assertThat(htmx).matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
        mvc.perform(get(htmx)).andExpect(status().isOk());
    }
}
