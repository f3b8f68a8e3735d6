package no.bosetting.planning;

import java.time.LocalDate;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pending, multi-year and deviating council decisions, as a municipality records them. */
@IntegrationTest
class CapacityDecisionFormTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CapacityDecisions decisions;
    @Autowired
    CapacityRequests requests;

    @Test
    void aPendingRequestIsShownUntilTheCouncilDecides() throws Exception {
        String m = "3103"; // Moss
        int year = TestClock.today().getYear() + 4;
        Actor officer = fixtures.municipality(m);
        mvc.perform(post("/kommune/vedtak/behandles").with(csrf()).with(as(officer)).param("year", String.valueOf(year))
                        .param("expectedOn", TestClock.today().minusDays(1).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("kan ikke være tilbake i tid")));
        mvc.perform(post("/kommune/vedtak/behandles").with(csrf()).with(as(officer)).param("year", String.valueOf(year))
                        .param("expectedOn", TestClock.today().plusDays(30).toString()).param("note", "Kommunestyret i desember"))
                .andExpect(status().is3xxRedirection());
        assertThat(decisions.pending(m, year)).isPresent();
        assertThat(decisions.find(m, year)).isEmpty();
        mvc.perform(get("/kommune/vedtak").param("year", String.valueOf(year)).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Til behandling")));

        mvc.perform(post("/kommune/vedtak").with(csrf()).with(as(officer)).param("year", String.valueOf(year))
                .param("persons", "30").param("unaccompaniedMinors", "0")).andExpect(status().is3xxRedirection());
        assertThat(decisions.pending(m, year)).isEmpty();
        assertThat(decisions.find(m, year).orElseThrow().persons()).isEqualTo(30);
    }

    @Test
    void aMultiYearDecisionIsRecordedForEveryYearAndADeviationNeedsAReason() throws Exception {
        String m = "4204"; // Kristiansand
        int year = TestClock.today().getYear() + 2;
        requests.saveNeed(fixtures.planner(), year, 5_000, TestClock.today(), Map.of()).value();
        requests.issue(fixtures.planner(), year, TestClock.today(), "Testanmodning").value();
        int requested = requests.versions(m, year).stream().mapToInt(CapacityRequest::persons).max().orElseThrow();
        Actor officer = fixtures.municipality(m);

        mvc.perform(post("/kommune/vedtak").with(csrf()).with(as(officer)).param("year", String.valueOf(year))
                        .param("untilYear", String.valueOf(year + 1)).param("persons", String.valueOf(requested + 5)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Skriv en begrunnelse når vedtaket avviker")));
        assertThat(decisions.find(m, year)).isEmpty();

        mvc.perform(post("/kommune/vedtak").with(csrf()).with(as(officer)).param("year", String.valueOf(year))
                        .param("untilYear", String.valueOf(year + 1)).param("persons", String.valueOf(requested + 5))
                        .param("deviationReason", "Flere boliger enn ventet"))
                .andExpect(status().is3xxRedirection());
        assertThat(decisions.find(m, year).orElseThrow().persons()).isEqualTo(requested + 5);
        assertThat(decisions.find(m, year + 1).orElseThrow().persons()).isEqualTo(requested + 5);
        assertThat(decisions.deviationReason(m, year + 1)).contains("Flere boliger enn ventet");

        mvc.perform(post("/kommune/vedtak").with(csrf()).with(as(officer)).param("year", String.valueOf(year))
                        .param("untilYear", String.valueOf(year + 9)).param("persons", String.valueOf(requested)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Et flerårig vedtak må slutte")));
    }
}
