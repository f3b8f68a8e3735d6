package no.bosetting.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.statistics.ProgressRow;
import no.bosetting.statistics.PublishedStatistics;
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
 * Issue 22 item 1: the demo's five-year history, shaped like 2021–2025 from IMDi's figures, replayed through the real
 * commands. Kept small: two municipalities no other test plans (Hemsedal, Tolga) at IMDi's own size (scale 1: some 190
 * persons), so the years keep their real shape — there 2022 settled the most (Hemsedal 26, Tolga 41; 2023: 22 and 39).
 */
@IntegrationTest
class HistoryDemoTest {

    static final Set<String> MUNICIPALITIES = Set.of("3326", "3426");

    @Autowired
    HistoryDemo history;
    @Autowired
    PublishedStatistics statistics;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void fiveEarlierYearsAreSettledThroughTheCommandsShapedLikeRealityAndNeverSeededTwice() throws Exception {
        MUNICIPALITIES.forEach(fixtures::resetMunicipality);
        long seed = Fixtures.next();
        int current = TestClock.today().getYear();

        HistoryDemo.Result result = history.run(seed, 5, 1.0, MUNICIPALITIES::contains);

        assertThat(result.refusals()).as("nothing refused").isEmpty();
        assertThat(result.years()).extracting(HistoryDemo.YearResult::year)
                .containsExactly(current - 5, current - 4, current - 3, current - 2, current - 1);
        assertThat(result.years()).extracting(HistoryDemo.YearResult::realYear).containsExactly(2021, 2022, 2023, 2024, 2025);
        String prefix = HistoryDemo.referencePrefix(seed);
        for (HistoryDemo.YearResult y : result.years()) {
            // Every planned household settled, each member with a settlement date in its year (and never in the future).
            assertThat(y.householdsSettled()).as("households settled in %d", y.year()).isPositive().isEqualTo(y.householdsPlanned());
            List<LocalDate> dates = jdbc.sql("""
                    select d.settlement_date from settlement_decision d join settlement_case c on c.id = d.case_id
                    where c.permit_reference like :p and c.status = 'SETTLED' and d.status = 'SETTLED'""")
                    .param("p", prefix + y.year() + "-%").query(LocalDate.class).list();
            assertThat(dates).hasSize(y.personsSettled())
                    .allMatch(d -> d.getYear() == y.year() && d.isBefore(TestClock.today()));
            // The places of the year: the councils' decisions, at least what was settled, and the agency's requests.
            for (String m : MUNICIPALITIES) {
                Integer decided = jdbc.sql("select persons from capacity_decision where municipality_number = :m and year = :y")
                        .param("m", m).param("y", y.year()).query(Integer.class).optional().orElse(null);
                int settledHere = jdbc.sql("""
                        select count(*) from settlement_decision d join settlement_case c on c.id = d.case_id
                        where c.permit_reference like :p and d.municipality_number = :m and d.status = 'SETTLED'""")
                        .param("p", prefix + y.year() + "-%").param("m", m).query(Integer.class).single();
                assertThat(decided).as("decision of %s for %d", m, y.year()).isNotNull().isGreaterThanOrEqualTo(settledHere);
            }
            assertThat(jdbc.sql("select count(*) from capacity_request where year = :y").param("y", y.year())
                    .query(Integer.class).single()).as("requests for %d", y.year()).isPositive();
        }
        // The 2022 surge: there the most settled, Ukrainians with collective protection, none in 2021 (before the war).
        HistoryDemo.YearResult y2021 = result.years().get(0);
        HistoryDemo.YearResult y2022 = result.years().get(1);
        assertThat(result.years()).allMatch(y -> y.personsSettled() <= y2022.personsSettled());
        assertThat(y2022.personsSettled()).isGreaterThan(3 * y2021.personsSettled());
        assertThat(y2021.ukrainiansSettled()).isZero();
        assertThat(y2022.ukrainiansSettled()).isGreaterThan(y2022.personsSettled() / 2);
        assertThat(jdbc.sql("""
                select count(*) from settlement_case where permit_reference like :p and permit_type = 'COLLECTIVE_PROTECTION'""")
                .param("p", prefix + y2022.year() + "-%").query(Integer.class).single()).isPositive();

        // The introduction register holds the history's cohorts: programmes started in several years, statuses for the first.
        assertThat(result.years().stream().mapToInt(HistoryDemo.YearResult::introductionProgrammes).sum()).isPositive();
        List<Integer> startYears = jdbc.sql("""
                select distinct extract(year from i.started_on)::int from intro_participation i
                join settlement_case c on c.id = i.case_id where c.permit_reference like :p""")
                .param("p", prefix + "%").query(Integer.class).list();
        assertThat(startYears).hasSizeGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("""
                select count(*) from intro_outcome o join intro_participation i on i.person_id = o.person_id
                join settlement_case c on c.id = i.case_id where c.permit_reference like :p""")
                .param("p", prefix + "%").query(Integer.class).single()).isPositive();

        // The statistics of the earlier years show them: the staff page of the surge year and its municipality rows.
        for (HistoryDemo.YearResult y : result.years()) {
            Map<String, ProgressRow> rows = new java.util.HashMap<>();
            statistics.unsuppressed(y.year()).municipalities().forEach(r -> rows.put(r.key(), r));
            int settled = MUNICIPALITIES.stream().mapToInt(m -> rows.containsKey(m) ? rows.get(m).settled() : 0).sum();
            assertThat(settled).as("statistics %d", y.year()).isGreaterThanOrEqualTo(y.personsSettled());
        }
        String page = mvc.perform(get("/statistikk").param("year", String.valueOf(y2022.year())).with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Hemsedal", "Tolga");

        // Never seeded twice: a second run finds the history and does nothing.
        int cases = jdbc.sql("select count(*) from settlement_case where permit_reference like :p").param("p", prefix + "%")
                .query(Integer.class).single();
        assertThat(history.run(seed, 5, 1.0, MUNICIPALITIES::contains).years()).isEmpty();
        assertThat(jdbc.sql("select count(*) from settlement_case where permit_reference like :p").param("p", prefix + "%")
                .query(Integer.class).single()).isEqualTo(cases);
    }
}
