package no.bosetting.letters;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16 point 10: the decision letter in bokmål and Ukrainian is one page per language (it was four: the template
 * code and date spilled onto pages 2 and 4), no template code is printed inside a letter, and the case's letter list
 * shows the letter's kind, languages and template versions in words.
 */
@IntegrationTest
class LetterPagesTest {

    /** Meløy: no other test uses it. */
    static final String MUNICIPALITY = "1837";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    Letters letters;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void capacity() {
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, TestClock.today().getYear(), 500, 0);
        fixtures.decide(MUNICIPALITY, TestClock.today().getYear() + 1, 500, 0);
    }

    @Test
    void theDecisionLetterIsOnePagePerLanguageWithoutTemplateCodesAndTheListSaysWhatItIs() throws Exception {
        LocalDate planned = TestClock.today().plusDays(20);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 2);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, MUNICIPALITY);
        Actor officer = fixtures.municipality(MUNICIPALITY);
        proposals.accept(officer, proposal, fixtures.plannedDates(caseId, planned), null).value();
        List<Letter> all = letters.forCase(caseId, fixtures.caseworker()).orElseThrow();
        Letter decision = all.stream().filter(l -> l.kind() == LetterKind.DECISION && l.current()).findFirst().orElseThrow();
        Letter municipal = all.stream().filter(l -> l.kind() == LetterKind.MUNICIPALITY_AGREEMENT).findFirst().orElseThrow();
        assertThat(decision.languages()).isEqualTo("nb,uk");

        for (Letter letter : List.of(decision, municipal)) {
            byte[] pdf = mvc.perform(get("/saker/{id}/brev", caseId).param("letter", String.valueOf(letter.id())).with(as(officer)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                int expected = letter.kind() == LetterKind.DECISION ? 2 : 1;
                assertThat(document.getNumberOfPages()).as("pages of the %s letter: %s", letter.kind(),
                        new PDFTextStripper() { { setPageStart("\n=== PAGE ===\n"); } }.getText(document)).isEqualTo(expected);
                for (int page = 1; page <= expected; page++) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    String text = stripper.getText(document).replaceAll("\\s+", " ");
                    assertThat(text).as("page %s of the %s letter", page, letter.kind())
                            .contains(planned.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                            .doesNotContain("DECISION", "MUNICIPALITY_AGREEMENT", "/nb v", "/uk v");
                }
            }
        }

        String page = mvc.perform(get("/saker/{id}", caseId).with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String list = page.substring(page.indexOf("letters-panel-title"));
        list = list.substring(0, list.indexOf("</table>")).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(list).contains("Vedtak om bosettingskommune", "Bokmål, Ukrainsk", "Bokmål, versjon 1")
                .doesNotContain("DECISION/", "MUNICIPALITY_AGREEMENT/", "nb,uk");
    }
}
