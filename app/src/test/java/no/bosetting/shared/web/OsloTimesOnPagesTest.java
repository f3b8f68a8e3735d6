package no.bosetting.shared.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import no.bosetting.cases.CaseQueries;
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

/**
 * Pages show times in Norwegian time, the zone deadlines are counted in: a save at 23:40 is shown at 23:40 on that
 * day (not 22:40 UTC), and a proposal sent at 00:40 is shown as sent that day, seven days before its deadline.
 */
@IntegrationTest
class OsloTimesOnPagesTest {

    private static final String VEGA = "1815";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    MockMvc mvc;

    @Test
    void aSaveNearMidnightIsShownAtItsNorwegianDateAndTimeEverywhere() throws Exception {
        LocalDate day = TestClock.today().minusDays(2);
        AtomicLong caseId = new AtomicLong();
        ShiftableClock.runAt(day.atTime(LocalTime.of(23, 40)).atZone(TimeConfig.OSLO).toInstant(),
                () -> caseId.set(fixtures.household(fixtures.centre(VEGA), 0, day.minusDays(30))));

        String casePage = mvc.perform(get("/saker/" + caseId.get()).with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(casePage).as("the case history line of the import").contains(DATE.format(day) + " 23:40");

        LocalDate sent = day.plusDays(1);
        String reference = cases.summaryForSystem(caseId.get()).orElseThrow().reference();
        StringBuilder list = new StringBuilder();
        ShiftableClock.runAt(sent.atTime(LocalTime.of(0, 40)).atZone(TimeConfig.OSLO).toInstant(), () -> {
            fixtures.ready(caseId.get());
            fixtures.propose(caseId.get(), VEGA);
            try {
                list.append(mvc.perform(get("/kommune/forslag").with(as(fixtures.municipality(VEGA))))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String row = list.substring(list.indexOf(reference), list.indexOf("</tr>", list.indexOf(reference)));
        assertThat(row).as("sent on the day it was sent, due seven days later with seven days left")
                .contains(DATE.format(sent), DATE.format(sent.plusDays(7)), "7 dager igjen")
                .doesNotContain(DATE.format(day));
    }
}
