package no.bosetting.deadlines;

import java.time.LocalTime;

import no.bosetting.access.Actor;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 16 point 4: the work list pages and says how many there are (it showed the first 500 with a notice). */
@IntegrationTest
class WorkListPagingTest {

    /** Bø (Nordland): no other test uses it. */
    private static final String MUNICIPALITY = "1867";

    @Autowired
    Fixtures fixtures;
    @Autowired
    DeadlineScheduler scheduler;
    @Autowired
    MockMvc mvc;

    @Test
    void theWorkListPagesWithTheCountOfEveryOpenTask() throws Exception {
        for (int i = 0; i < 3; i++) {
            long caseId = fixtures.household(fixtures.centre("3403"), 1, TestClock.today().minusDays(30));
            fixtures.ready(caseId);
            ShiftableClock.runAt(TestClock.today().minusDays(10).atTime(LocalTime.NOON).atZone(TimeConfig.OSLO).toInstant(),
                    () -> fixtures.propose(caseId, MUNICIPALITY));
        }
        scheduler.runAll();
        Actor officer = fixtures.municipality(MUNICIPALITY);

        String first = page(officer, "/oppgaver?size=2");
        assertThat(first).contains("Viser 1–2 av 3").contains("rel=\"next\"").contains("3 åpne oppgaver, 3 forfalt");
        assertThat(first.split("id=\"oppgave-").length - 1).isEqualTo(2);
        String second = page(officer, "/oppgaver?size=2&page=1");
        assertThat(second).contains("Viser 3–3 av 3").contains("rel=\"prev\"");
        assertThat(second.split("id=\"oppgave-").length - 1).isEqualTo(1);
        assertThat(page(officer, "/oppgaver?sort=nyeste&size=2")).contains("Viser 1–2 av 3");
    }

    private String page(Actor actor, String path) throws Exception {
        return mvc.perform(get(path).with(as(actor))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
