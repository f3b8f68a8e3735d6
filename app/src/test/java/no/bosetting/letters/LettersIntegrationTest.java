package no.bosetting.letters;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.outbox.OutboxDispatcher;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Letters end to end: generated with the decisions, text extracted from the PDF in each language,
 * template versions recorded, a new version on a changed planned date, who may download, local sending.
 */
@IntegrationTest
class LettersIntegrationTest {

    /** Hadsel: no other test uses it. */
    static final String MUNICIPALITY = "1866";
    /** Askøy: its officer must not see Hadsel's letters. */
    static final String OTHER = "4627";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    Interviews interviews;
    @Autowired
    Letters letters;
    @Autowired
    LetterTemplates templates;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;

    final Actor admin = new Actor("admin-brev-test", "Test Admin", no.bosetting.access.Role.AGENCY_ADMIN, null, null);

    @BeforeEach
    void capacity() {
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, TestClock.today().getYear(), 500, 0);
        fixtures.decide(MUNICIPALITY, TestClock.today().getYear() + 1, 500, 0);
    }

    /** An accepted household of one adult and {@code children} children; returns the case id. */
    long accepted(int children, LocalDate planned, InterviewAnswers interview, String citizenship) {
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), children);
        if (citizenship != null) {
            jdbc.sql("update person set citizenship = :c where case_id = :id").param("c", citizenship).param("id", caseId).update();
        }
        interviews.record(caseId, interview == null ? fixtures.answers() : interview, fixtures.caseworker()).value();
        long proposal = fixtures.propose(caseId, MUNICIPALITY);
        proposals.accept(fixtures.municipality(MUNICIPALITY), proposal, fixtures.plannedDates(caseId, planned), null).value();
        return caseId;
    }

    List<Letter> letters(long caseId) {
        return letters.forCase(caseId, fixtures.caseworker()).orElseThrow();
    }

    Letter decisionLetter(long caseId) {
        return letters(caseId).stream().filter(l -> l.kind() == LetterKind.DECISION && l.current()).findFirst().orElseThrow();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    byte[] download(long caseId, long letterId, Actor actor) throws Exception {
        return mvc.perform(get("/saker/{id}/brev", caseId).param("letter", String.valueOf(letterId)).with(as(actor)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void aUkrainianGetsTheDecisionInBokmaalAndUkrainianAndTheMunicipalityGetsItsLetter() throws Exception {
        LocalDate planned = TestClock.today().plusDays(20);
        long caseId = accepted(0, planned, null, null);

        List<Letter> list = letters(caseId);
        assertThat(list).extracting(Letter::kind).containsExactlyInAnyOrder(LetterKind.DECISION, LetterKind.MUNICIPALITY_AGREEMENT);
        Letter decision = decisionLetter(caseId);
        assertThat(decision.languages()).isEqualTo("nb,uk");
        assertThat(decision.languageBasis()).isEqualTo("CITIZENSHIP");
        assertThat(decision.version()).isEqualTo(1);
        assertThat(decision.templates()).matches("DECISION/nb v\\d+, DECISION/uk v\\d+");

        String text = text(download(caseId, decision.id(), fixtures.caseworker()));
        assertThat(text).contains("Vedtak om bosettingskommune", "Testa Testesen", "Hadsel", planned.format(DATE),
                "Du får bare ett tilbud", "kan ikke påklages", "introduksjonsprogram", "introduksjonsstønad",
                "Hva skjer nå", "integreringsloven § 11", "post@imdi.no");
        // Cyrillic extracts as written: the font with its glyphs is embedded.
        assertThat(text).contains("Рішення про муніципалітет поселення", "Ви отримуєте лише одну пропозицію",
                "не підлягає оскарженню", "вступну допомогу", "Що відбуватиметься далі", "§ 11 Закону про інтеграцію");

        Letter toMunicipality = list.stream().filter(l -> l.kind() == LetterKind.MUNICIPALITY_AGREEMENT).findFirst().orElseThrow();
        String municipalityText = text(download(caseId, toMunicipality.id(), fixtures.municipality(MUNICIPALITY)));
        assertThat(municipalityText).contains("Avtalt bosetting", "Hadsel kommune", "Testa Testesen", planned.format(DATE),
                "integreringsloven § 11");

        long logged = jdbc.sql("select count(*) from person_access_log where purpose = :p")
                .param("p", "web:/saker/" + caseId + "/brev?letter=" + decision.id()).query(Long.class).single();
        assertThat(logged).as("the download is logged as a read of the person").isEqualTo(1);
    }

    @Test
    void withoutUkrainianTheDecisionIsInBokmaalAndEnglishAndSaysWhy() throws Exception {
        InterviewAnswers arabic = new InterviewAnswers(TestClock.today().minusDays(1), "arabisk", null, null, null, null, false, null,
                null, "Lærer", "Lærer i 5 år", false, false, "arabisk, engelsk", null);
        long caseId = accepted(0, TestClock.today().plusDays(15), arabic, "SYR");

        Letter decision = decisionLetter(caseId);
        assertThat(decision.languages()).isEqualTo("nb,en");
        assertThat(decision.languageBasis()).isEqualTo("INTERVIEW");
        String text = text(download(caseId, decision.id(), fixtures.caseworker()));
        assertThat(text).contains("Vedtak om bosettingskommune", "Decision on settlement municipality", "You get one offer only",
                "cannot be appealed", "introduction benefit", "What happens next", "section 11 of the Integration Act");
        assertThat(text).doesNotContain("Рішення");
    }

    @Test
    void aChangedPlannedDateMakesVersionTwoAndKeepsVersionOne() throws Exception {
        LocalDate planned = TestClock.today().plusDays(10);
        long caseId = accepted(1, planned, null, null);
        Letter first = decisionLetter(caseId);
        LocalDate later = planned.plusDays(9);

        tx.executeWithoutResult(s -> decisions.followDwellingAvailability(caseId, later, fixtures.caseworker()));

        List<Letter> list = letters(caseId);
        assertThat(list.stream().filter(l -> l.kind() == LetterKind.DECISION)).hasSize(4);
        assertThat(list.stream().filter(l -> l.kind() == LetterKind.MUNICIPALITY_AGREEMENT)).extracting(Letter::version)
                .containsExactly(2, 1);
        Letter second = list.stream().filter(l -> l.kind() == LetterKind.DECISION && l.personId().equals(first.personId()) && l.current())
                .findFirst().orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.plannedDate()).isEqualTo(later);
        assertThat(list).filteredOn(l -> l.id() == first.id()).singleElement().satisfies(l -> assertThat(l.current()).isFalse());
        assertThat(text(download(caseId, second.id(), fixtures.caseworker()))).contains(later.format(DATE));
        assertThat(text(download(caseId, first.id(), fixtures.caseworker()))).contains(planned.format(DATE));

        tx.executeWithoutResult(s -> letters.refresh(caseId, fixtures.caseworker()));
        assertThat(letters(caseId)).as("nothing changed, no new version").hasSize(list.size());
    }

    @Test
    void lettersRecordTheTemplateVersionAndAnEditMakesANewVersion() throws Exception {
        LetterTemplates templates = this.templates;
        LetterTemplate before = templates.current(LetterKind.DECISION, "nb").orElseThrow();

        mvc.perform(post("/brevmaler/rediger").with(csrf()).with(as(admin)).param("kind", "DECISION").param("sprak", "nb")
                        .param("title", before.title()).param("body", before.body() + "\n\nRing {{telefon}}."))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ukjent flettefelt {{telefon}}")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-describedby=\"body-hint body-error\"")));
        mvc.perform(post("/brevmaler/rediger").with(csrf()).with(as(admin)).param("kind", "DECISION").param("sprak", "nb")
                        .param("title", before.title()).param("body", before.body().replace("{{planlagtDato}}", "snart")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Flettefeltet {{planlagtDato}} må være med")));
        assertThat(templates.current(LetterKind.DECISION, "nb").orElseThrow().version()).isEqualTo(before.version());

        String added = "Denne setningen ble lagt til i versjon " + (before.version() + 1) + ".";
        mvc.perform(post("/brevmaler/rediger").with(csrf()).with(as(admin)).param("kind", "DECISION").param("sprak", "nb")
                        .param("title", before.title()).param("body", before.body() + "\n\n" + added))
                .andExpect(status().is3xxRedirection());
        LetterTemplate after = templates.current(LetterKind.DECISION, "nb").orElseThrow();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.createdBy()).isEqualTo(admin.username());
        assertThat(templates.history(LetterKind.DECISION, "nb")).extracting(LetterTemplate::version).contains(before.version());

        long caseId = accepted(0, TestClock.today().plusDays(12), null, null);
        Letter letter = decisionLetter(caseId);
        assertThat(letter.templates()).startsWith("DECISION/nb v" + after.version() + ",");
        assertThat(text(download(caseId, letter.id(), fixtures.caseworker()))).contains(added);

        mvc.perform(get("/brevmaler/forhandsvisning").with(as(admin)).param("kind", "DECISION").param("sprak", "uk")
                        .param("versjon", "1"))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/brevmaler").with(as(fixtures.caseworker()))).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheAgencyTheOwnMunicipalityAndThePersonGetALetter() throws Exception {
        long caseId = accepted(0, TestClock.today().plusDays(25), null, null);
        Letter decision = decisionLetter(caseId);
        String duf = jdbc.sql("select duf_number from person where id = :id").param("id", decision.personId()).query(String.class).single();

        download(caseId, decision.id(), fixtures.municipality(MUNICIPALITY));
        mvc.perform(get("/saker/{id}/brev", caseId).param("letter", String.valueOf(decision.id())).with(as(fixtures.municipality(OTHER))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/saker/{id}/brev", caseId).param("letter", String.valueOf(decision.id()))
                        .with(as(fixtures.reception(fixtures.centre(MUNICIPALITY)))))
                .andExpect(status().isNotFound());
        // A letter id of another case under this case's URL reads as not found too.
        long otherCase = accepted(0, TestClock.today().plusDays(25), null, null);
        mvc.perform(get("/saker/{id}/brev", otherCase).param("letter", String.valueOf(decision.id())).with(as(fixtures.caseworker())))
                .andExpect(status().isNotFound());

        Actor person = Actor.refugee(duf, "Testa Testesen");
        mvc.perform(get("/min-side/brev").with(as(person))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/min-side/brev?letter=" + decision.id())));
        byte[] own = mvc.perform(get("/min-side/brev").param("letter", String.valueOf(decision.id())).with(as(person)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(own)).contains("Рішення про муніципалітет поселення");
        mvc.perform(get("/min-side/brev").param("lang", "uk").with(as(person))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Мої листи")));

        Actor stranger = Actor.refugee(Fixtures.duf(), "Annen Person");
        mvc.perform(get("/min-side/brev").param("letter", String.valueOf(decision.id())).with(as(stranger)))
                .andExpect(status().isNotFound());
        String otherDuf = jdbc.sql("select duf_number from person where case_id = :c").param("c", otherCase).query(String.class).single();
        mvc.perform(get("/min-side/brev").param("letter", String.valueOf(decision.id())).with(as(Actor.refugee(otherDuf, "Annen"))))
                .andExpect(status().isNotFound());
    }

    long storedPdfs(long caseId) {
        return jdbc.sql("select count(*) from letter where case_id = :c and pdf is not null").param("c", caseId).query(Long.class).single();
    }

    @Test
    void theLocalMailboxRecordsEachLetterOnceAndTheCasePageShowsIt() throws Exception {
        long caseId = accepted(0, TestClock.today().plusDays(30), null, null);
        List<Long> ids = letters(caseId).stream().map(Letter::id).toList();

        dispatcher.dispatchPending();
        dispatcher.dispatchPending();

        List<LetterDispatch> sent = letters.dispatches(caseId, fixtures.caseworker());
        assertThat(sent).extracting(LetterDispatch::letterId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(sent).allSatisfy(d -> {
            assertThat(d.channel()).isEqualTo("LOCAL");
            assertThat(d.status()).isEqualTo("STORED");
        });
        assertThat(sent).extracting(LetterDispatch::recipient).contains("Testa Testesen", "Hadsel kommune");
        // The local mailbox needs no file: the PDF is rendered when first opened, then kept.
        assertThat(storedPdfs(caseId)).isZero();
        byte[] first = download(caseId, ids.get(0), fixtures.caseworker());
        assertThat(storedPdfs(caseId)).isEqualTo(1);
        assertThat(download(caseId, ids.get(0), fixtures.caseworker())).isEqualTo(first);

        mvc.perform(get("/saker/{id}", caseId).with(as(fixtures.municipality(MUNICIPALITY)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sendt til digital postkasse")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/saker/" + caseId + "/brev?letter=")));
    }
}
