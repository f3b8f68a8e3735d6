package no.bosetting.messages;

import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.shared.web.PageRequest;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Threads between the agency and a municipality: scope, unread counts, attachments, notifications, anonymity. */
@IntegrationTest
class MessageThreadsTest {

    private static final String FAERDER = "3911";
    private static final String SVEIO = "4612";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    Fixtures fixtures;
    @Autowired
    MessageThreads threads;
    @Autowired
    ThreadMessages messages;
    @Autowired
    MessageAttachments attachments;
    @Autowired
    MessageInbox inbox;
    @Autowired
    CaseQueries cases;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private Actor faerder;
    private Actor sveio;
    private long caseId;
    private String reference;

    @BeforeEach
    void proposedToFaerder() {
        faerder = fixtures.municipality(FAERDER);
        sveio = fixtures.municipality(SVEIO);
        users.createIfMissing(faerder, null, null);
        users.createIfMissing(sveio, null, null);
        users.createIfMissing(fixtures.caseworker(), null, null);
        caseId = fixtures.household(fixtures.centre(FAERDER), 1);
        fixtures.ready(caseId);
        fixtures.propose(caseId, FAERDER);
        reference = cases.summaryForSystem(caseId).orElseThrow().reference();
    }

    private ThreadRef caseThread(Actor actor) {
        return threads.caseThread(caseId, null, actor).orElseThrow();
    }

    @Test
    void anotherMunicipalityNeverReachesTheThreadItsMessagesOrItsAttachments() throws Exception {
        messages.post(caseThread(fixtures.caseworker()), fixtures.caseworker(), "Har familien behov for tolk?",
                List.of(new NewAttachment("skisse.png", PNG))).value();
        long attachmentId = jdbc.sql("select a.id from message_attachment a join message m on m.id = a.message_id join message_thread t on t.id = m.thread_id where t.case_id = :c")
                .param("c", caseId).query(Long.class).single();

        assertThat(threads.caseThread(caseId, null, sveio)).isEmpty();
        assertThat(threads.caseThread(caseId, FAERDER, sveio)).isEmpty();
        assertThat(threads.municipalityThread(FAERDER, sveio)).isEmpty();
        mvc.perform(get("/meldinger/sak/{id}", caseId).with(as(sveio))).andExpect(status().isNotFound());
        mvc.perform(get("/meldinger/sak/{id}", caseId).param("kommune", FAERDER).with(as(sveio))).andExpect(status().isNotFound());
        mvc.perform(post("/meldinger/sak/{id}", caseId).param("body", "Hei").with(as(sveio)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/meldinger/sak/{id}/kontakt", caseId).param("contactName", "X").with(as(sveio)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/meldinger/kommune/{n}", FAERDER).with(as(sveio))).andExpect(status().isNotFound());
        mvc.perform(get("/meldinger/vedlegg/{id}", attachmentId).with(as(sveio))).andExpect(status().isNotFound());
        mvc.perform(get("/meldinger").with(as(sveio)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(reference))));
        assertThat(threads(sveio)).noneMatch(r -> Long.valueOf(caseId).equals(r.ref().caseId()));

        // The participant downloads it, and the download is logged.
        mvc.perform(get("/meldinger/vedlegg/{id}", attachmentId).with(as(faerder)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(content().bytes(PNG));
        assertThat(attachments.downloads(attachmentId)).containsExactly(faerder.username());
    }

    @Test
    void aProposedCasesThreadShowsTheMunicipalityTheReferenceButNoNames() throws Exception {
        messages.post(caseThread(fixtures.caseworker()), fixtures.caseworker(), "Spørsmål om boligbehov", List.of()).value();
        mvc.perform(get("/meldinger/sak/{id}", caseId).with(as(faerder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("Spørsmål om boligbehov")))
                .andExpect(content().string(containsString("Anonymisert")))
                .andExpect(content().string(not(containsString("Testesen"))))
                .andExpect(content().string(not(containsString("Testa"))));
        mvc.perform(get("/meldinger/sak/{id}", caseId).with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Testa Testesen")));
    }

    @Test
    void unreadCountsFollowEachUsersReadMarker() throws Exception {
        long before = inbox.unreadTotal(faerder);
        ThreadRef ref = caseThread(fixtures.caseworker());
        messages.post(ref, fixtures.caseworker(), "Første", List.of()).value();
        messages.post(ref, fixtures.caseworker(), "Andre", List.of()).value();
        assertThat(inbox.unreadTotal(faerder)).isEqualTo(before + 2);
        assertThat(threads(faerder).get(0).unread()).isGreaterThan(0);
        assertThat(threads(faerder)).filteredOn(r -> Long.valueOf(caseId).equals(r.ref().caseId()))
                .singleElement().extracting(ThreadRow::unread).isEqualTo(2L);
        // The author has nothing unread in their own thread.
        assertThat(threads(fixtures.caseworker())).filteredOn(r -> r.ref().id() == ref.id())
                .singleElement().extracting(ThreadRow::unread).isEqualTo(0L);

        mvc.perform(get("/meldinger").with(as(faerder))).andExpect(status().isOk()).andExpect(content().string(containsString("2 uleste")));
        mvc.perform(get("/meldinger/sak/{id}", caseId).with(as(faerder))).andExpect(status().isOk())
                .andExpect(content().string(containsString(">Ny<")));
        assertThat(inbox.unreadTotal(faerder)).isEqualTo(before);

        long agencyBefore = inbox.unreadTotal(fixtures.caseworker());
        messages.post(caseThread(faerder), faerder, "Svar fra kommunen", List.of()).value();
        assertThat(inbox.unreadTotal(fixtures.caseworker())).isEqualTo(agencyBefore + 1);
    }

    @Test
    void newMessagesNotifyTheOtherSideWithoutTheirText() {
        ThreadRef ref = caseThread(fixtures.caseworker());
        messages.post(ref, fixtures.caseworker(), "Hemmelig innhold", List.of()).value();
        assertThat(notifications(faerder.username())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_message where case_id = :c and body like '%Hemmelig%'").param("c", caseId)
                .query(Long.class).single()).isZero();

        // No agency contact yet: every caseworker hears of the municipality's message; then only the contact.
        messages.post(ref, faerder, "Svar", List.of()).value();
        assertThat(notifications(fixtures.caseworker().username())).isEqualTo(1);
        Actor admin = new Actor("admin-meldinger-test", "Test Admin", no.bosetting.access.Role.AGENCY_ADMIN, null, null);
        threads.takeAsAgencyContact(ref, admin).value();
        messages.post(ref, faerder, "Svar igjen", List.of()).value();
        assertThat(notifications(fixtures.caseworker().username())).isEqualTo(1);
        assertThat(notifications(admin.username())).isEqualTo(1);
        assertThat(messages.view(ref, admin).agencyContactName()).isEqualTo("Test Admin");
    }

    @Test
    void aFileThatIsNotAnAcceptedTypeIsRefusedNextToTheFieldAndTheTextIsKept() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("attachments", "faktura.pdf", "application/pdf", "ikke en pdf".getBytes());
        mvc.perform(multipart("/meldinger/sak/{id}", caseId).file(fake).param("body", "Se vedlegg").with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"attachments-error\"")))
                .andExpect(content().string(containsString("er ikke en PDF, JPEG, PNG eller Word-fil")))
                .andExpect(content().string(containsString("Se vedlegg</textarea>")));
        assertThat(messages()).isZero();

        mvc.perform(post("/meldinger/sak/{id}", caseId).param("body", "   ").with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Skriv en melding.")));
        assertThat(messages.post(caseThread(fixtures.caseworker()), fixtures.caseworker(), "x".repeat(ThreadMessages.MAX_BODY + 1), List.of())
                .failure().messageKey()).isEqualTo("error.message.tooLong");

        MockMultipartFile png = new MockMultipartFile("attachments", "kart.png", "application/octet-stream", PNG);
        mvc.perform(multipart("/meldinger/sak/{id}", caseId).file(png).param("body", "Kart over området").with(as(fixtures.caseworker())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(messages()).isEqualTo(1);
        assertThat(jdbc.sql("select content_type from message_attachment a join message m on m.id = a.message_id join message_thread t on t.id = m.thread_id where t.case_id = :c")
                .param("c", caseId).query(String.class).single()).isEqualTo("image/png");
    }

    @Test
    void theMunicipalityNamesItsContactAndTheGeneralThreadIsItsOwn() throws Exception {
        mvc.perform(post("/meldinger/kommune/{n}/kontakt", FAERDER).param("contactName", "Kari Kontakt").param("contactEmail", "ikke-epost")
                        .with(as(faerder)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"contactEmail-error\"")));
        mvc.perform(post("/meldinger/kommune/{n}/kontakt", FAERDER).param("contactName", "Kari Kontakt").param("contactPhone", "+47 33 00 00 00")
                        .with(as(faerder)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/meldinger/kommune/{n}", FAERDER).with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kari Kontakt")));
        mvc.perform(get("/meldinger/kommune").with(as(faerder))).andExpect(status().is3xxRedirection());
    }

    private long notifications(String recipient) {
        return jdbc.sql("select count(*) from outbox_message where topic = 'NOTIFICATION' and recipient = :r and case_id = :c")
                .param("r", recipient).param("c", caseId).query(Long.class).single();
    }

    private long messages() {
        return jdbc.sql("select count(*) from message m join message_thread t on t.id = m.thread_id where t.case_id = :c")
                .param("c", caseId).query(Long.class).single();
    }

    /** The actor's inbox threads as the inbox page lists them (latest first), on one page. */
    private List<ThreadRow> threads(Actor actor) {
        return inbox.page(actor, true, PageRequest.inFixedOrder(java.util.Map.of(), PageRequest.MAX_SIZE), java.util.Map.of())
                .threads().items();
    }
}
