package no.bosetting.statistics;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One rule for the year the statistics answer for (StatisticsQueries.yearOrCurrent): this year by default, from 2000 to
 * next year otherwise, on the pages, the exports and the API alike; a year after next is refused everywhere, so the kept
 * figures cannot be asked for a hundred empty future years.
 */
@IntegrationTest
class StatisticsYearsTest {

    @Autowired
    StatisticsQueries queries;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void thisYearByDefaultAndFrom2000ToNextYearOtherwise() {
        int year = TestClock.today().getYear();
        assertThat(queries.yearOrCurrent(null)).isEqualTo(year);
        assertThat(queries.yearOrCurrent(2000)).isEqualTo(2000);
        assertThat(queries.yearOrCurrent(year + 1)).isEqualTo(year + 1);
        assertThatThrownBy(() -> queries.yearOrCurrent(1999)).isInstanceOfSatisfying(StatisticsQueries.YearOutOfRange.class,
                e -> assertThat(e.last()).isEqualTo(year + 1));
        assertThatThrownBy(() -> queries.yearOrCurrent(year + 2)).isInstanceOf(StatisticsQueries.YearOutOfRange.class);
    }

    @Test
    void everyPageExportAndTheApiRefuseTheSameYears() throws Exception {
        int next = TestClock.today().getYear() + 1;
        for (String path : new String[] {"/offentlig/statistikk", "/statistikk", "/statistikk/bekymringer"}) {
            mvc.perform(get(path).param("year", String.valueOf(next)).with(as(fixtures.statistics()))).andExpect(status().isOk());
            mvc.perform(get(path).param("year", String.valueOf(next + 1)).with(as(fixtures.statistics())))
                    .andExpect(status().isBadRequest());
            mvc.perform(get(path).param("year", "1999").with(as(fixtures.statistics()))).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/v1/statistics/municipalities").param("year", String.valueOf(next + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("year must be between 2000 and " + next)));
    }
}
