package no.bosetting.cases.web;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.CaseCommands;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every entry a module writes into a case's history has a label on the case page, in Norwegian and English:
 * the codes are every case command and every code the main sources pass to {@code CaseCommands.note}, so a
 * module that adds a new kind of note without a label fails here instead of showing "??command…??".
 */
@IntegrationTest
class CaseHistoryLabelsWebTest {

    /** Self-settlement request steps, noted as "SELF_SETTLEMENT_" + the step. */
    private static final Set<String> SELF_SETTLEMENT_STEPS = Set.of("START_CHECK", "FORWARD", "DWELLING_LOST", "APPROVE",
            "MUNICIPALITY_REFUSE", "AGENCY_REFUSE", "WITHDRAW");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseCommands commands;
    @Autowired
    MessageSource messages;
    @Autowired
    TransactionTemplate tx;

    static Set<String> historyCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (CaseCommand c : CaseCommand.values()) {
            codes.add(c.name());
        }
        codes.add("IMPORT_PERMIT");
        codes.add("RECORD_MOVE_OUT");
        SELF_SETTLEMENT_STEPS.forEach(s -> codes.add("SELF_SETTLEMENT_" + s));
        Pattern call = Pattern.compile("\\.note\\(([^;]*);");
        Pattern literal = Pattern.compile("\"([A-Z][A-Z_]{3,}[A-Z])\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher l = literal.matcher(m.group(1));
                    while (l.find()) {
                        codes.add(l.group(1));
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void everyHistoryCodeHasALabelInBothLanguages() throws Exception {
        Set<String> codes = historyCodes();
        assertThat(codes).contains("SELF_SETTLEMENT_WINDOW_CLOSED", "RECONSIDERATION_REQUESTED", "REFUGEE_QUESTION",
                "APPLICATION_SUBMITTED");
        for (String code : codes) {
            for (Locale locale : new Locale[] {Locale.forLanguageTag("nb"), Locale.ENGLISH}) {
                assertThat(messages.getMessage("command." + code, null, null, locale)).as("%s in %s", code, locale)
                        .isNotBlank();
            }
        }
    }

    @Test
    void theCasePageShowsEveryKindOfHistoryEntryInWords() throws Exception {
        long caseId = fixtures.household(fixtures.centre("3901"), 0);
        Set<String> codes = historyCodes();
        tx.executeWithoutResult(status -> codes.forEach(code -> commands.note(caseId, fixtures.caseworker(), code, "Prøve " + code)));
        String page = mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("??").contains("Vinduet for å finne bolig selv avsluttet", "Omgjøring begjært",
                "Spørsmål fra flyktningen");
        String english = mvc.perform(get("/saker/" + caseId).param("lang", "en").with(as(fixtures.caseworker())))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).doesNotContain("??").contains("Window to find own dwelling closed");
    }
}
