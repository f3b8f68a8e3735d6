package no.bosetting.shared.web;

import java.util.List;
import java.util.Map;

import no.bosetting.cases.CaseQueries;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page after the last one (an old link after the list shrank, a hand-typed page number) says so, with the list's
 * size, instead of "Viser 0–100 av 3", and the pager still leads back to the list's pages.
 */
@IntegrationTest
class ListPastTheEndTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void aPageAfterTheLastSaysSoAndNothingIsCountedAsShown() {
        ListPage<String> past = new ListPage<>(List.of(), 3,
                PageRequest.read(Map.of("page", "2", "size", "2"), CaseQueries.SORT_KEYS, CaseQueries.DEFAULT_SORT), Map.of());
        assertThat(past.pastTheEnd()).isTrue();
        assertThat(past.firstShown()).isZero();
        assertThat(past.lastShown()).isZero();
        ListPage<String> last = new ListPage<>(List.of("c"), 3,
                PageRequest.read(Map.of("page", "1", "size", "2"), CaseQueries.SORT_KEYS, CaseQueries.DEFAULT_SORT), Map.of());
        assertThat(last.pastTheEnd()).isFalse();
        assertThat(last.firstShown()).isEqualTo(3);
        assertThat(last.lastShown()).isEqualTo(3);
        assertThat(new ListPage<String>(List.of(), 0, last.request(), Map.of()).pastTheEnd()).as("an empty list is not past its end").isFalse();
    }

    @Test
    void theCaseListPastItsLastPageSaysSoInTheReadersLanguage() throws Exception {
        fixtures.household(fixtures.centre("3403"), 0);
        String nb = mvc.perform(get("/saker").param("page", "99999").with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nb).contains("Denne siden er etter slutten av listen. Treff i alt:").doesNotContain("Viser 0");
        assertThat(nb).contains("rel=\"prev\"");
        String en = mvc.perform(get("/saker").param("page", "99999").param("lang", "en").with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("This page is past the end of the list. Results in all:");
    }
}
