package no.bosetting.cases.web;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case list filters and pages without a full reload when htmx asks ({@code HX-Request}): the answer is then the
 * results alone; without JavaScript the same links and form give the whole page.
 */
@IntegrationTest
class CaseListHtmxTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void theWholePageCarriesTheHtmxAttributesAndWorksAsAPlainPage() throws Exception {
        fixtures.household(fixtures.centre("0301"), 0);
        String page = mvc.perform(get("/saker").param("status", "UNDER_MAPPING").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html", "<nav", "class=\"filters\"", "method=\"get\"", "hx-get=\"/saker\"",
                "hx-target=\"#case-results\"", "hx-push-url=\"true\"", "id=\"case-results\"", "id=\"case-count\"",
                "htmx.min.js");
        assertThat(page).as("the count is swapped out of band only in a fragment").doesNotContain("hx-swap-oob");
    }

    @Test
    void anHtmxRequestGetsOnlyTheResults() throws Exception {
        fixtures.household(fixtures.centre("0301"), 0);
        String fragment = mvc.perform(get("/saker").param("status", "UNDER_MAPPING").param("page", "0")
                        .header("HX-Request", "true").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment.strip()).startsWith("<p id=\"case-count\"");
        assertThat(fragment).contains("hx-swap-oob=\"innerHTML\"", "id=\"case-results\"", "<table", "class=\"pager\"")
                .doesNotContain("<html", "<head", "<header", "class=\"filters\"", "<main", "error-summary");
    }

    @Test
    void aFilterThatCannotBeReadIsShownNextToItsFieldOnTheWholePage() throws Exception {
        mvc.perform(get("/saker").param("minDays", "mange").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(containsString("error-summary"), containsString("id=\"minDays-error\""),
                                containsString("Skriv et helt tall"), containsString("value=\"mange\""))));
        // htmx would swap only the results: it is sent to the whole page instead.
        mvc.perform(get("/saker").param("minDays", "mange").header("HX-Request", "true").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/saker?minDays=mange"));
    }
}
