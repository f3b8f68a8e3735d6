package no.bosetting.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.shared.outbox.OutboxDispatcher;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notifications are shown in the reader's language: a refugee reading Min side in Ukrainian reads IMDi's reply notice in
 * Ukrainian, an officer who chose English reads a new allocation list in English; in Norwegian both read as before, a
 * notification stored before the keys shows its text, and the e-mail copy stays Norwegian.
 */
@IntegrationTest
class NotificationsInTheReadersLanguageTest {

    /** Sømna: no other test uses it. */
    private static final String MUNICIPALITY = "1812";

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    UserAccounts accounts;
    @Autowired
    GreenMail mailServer;
    @Autowired
    Clock clock;

    @Test
    void aReplyFromImdiReadsInUkrainianOnMinSideWithUkrainianChosenAndInNorwegianByDefault() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        String duf = jdbc.sql("select trim(duf_number) from person where case_id = :c order by id limit 1").param("c", caseId)
                .query(String.class).single();
        Actor refugee = Actor.refugee(duf, "Testa Testesen");
        mvc.perform(post("/saker/{id}/meldinger-husstand", caseId).param("body", "Kommunen tar kontakt.")
                .with(as(fixtures.caseworker())).with(csrf())).andExpect(status().is3xxRedirection());
        deliver();

        String ukrainian = page(get("/min-side").param("lang", "uk").with(as(refugee)));
        assertThat(ukrainian).contains("Нова відповідь від IMDi")
                .contains("Вам надійшла відповідь від IMDi. Прочитайте її в розділі «Повідомлення» на «Моїй сторінці».")
                .doesNotContain("Nytt svar fra IMDi").doesNotContain("IMDi har svart deg");
        String norwegian = page(get("/min-side").with(as(refugee)));
        assertThat(norwegian).contains("Nytt svar fra IMDi")
                .contains("IMDi har svart deg. Les svaret under Meldinger på Min side.")
                .doesNotContain("Нова відповідь від IMDi");
        assertThat(jdbc.sql("select subject || ' / ' || body from outbox_message where recipient = :r and topic = 'NOTIFICATION'")
                .param("r", "duf:" + duf).query(String.class).list())
                .as("stored in Norwegian, the record")
                .containsExactly("Nytt svar fra IMDi / IMDi har svart deg. Les svaret under Meldinger på Min side.");
    }

    @Test
    void aNewAllocationListReadsInEnglishOnTheEnglishInboxAndItsEmailStaysNorwegian() throws Exception {
        Actor officer = officerWithEmail();
        long caseId = fixtures.household(fixtures.centre("3403"), 1);
        fixtures.ready(caseId);
        fixtures.propose(caseId, MUNICIPALITY);
        deliver();
        // Dates as every page shows them (dd.MM.yyyy), in the e-mail and every language alike.
        String deadline = jdbc.sql("select to_char(max(deadline), 'DD.MM.YYYY') from allocation_list where municipality_number = :m")
                .param("m", MUNICIPALITY).query(String.class).single();

        String english = page(get("/varsler").param("lang", "en").with(as(officer)));
        assertThat(english).contains("New allocation list with 1 household<").contains("Answer by " + deadline + ".")
                .doesNotContain("Ny fordelingsliste").doesNotContain("Svarfrist");
        String norwegian = page(get("/varsler").with(as(officer)));
        assertThat(norwegian).contains("Ny fordelingsliste med 1 husstand<").contains("Svarfrist " + deadline + ".")
                .doesNotContain("New allocation list");

        List<MimeMessage> mails = mails(officer);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Bosetting: Ny fordelingsliste med 1 husstand");
        assertThat(String.valueOf(mails.get(0).getContent())).contains("Svarfrist " + deadline + ".")
                .doesNotContain("Answer by");
    }

    @Test
    void aNotificationStoredWithoutKeysShowsItsTextInEveryLanguage() throws Exception {
        Actor officer = fixtures.municipality(MUNICIPALITY);
        String subject = "Gammelt varsel " + Fixtures.next();
        jdbc.sql("""
                insert into notification (recipient, subject, body, created_at) values (:r, :s, 'Lagret som tekst før nøklene.', :now)
                """).param("r", officer.username()).param("s", subject).param("now", OffsetDateTime.now(clock)).update();
        // A key the bundles no longer have is shown as its stored text too, not as an error.
        jdbc.sql("""
                insert into notification (recipient, subject, body, created_at, subject_key, subject_args, body_key, body_args)
                values (:r, 'Varsel med ukjent nøkkel', 'Lagret tekst.', :now, 'no.such.key', '[]', 'no.such.key', '["x"]')
                """).param("r", officer.username()).param("now", OffsetDateTime.now(clock)).update();

        for (String lang : new String[]{"en", "nb"}) {
            assertThat(page(get("/varsler").param("lang", lang).with(as(officer))))
                    .contains(subject).contains("Lagret som tekst før nøklene.")
                    .contains("Varsel med ukjent nøkkel").contains("Lagret tekst.");
        }
    }

    /** Delivers everything due: the notifications, then their e-mail copies. */
    private void deliver() {
        for (int i = 0; i < 100 && dispatcher.dispatchPending() > 0; i++) {
            // again until nothing is left
        }
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return org.springframework.web.util.HtmlUtils.htmlUnescape(response.getContentAsString());
    }

    private Actor officerWithEmail() {
        long n = Fixtures.next();
        Actor actor = new Actor("varsel-kommune-" + n, "Varsel Kommune " + n, Role.MUNICIPALITY_OFFICER, MUNICIPALITY, null);
        accounts.createIfMissing(actor, null, actor.username() + "@kommune.test");
        return actor;
    }

    private List<MimeMessage> mails(Actor actor) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(actor.username() + "@kommune.test"));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }
}
