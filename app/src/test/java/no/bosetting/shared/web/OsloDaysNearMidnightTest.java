package no.bosetting.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import no.bosetting.proposals.Proposals;
import no.bosetting.shared.ShiftableClock;
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
 * Issue 16 point 1: days are Norwegian days. A proposal sent at 23:30 UTC (00:30 the next day in Norway) counts its
 * seven days from the Norwegian day, and a decision made then is dated that Norwegian day on the case page and in its
 * letter — not the UTC day before.
 */
@IntegrationTest
class OsloDaysNearMidnightTest {

    /** Fedje: no other test uses it. */
    private static final String MUNICIPALITY = "4633";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void aProposalSentAndAcceptedAt2330UtcCountsAndIsDatedFromTheNorwegianDay() throws Exception {
        LocalDate utcDay = TestClock.today().minusDays(3);
        LocalDate norwegianDay = utcDay.plusDays(1);
        Instant at = utcDay.atTime(LocalTime.of(23, 30)).toInstant(ZoneOffset.UTC);
        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, norwegianDay.getYear(), 50, 0);
        fixtures.decidePlannedYear(MUNICIPALITY, planned, 50, 0);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 0, utcDay.minusDays(30));
        fixtures.ready(caseId);
        AtomicLong proposal = new AtomicLong();
        ShiftableClock.runAt(at, () -> {
            proposal.set(fixtures.propose(caseId, MUNICIPALITY));
            proposals.accept(fixtures.municipality(MUNICIPALITY), proposal.get(), fixtures.plannedDates(caseId, planned), null).value();
        });

        assertThat(jdbc.sql("select deadline from proposal where id = :p").param("p", proposal.get()).query(LocalDate.class).single())
                .as("seven days from the Norwegian day it was sent").isEqualTo(norwegianDay.plusDays(7));
        String page = mvc.perform(get("/saker/" + caseId).with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("the decision dated the Norwegian day").contains("<td>" + DATE.format(norwegianDay) + "</td>");
        String letter = jdbc.sql("select html from letter where case_id = :c and kind = 'DECISION' order by id limit 1")
                .param("c", caseId).query(String.class).single();
        assertThat(letter).contains("Dato: " + DATE.format(norwegianDay)).doesNotContain("Dato: " + DATE.format(utcDay));
    }
}
