package no.bosetting.deadlines;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

import no.bosetting.cases.LongWaitingDeadlines;
import no.bosetting.shared.deadlines.DueItem;
import org.springframework.context.MessageSource;

import no.bosetting.access.Actor;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16 point 6: with English chosen, the work list's tasks are in English (they were the stored Norwegian text);
 * in Norwegian they read as before, and the notification keeps its Norwegian text.
 */
@IntegrationTest
class WorkListInTheReadersLanguageTest {

    /** Hitra: no other test uses it. */
    private static final String MUNICIPALITY = "5056";

    @Autowired
    Fixtures fixtures;
    @Autowired
    DeadlineScheduler scheduler;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    LongWaitingDeadlines longWaiting;
    @Autowired
    MessageSource messages;

    @Test
    void theLongWaitingTaskIsWordedInTheReadersLanguageWithANorwegianDate() {
        LocalDate permit = TestClock.today().minusDays(400);
        long caseId = fixtures.household(fixtures.centre("3403"), 1, permit);
        DueItem item = longWaiting.evaluate(TestClock.today()).stream().filter(i -> Long.valueOf(caseId).equals(i.caseId()))
                .findFirst().orElseThrow();
        String date = String.format("%02d.%02d.%d", permit.getDayOfMonth(), permit.getMonthValue(), permit.getYear());

        assertThat(in(item.titleText(), Locale.ENGLISH)).startsWith("Waiting longer than ");
        assertThat(in(item.detailText(), Locale.ENGLISH))
                .isEqualTo("The household got its residence permit on " + date + " and is not settled (the target is "
                        + item.detailText().args().get(1) + " months). The case is being mapped. Give the household priority"
                        + " in the allocation.");
        assertThat(item.detail()).as("stored in Norwegian for notifications").startsWith("Husstanden fikk oppholdstillatelse " + date)
                .contains("Saken er under kartlegging.");
    }

    private String in(DueItem.Text text, Locale locale) {
        return messages.getMessage(text.key(), text.args().toArray(), locale);
    }

    @Test
    void anOverdueAnswerReadsInEnglishOnTheEnglishWorkListAndInNorwegianOnTheNorwegianOne() throws Exception {
        long caseId = fixtures.household(fixtures.centre("3403"), 1, TestClock.today().minusDays(30));
        fixtures.ready(caseId);
        ShiftableClock.runAt(TestClock.today().minusDays(10).atTime(LocalTime.NOON).atZone(TimeConfig.OSLO).toInstant(),
                () -> fixtures.propose(caseId, MUNICIPALITY));
        String reference = jdbc.sql("select reference from settlement_case where id = :id").param("id", caseId)
                .query(String.class).single();
        scheduler.runAll();
        Actor officer = fixtures.municipality(MUNICIPALITY);

        String english = mvc.perform(get("/oppgaver").param("lang", "en").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Answer deadline reached: proposal " + reference)
                .contains("The deadline to answer the proposal to settle household " + reference + " passed on")
                .doesNotContain("Svarfristen");
        String norwegian = mvc.perform(get("/oppgaver").param("lang", "nb").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(norwegian).contains("Svarfristen er nådd: forslag " + reference);
        assertThat(jdbc.sql("select title from work_item where item_key like 'proposal:%' and recipient = :r and stage = 'overdue'")
                .param("r", "municipality:" + MUNICIPALITY).query(String.class).list())
                .as("the stored text, for notifications and e-mail").contains("Svarfristen er nådd: forslag " + reference);
    }
}
