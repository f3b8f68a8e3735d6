package no.bosetting.introduction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import no.bosetting.municipalities.Municipalities;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The introduction results' table per municipality pages with the one list component, on the agency's page and the
 * public one: the count of the municipalities with results in the chosen year, name order across pages, and the year
 * kept in every page link.
 */
@IntegrationTest
class IntroductionResultsPagingTest {

    /** A completion year no other test records, so the year filter leaves only this test's results. */
    private static final int YEAR = 1996;

    @Autowired
    Fixtures fixtures;
    @Autowired
    Municipalities municipalities;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    IntroductionResults introductionResults;

    private final List<Long> persons = new ArrayList<>();

    @AfterEach
    void removeTheResults() {
        // The outcome model and the other tests read every year's results: these must not stay among them.
        Long[] ids = persons.toArray(Long[]::new);
        jdbc.sql("delete from intro_outcome where person_id = any(:p)").param("p", ids).update();
        jdbc.sql("delete from intro_participation where person_id = any(:p)").param("p", ids).update();
    }

    /** One person who completed the programme in {@link #YEAR} in {@code municipality}, in work a year later. */
    private void completed(String municipality) {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long person = jdbc.sql("select id from person where case_id = :c").param("c", caseId).query(Long.class).single();
        jdbc.sql("""
                insert into intro_participation (person_id, case_id, municipality_number, started_on, completed_on, registered_at,
                    registered_by, updated_at, updated_by)
                values (:p, :c, :m, date '1994-01-01', date '1996-06-01', now(), 'test', now(), 'test')""")
                .param("p", person).param("c", caseId).param("m", municipality).update();
        jdbc.sql("insert into intro_outcome (person_id, status, measured_on, registered_at, registered_by) values (:p, 'WORK', date '1997-06-01', now(), 'test')")
                .param("p", person).update();
        persons.add(person);
    }

    private String page(String path, String... params) throws Exception {
        var request = get(path).param("year", String.valueOf(YEAR)).param("size", "2");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(as(fixtures.planner()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString().replaceAll("\\s+", " ");
    }

    @Test
    void theMunicipalitiesArePagedInNameOrderWithTheirCountAndTheYearKeptInThePagerLinks() throws Exception {
        List<String> numbers = List.of("5001", "0301", "4601");
        numbers.forEach(this::completed);
        List<String> byName = numbers.stream().map(municipalities::name).sorted(Comparator.naturalOrder()).toList();

        for (String path : List.of("/statistikk/introduksjon", "/offentlig/introduksjon")) {
            String first = page(path);
            assertThat(first).contains("Viser 1–2 av 3")
                    .contains(">" + byName.get(0) + "<").contains(">" + byName.get(1) + "<").doesNotContain(">" + byName.get(2) + "<")
                    .contains("class=\"pager\"").contains("aria-current=\"page\"")
                    .contains("href=\"" + path + "?year=" + YEAR + "&amp;size=2&amp;page=1\" rel=\"next\"")
                    .doesNotContain("side=");
            assertThat(first.indexOf(">" + byName.get(0) + "<")).isLessThan(first.indexOf(">" + byName.get(1) + "<"));

            String second = page(path, "page", "1");
            assertThat(second).contains("Viser 3–3 av 3").contains(">" + byName.get(2) + "<")
                    .doesNotContain(">" + byName.get(0) + "<")
                    .contains("href=\"" + path + "?year=" + YEAR + "&amp;size=2\" rel=\"prev\"");

            assertThat(page(path, "lang", "en")).contains("Showing 1–2 of 3");
        }
    }

    /** One rule for the years the results answer for (IntroductionResults.answersFor), as the API has it. */
    @Test
    void aYearTheResultsDoNotAnswerForIsABadAddressOnBothPages() throws Exception {
        // After this year, or the newest year with results (other tests record completions in coming years).
        int after = introductionResults.lastYear() + 1;
        assertThat(after).isGreaterThan(java.time.LocalDate.now(no.bosetting.support.TestClock.clock()).getYear());
        for (String path : new String[]{"/statistikk/introduksjon", "/offentlig/introduksjon"}) {
            for (int year : new int[]{IntroductionResults.FIRST_YEAR - 1, after}) {
                mvc.perform(get(path).param("year", String.valueOf(year)).with(as(fixtures.planner())))
                        .andExpect(status().isBadRequest());
            }
            mvc.perform(get(path).param("year", String.valueOf(IntroductionResults.FIRST_YEAR)).with(as(fixtures.planner())))
                    .andExpect(status().isOk());
        }
    }
}
