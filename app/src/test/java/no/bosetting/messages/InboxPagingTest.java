package no.bosetting.messages;

import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox with the list component: the count of all threads, numbered pages that keep the filter for empty threads. */
@IntegrationTest
class InboxPagingTest {

    /** Vestvågøy (Nordland): no other test uses it. */
    private static final String MUNICIPALITY = "1860";

    @Autowired
    Fixtures fixtures;
    @Autowired
    MessageThreads threads;
    @Autowired
    ThreadMessages messages;
    @Autowired
    MockMvc mvc;

    @Test
    void theInboxPagesLatestFirstWithTheCountAndKeepsTheEmptyThreadsFilter() throws Exception {
        Actor officer = fixtures.municipality(MUNICIPALITY);
        List<Long> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 0);
            fixtures.ready(caseId);
            fixtures.propose(caseId, MUNICIPALITY);
            cases.add(caseId);
        }
        // A saved contact starts the first case's thread without a message; the others get one each, the last the latest.
        threads.setMunicipalityContact(threads.caseThreadToRead(cases.get(0), null, officer).orElseThrow(), officer, "Kari Kontakt", null, null)
                .value();
        for (long caseId : cases.subList(1, 4)) {
            messages.post(threads.caseThreadToRead(caseId, null, officer).orElseThrow(), officer, "Når kan dere svare?", List.of()).value();
        }

        String first = page(officer, "/meldinger?size=2");
        assertThat(first).contains("id=\"inbox-count\"").contains("Viser 1–2 av 3")
                .contains(thread(cases.get(3))).contains(thread(cases.get(2))).doesNotContain(thread(cases.get(1)))
                .contains("href=\"/meldinger?size=2&amp;page=1\"").contains("rel=\"next\"");
        String second = page(officer, "/meldinger?size=2&page=1");
        assertThat(second).contains("Viser 3–3 av 3").contains(thread(cases.get(1))).doesNotContain(thread(cases.get(3)))
                .contains("rel=\"prev\"");
        assertThat(page(officer, "/meldinger?size=2&side=2")).as("the old address counted pages from 1").contains("Viser 3–3 av 3");
        assertThat(page(officer, "/meldinger?size=2&lang=en")).contains("Showing 1–2 of 3");

        String withEmpty = page(officer, "/meldinger?tomme=1&size=2");
        assertThat(withEmpty).contains("Viser 1–2 av 4").doesNotContain(thread(cases.get(0)))
                .contains("href=\"/meldinger?tomme=1&amp;size=2&amp;page=1\"");
        assertThat(page(officer, "/meldinger?tomme=1&size=2&page=1")).contains("Viser 3–4 av 4").contains(thread(cases.get(0)))
                .contains("href=\"/meldinger?tomme=1&amp;size=2\"");
    }

    private static String thread(long caseId) {
        return "href=\"/meldinger/sak/" + caseId + "?kommune=" + MUNICIPALITY + "\"";
    }

    private String page(Actor actor, String path) throws Exception {
        return mvc.perform(get(path).with(as(actor))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
