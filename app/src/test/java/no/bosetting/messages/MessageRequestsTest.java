package no.bosetting.messages;

import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What requests to the message pages may change (issue 21): reading creates nothing (finding 9), and an
 * archive bomb named .docx is refused next to the file field with the text kept (finding 8).
 */
@IntegrationTest
class MessageRequestsTest {

    private static final String FAERDER = "3911";

    @Autowired
    Fixtures fixtures;
    @Autowired
    MessageInbox inbox;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private Actor faerder;
    private long caseId;

    @BeforeEach
    void proposedToFaerder() {
        faerder = fixtures.municipality(FAERDER);
        users.createIfMissing(faerder, null, null);
        caseId = fixtures.household(fixtures.centre(FAERDER), 1);
        fixtures.ready(caseId);
        fixtures.propose(caseId, FAERDER);
    }

    @Test
    void readingACaseThreadNobodyHasWrittenInCreatesNothingTheFirstMessageCreatesIt() throws Exception {
        mvc.perform(get("/meldinger/sak/{id}", caseId).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen meldinger ennå")))
                .andExpect(content().string(containsString("action=\"/meldinger/sak/" + caseId + "\"")));
        mvc.perform(get("/meldinger/sak/{id}", caseId).param("kommune", FAERDER).with(as(faerder))).andExpect(status().isOk());
        assertThat(caseThreads()).isZero();
        assertThat(readMarkers()).isZero();

        // A refused message (no text) starts nothing either.
        mvc.perform(post("/meldinger/sak/{id}", caseId).param("kommune", FAERDER).param("body", " ")
                        .with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Skriv en melding.")));
        assertThat(caseThreads()).isZero();

        mvc.perform(post("/meldinger/sak/{id}", caseId).param("kommune", FAERDER).param("body", "Første melding")
                        .with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(caseThreads()).isEqualTo(1);

        // Reading an existing thread marks it read for the reader, and only for the reader.
        assertThat(inbox.unreadTotal(faerder)).isPositive();
        mvc.perform(get("/meldinger/sak/{id}", caseId).with(as(faerder))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Første melding")));
        assertThat(jdbc.sql("select count(*) from message_read r join message_thread t on t.id = r.thread_id where t.case_id = :c and r.username = :u")
                .param("c", caseId).param("u", faerder.username()).query(Long.class).single()).isEqualTo(1);
        assertThat(caseThreads()).isEqualTo(1);
    }

    @Test
    void theInboxAndTheGeneralThreadCreateNothingForAMunicipalityThatHasNoThreadYet() throws Exception {
        String rost = "1856";
        Actor officer = fixtures.municipality(rost);
        jdbc.sql("delete from message_read where thread_id in (select id from message_thread where municipality_number = :m)").param("m", rost).update();
        jdbc.sql("delete from message_attachment where message_id in (select m.id from message m join message_thread t on t.id = m.thread_id where t.municipality_number = :m)")
                .param("m", rost).update();
        jdbc.sql("delete from message where thread_id in (select id from message_thread where municipality_number = :m)").param("m", rost).update();
        jdbc.sql("delete from message_thread where municipality_number = :m").param("m", rost).update();

        mvc.perform(get("/meldinger").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/meldinger/kommune/" + rost + "\"")));
        mvc.perform(get("/meldinger/kommune/{n}", rost).with(as(officer))).andExpect(status().isOk());
        mvc.perform(get("/meldinger/kommune/{n}", rost).with(as(fixtures.caseworker()))).andExpect(status().isOk());
        assertThat(threadsOf(rost)).isZero();

        mvc.perform(post("/meldinger/kommune/{n}/kontakt", rost).param("contactName", "Rita Røst").with(as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(threadsOf(rost)).isEqualTo(1);
    }

    @Test
    void aOneMegabyteDocxThatUnpacksToAGibibyteIsRefusedNextToTheFileFieldAndNothingIsStored() throws Exception {
        byte[] bomb = Zips.zip(List.of(Zips.Entry.of("[Content_Types].xml", Zips.WORD_CONTENT_TYPES),
                Zips.Entry.zeros("word/document.xml", 1024, 1024L * 1024 * 1024)));
        MockMultipartFile file = new MockMultipartFile("attachments", "leiekontrakt.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bomb);
        long started = System.nanoTime();
        mvc.perform(multipart("/meldinger/sak/{id}", caseId).file(file).param("body", "Kontrakten er vedlagt")
                        .with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"attachments-error\"")))
                .andExpect(content().string(containsString("«leiekontrakt.docx» er et Word-dokument som pakkes ut til mer enn 100 MB")))
                .andExpect(content().string(containsString("Kontrakten er vedlagt</textarea>")));
        System.out.printf("Archive bomb refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(jdbc.sql("select count(*) from message m join message_thread t on t.id = m.thread_id where t.case_id = :c")
                .param("c", caseId).query(Long.class).single()).isZero();

        // A real Word document is accepted.
        mvc.perform(multipart("/meldinger/sak/{id}", caseId).file(new MockMultipartFile("attachments", "brev.docx",
                                "application/octet-stream", Zips.wordDocument())).param("body", "Brevet")
                        .with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select content_type from message_attachment a join message m on m.id = a.message_id join message_thread t on t.id = m.thread_id where t.case_id = :c")
                .param("c", caseId).query(String.class).single()).isEqualTo(no.bosetting.messages.internal.AttachmentTypes.DOCX);
    }

    private long caseThreads() {
        return jdbc.sql("select count(*) from message_thread where case_id = :c").param("c", caseId).query(Long.class).single();
    }

    private long readMarkers() {
        return jdbc.sql("select count(*) from message_read r join message_thread t on t.id = r.thread_id where t.case_id = :c")
                .param("c", caseId).query(Long.class).single();
    }

    private long threadsOf(String municipality) {
        return jdbc.sql("select count(*) from message_thread where municipality_number = :m").param("m", municipality)
                .query(Long.class).single();
    }
}
