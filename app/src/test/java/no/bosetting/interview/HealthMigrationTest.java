package no.bosetting.interview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Migration V38 on interviews recorded before consent was per person: its statements, run on households put back in the
 * old shape, move the answers as its comment says; and its health words are those of {@link HealthContent}.
 */
@IntegrationTest
class HealthMigrationTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Interviews interviews;
    @Autowired
    HealthConsents consents;
    @Autowired
    CaseQueries cases;
    @Autowired
    MockMvc mvc;

    private static String migration() throws IOException {
        return new ClassPathResource("db/migration/V38__health_consent_per_person.sql").getContentAsString(StandardCharsets.UTF_8);
    }

    /** The data-moving statements of V38, limited to one case. */
    private void migrate(long caseId) throws IOException {
        String sql = migration();
        String moves = sql.substring(sql.indexOf("-- Existing interviews")).replaceAll("(?m)^--.*$", "");
        for (String statement : moves.split(";")) {
            String s = statement.trim();
            if (s.isEmpty()) {
                continue;
            }
            s += s.contains("from settlement_interview i") ? " and i.case_id = :c" : " and case_id = :c";
            jdbc.sql(s).param("c", caseId).update();
        }
    }

    /** A household recorded the old way: one consent box for the household, free-text needs. */
    private long oldShape(boolean consent, String needs, String health) {
        long caseId = fixtures.household(fixtures.centre("4601"), 1);
        fixtures.ready(caseId);
        jdbc.sql("delete from health_consent where case_id = :c").param("c", caseId).update();
        jdbc.sql("update settlement_interview set health_consent = :hc, health_details = :hd, adaptation_needs = :an, "
                        + "updated_by = 'gammel-bruker' where case_id = :c")
                .param("hc", consent).param("hd", health).param("an", needs).param("c", caseId).update();
        return caseId;
    }

    @Test
    void theMigrationsHealthWordsAreTheApplications() throws IOException {
        String sql = migration();
        int at = sql.indexOf("~* '") + 4;
        String regex = sql.substring(at, sql.indexOf("'", at));
        for (String text : List.of("Barn med autisme", "Nedsatt hørsel", "Diabetes type 2", "Går til fastlege", "Trenger legeerklæring", "PTSD etter krigen",
                "Trenger bolig på bakkeplan", "Trenger bolig nær sykehus", "Rullestolbruker, trenger tilrettelagt bolig",
                "Bor i kollegium", "Ønsker nærhet til behandlingssenter")) {
            boolean database = jdbc.sql("select :t ~* :re").param("t", text).param("re", regex).query(Boolean.class).single();
            assertThat(database).as(text).isEqualTo(HealthContent.mentionsHealth(text));
        }
    }

    @Test
    void existingAnswersAreMovedAsTheMigrationSays() throws Exception {
        long consented = oldShape(true, "Barn med autisme, trenger bolig på bakkeplan", "Astma");
        long notConsented = oldShape(false, "Nedsatt hørsel, trenger tolk ved møter", null);
        long practical = oldShape(false, "Trenger bolig uten trapper", null);
        migrate(consented);
        migrate(notConsented);
        migrate(practical);

        // Each member of the household with the one consent box has consented on the interview day, recorded by its last editor.
        var held = interviews.find(consented).orElseThrow().answers().heldOn();
        assertThat(consents.current(consented).values()).hasSize(cases.personIds(consented).size()).allSatisfy(c -> {
            assertThat(c.given()).isTrue();
            assertThat(c.consentDate()).isEqualTo(held);
            assertThat(c.recordedBy()).isEqualTo("gammel-bruker");
        });
        InterviewAnswers a = interviews.find(consented).orElseThrow().answers();
        assertThat(a.healthDetails()).isEqualTo("Astma\nBarn med autisme, trenger bolig på bakkeplan");
        assertThat(a.adaptationNeeds()).isNull();

        // Without consent the health text leaves the practical needs and every municipality's view, kept for the centre to sort.
        assertThat(interviews.find(notConsented).orElseThrow().answers().adaptationNeeds()).isNull();
        assertThat(interviews.needsToSort(notConsented)).contains("Nedsatt hørsel, trenger tolk ved møter");
        assertThat(interviews.profile(notConsented).toString()).doesNotContain("hørsel");
        assertThat(consents.current(notConsented)).isEmpty();
        Actor caseworker = fixtures.caseworker();
        mvc.perform(get("/saker/" + notConsented + "/samtale").with(as(caseworker)))
                .andExpect(content().string(containsString("Nedsatt hørsel, trenger tolk ved møter")))
                .andExpect(content().string(containsString("Teksten slettes når du lagrer.")));
        InterviewAnswers old = interviews.find(notConsented).orElseThrow().answers();
        interviews.record(notConsented, old, Set.of(), null, caseworker).value();
        assertThat(interviews.needsToSort(notConsented)).isEmpty();

        // A practical need stays where it was.
        assertThat(interviews.find(practical).orElseThrow().answers().adaptationNeeds()).isEqualTo("Trenger bolig uten trapper");
        assertThat(interviews.needsToSort(practical)).isEmpty();
    }
}
