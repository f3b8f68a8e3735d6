package no.bosetting.letters;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.selfservice.RefugeeSupport;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first letter after the permit (issue 20 item 8). Report 004 lines 29–31: IMDi is told of the permit, tells the
 * centre it may hold the settlement interview, and sends the refugee a letter that they have been granted residence
 * and will have a settlement interview. Report 002 around lines 6375–6379: the refugees are told about their rights,
 * but not about agreed self-settlement — so the letter tells that too.
 */
@IntegrationTest
class FirstLetterTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermitImport permits;
    @Autowired
    Fixtures fixtures;

    private record Written(String languages, String basis, String html, String title) {
    }

    private List<Written> letters(long caseId) {
        return jdbc.sql("select languages, language_basis, html, title from letter where case_id = :c and kind = 'FIRST_LETTER' order by id")
                .param("c", caseId).query((rs, n) -> new Written(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private long household(String citizenship, LivingSituation living, Long centre, String municipality, int children) {
        List<PermitImportRequest.PersonData> persons = new java.util.ArrayList<>();
        persons.add(new PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Amal", "Testesen", LocalDate.of(1988, 2, 1), "F",
                citizenship, Relation.MAIN, null, null));
        for (int i = 0; i < children; i++) {
            persons.add(new PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Barn" + i, "Testesen", LocalDate.of(2016, 1, 1),
                    "M", citizenship, Relation.CHILD, null, null));
        }
        ImportOutcome outcome = permits.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(), PermitType.ASYLUM,
                TestClock.today().minusDays(1), living, centre, municipality, persons), fixtures.caseworker());
        assertThat(outcome.ok()).as(String.valueOf(outcome.problems())).isTrue();
        return outcome.caseId();
    }

    @Test
    void aUkrainianInReceptionGetsBokmalAndUkrainianAboutTheInterviewSelfSettlementAndRights() {
        long centre = fixtures.centre("0301");
        long caseId = household("UKR", LivingSituation.RECEPTION_CENTRE, centre, null, 1);
        List<Written> written = letters(caseId);
        assertThat(written).hasSize(1); // to the adult only, not the child
        Written w = written.get(0);
        assertThat(w.languages()).isEqualTo("nb,uk");
        assertThat(w.basis()).isEqualTo("CITIZENSHIP");
        assertThat(w.title()).isEqualTo("Du har fått oppholdstillatelse – dette skjer nå");
        assertThat(w.html()).contains("lang=\"nb\"", "lang=\"uk\"").contains(escaped("Mottaket der du bor (Testmottak"))
                .contains(escaped("Bosettingssamtale")).contains(escaped("introduksjonsprogram"))
                .contains(escaped("avtalt selvbosetting")).contains(escaped("trenger ikke å søke"))
                .contains(escaped("Співбесіда щодо поселення"));
        // Sent to the person's digital mailbox through the outbox.
        assertThat(jdbc.sql("select count(*) from outbox_message where topic = :t and subject like :s")
                .param("t", Letters.TOPIC).param("s", "Du har fått oppholdstillatelse%").query(Long.class).single()).isPositive();
    }

    @Test
    void anEnglishSpeakerGetsBokmalAndEnglish() {
        long caseId = household("GBR", LivingSituation.RECEPTION_CENTRE, fixtures.centre("0301"), null, 0);
        Written w = letters(caseId).get(0);
        assertThat(w.languages()).isEqualTo("nb,en");
        assertThat(w.html()).contains("lang=\"en\"").contains(escaped("Settlement interview")).doesNotContain("class=\"fallback\"");
    }

    @Test
    void aLanguageWithoutATemplateFallsBackToBokmalAndEnglishAndSaysSo() {
        long caseId = household("SYR", LivingSituation.RECEPTION_CENTRE, fixtures.centre("0301"), null, 0);
        Written w = letters(caseId).get(0);
        assertThat(w.languages()).isEqualTo("nb,en");
        assertThat(w.basis()).isEqualTo("FALLBACK");
        assertThat(w.html()).contains("class=\"fallback\"")
                .contains(escaped("Vi har ikke dette brevet på arabisk ennå"))
                .contains(escaped("We do not have this letter in Arabic yet"));
    }

    @Test
    void aPrivateResidentIsToldToApplyWithinSixMonthsAndReadsTheLetterOnMyPage() throws Exception {
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(10), "0301");
        Written w = letters(caseId).get(0);
        String lastDay = TestClock.today().minusDays(10).plusMonths(6).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(w.html()).contains(escaped("Du bor privat. Da må du søke om bosetting med offentlig hjelp innen " + lastDay))
                .contains(escaped("avtaler kommunen du bor i (Oslo) samtalen"));
        // Written once: a second registration of the same permit changes nothing.
        assertThat(letters(caseId)).hasSize(1);
        MockHttpSession session = RefugeeSupport.signIn(mvc, jdbc, duf);
        mvc.perform(get("/min-side/brev").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Du har fått oppholdstillatelse – dette skjer nå")));
    }

    @Test
    void theTemplateIsVersionedAndTheNewestIsUsed() {
        LetterTemplates templates = this.templatesBean;
        Actor admin = new Actor("admin-brev-test", "Admin", Role.AGENCY_ADMIN, null, null);
        LetterTemplate current = templates.current(LetterKind.FIRST_LETTER, "nb").orElseThrow();
        // The required placeholders cannot be left out.
        assertThat(templates.save(admin, LetterKind.FIRST_LETTER, "nb", current.title(), "Hei {{navn}}.").failure().messageKey())
                .isEqualTo("letters.error.requiredMissing");
        LetterTemplate saved = templates.save(admin, LetterKind.FIRST_LETTER, "nb", current.title(),
                current.body() + "\n\nNy setning i versjon to.").value();
        assertThat(saved.version()).isEqualTo(current.version() + 1);
        long caseId = household("UKR", LivingSituation.RECEPTION_CENTRE, fixtures.centre("0301"), null, 0);
        assertThat(letters(caseId).get(0).html()).contains("Ny setning i versjon to.");
        templates.save(admin, LetterKind.FIRST_LETTER, "nb", current.title(), current.body()).value();
    }

    @Autowired
    LetterTemplates templatesBean;

    @Test
    void theAdministratorEditsTheFirstLetterInEachLanguage() throws Exception {
        Actor admin = new Actor("admin-brev-test", "Admin", Role.AGENCY_ADMIN, null, null);
        for (String lang : List.of("nb", "en", "uk")) {
            mvc.perform(get("/brevmaler/rediger").param("kind", "FIRST_LETTER").param("sprak", lang).with(no.bosetting.support.Fixtures.as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("{{soknadsfrist}}")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("??"))));
        }
        mvc.perform(get("/brevmaler").with(no.bosetting.support.Fixtures.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Brev om oppholdstillatelse og hva som skjer nå")));
    }

    /** The letter's XHTML escapes non-ASCII characters as numeric entities. */
    private static String escaped(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscapeDecimal(text, "UTF-8");
    }
}
