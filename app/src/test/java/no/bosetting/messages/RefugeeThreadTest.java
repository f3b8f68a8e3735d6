package no.bosetting.messages;

import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.selfservice.RefugeeMessages;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.PageRequest;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 16 point 2: the household's thread with the agency, who may use it, unread counts both ways. */
@IntegrationTest
class RefugeeThreadTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RefugeeMessages refugeeMessages;
    @Autowired
    MessageThreads threads;
    @Autowired
    ThreadMessages messages;
    @Autowired
    MessageInbox inbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private String mainDuf(long caseId) {
        return jdbc.sql("select trim(duf_number) from person where case_id = :c order by id limit 1").param("c", caseId)
                .query(String.class).single();
    }

    @Test
    void theRefugeeWritesTheAgencyAnswersAndEachSideCountsTheOthersMessages() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        Actor refugee = Actor.refugee(mainDuf(caseId), "Testa Testesen");
        Actor caseworker = fixtures.caseworker();
        long agencyUnreadBefore = inbox.unreadTotal(caseworker);

        refugeeMessages.send(refugee, RefugeeMessages.Kind.QUESTION, "Når flytter vi?").value();
        ThreadRef ref = threads.refugeeThreadToRead(caseId, refugee).orElseThrow();
        assertThat(ref.started()).isTrue();
        assertThat(messages.view(ref, caseworker).messages()).singleElement()
                .satisfies(m -> assertThat(m.side()).isEqualTo(Side.REFUGEE))
                .satisfies(m -> assertThat(m.body()).isEqualTo("Når flytter vi?"));
        assertThat(messages.unread(ref, caseworker)).isEqualTo(1);
        assertThat(messages.unread(ref, refugee)).isZero();
        assertThat(inbox.unreadTotal(caseworker)).isEqualTo(agencyUnreadBefore + 1);
        // Still a line in the case history, now with the member's name and role in words on the case page.
        mvc.perform(get("/saker/{id}", caseId).with(as(caseworker))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Testa Testesen</span> <span class=\"muted\">(Flyktning)")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("??role."))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(">duf:"))));

        mvc.perform(post("/saker/{id}/meldinger-husstand", caseId).param("body", "Kommunen tar kontakt.").with(as(caseworker)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(messages.unread(ref, refugee)).isEqualTo(1);
        assertThat(messages.unread(ref, caseworker)).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r and subject = 'Nytt svar fra IMDi'")
                .param("r", "duf:" + mainDuf(caseId)).query(Long.class).single()).isEqualTo(1);
        // An empty answer is refused next to the field, on the thread page.
        mvc.perform(post("/saker/{id}/meldinger-husstand", caseId).param("body", " ").with(as(caseworker)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("body-error")));
    }

    @Test
    void nobodyElseReachesTheThreadAndDecliningNeedsAnOpenOffer() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long otherCase = fixtures.household(fixtures.centre("0301"), 0);
        Actor refugee = Actor.refugee(mainDuf(caseId), "Testa Testesen");
        Actor stranger = Actor.refugee(mainDuf(otherCase), "Testa Testesen");
        assertThat(threads.refugeeThreadToRead(caseId, stranger)).isEmpty();
        assertThat(threads.refugeeThreadToRead(caseId, fixtures.municipality("0301"))).isEmpty();
        assertThat(messages.post(ThreadRef.notStarted(ThreadKind.REFUGEE, caseId, null), stranger, "Hei", List.of()).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        mvc.perform(get("/saker/{id}/meldinger-husstand", caseId).with(as(fixtures.municipality("0301"))))
                .andExpect(status().is4xxClientError());

        CommandResult<Long> decline = refugeeMessages.send(refugee, RefugeeMessages.Kind.WANTS_TO_DECLINE, "Nei takk");
        assertThat(decline.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.messageKey()).isEqualTo("self.error.noOfferToDecline"));
        assertThat(threads.refugeeThreadToRead(caseId, refugee).orElseThrow().started()).isFalse();
    }

    /** Issue 16 point 9: the inbox hides threads nobody has written in behind a filter, says how many, keeps the general thread on top. */
    @Test
    void theInboxShowsThreadsWithMessagesLatestFirstAndEmptyOnesBehindAFilter() throws Exception {
        String m = "1560"; // Tingvoll
        long quiet = fixtures.household(fixtures.centre(m), 0);
        fixtures.ready(quiet);
        fixtures.propose(quiet, m);
        long busy = fixtures.household(fixtures.centre(m), 0);
        fixtures.ready(busy);
        fixtures.propose(busy, m);
        Actor officer = fixtures.municipality(m);
        String quietRef = jdbc.sql("select reference from settlement_case where id = :c").param("c", quiet).query(String.class).single();
        String busyRef = jdbc.sql("select reference from settlement_case where id = :c").param("c", busy).query(String.class).single();
        // A contact saved starts a thread without messages; a message starts the other.
        threads.setMunicipalityContact(threads.caseThreadToRead(quiet, null, officer).orElseThrow(), officer, "Kari Kontakt", null, null).value();
        messages.post(threads.caseThreadToRead(busy, null, officer).orElseThrow(), officer, "Når kan dere svare?", List.of()).value();

        mvc.perform(get("/meldinger").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sak " + busyRef)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Sak " + quietRef))))
                .andExpect(content().string(containsString("Vis også tråder uten meldinger (1)")))
                .andExpect(content().string(containsString("Viser 1–1 av 1")))
                .andExpect(content().string(containsString("Generell tråd med IMDi")));
        mvc.perform(get("/meldinger").param("tomme", "1").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sak " + quietRef)))
                .andExpect(content().string(containsString("Viser 1–2 av 2")));
        MessageInbox.InboxPage page = inbox.page(officer, false, PageRequest.inFixedOrder(Map.of()), Map.of());
        assertThat(page.threads().items()).extracting(r -> r.caseReference()).containsExactly(busyRef);
        assertThat(page.general()).isNotNull();
    }
}
