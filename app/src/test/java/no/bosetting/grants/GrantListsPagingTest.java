package no.bosetting.grants;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The payment runs, a run's lines and the municipality's persons page with the list component: the count of all above
 * the table, numbered page links below it keeping the open run and the page size.
 */
@IntegrationTest
class GrantListsPagingTest {

    /** Gildeskål and Steigen (Nordland): no other test uses them. */
    private static final String GILDESKAL = "1838";
    private static final String STEIGEN = "1848";

    @Autowired
    GrantPayments payments;
    @Autowired
    DemoGrantRates demoRates;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void rates() {
        demoRates.ensure(Actor.system());
    }

    @Test
    void thePaymentRunsAndARunsLinesPageWithTheCountOfAll() throws Exception {
        LocalDate today = TestClock.today();
        settled(GILDESKAL, today);
        settled(GILDESKAL, today);
        PaymentRun older = payments.run(fixtures.planner(), PaymentRun.Kind.REGULAR, today.getYear()).value();
        settled(GILDESKAL, today);
        PaymentRun newer = payments.run(fixtures.planner(), PaymentRun.Kind.REGULAR, today.getYear()).value();
        long runs = payments.countRuns();

        String first = page("/tilskudd/utbetalinger?size=1");
        assertThat(first).contains("Viser 1–1 av " + runs).contains(runLink(newer)).doesNotContain(runLink(older))
                .contains("href=\"/tilskudd/utbetalinger?size=1&amp;page=1\"").contains("rel=\"next\"");
        String second = page("/tilskudd/utbetalinger?size=1&page=1");
        assertThat(second).contains("Viser 2–2 av " + runs).contains(runLink(older)).doesNotContain(runLink(newer))
                .contains("rel=\"prev\"").contains("aria-current=\"page\">2<");
        assertThat(page("/tilskudd/utbetalinger?size=1&side=1")).as("the old address still pages the runs").contains(runLink(older));
        assertThat(page("/tilskudd/utbetalinger?size=1&lang=en")).contains("Showing 1–1 of " + runs);

        long lines = payments.countLines(older.id());
        assertThat(lines).isGreaterThanOrEqualTo(2);
        String run = "/tilskudd/utbetalinger?run=" + older.id();
        assertThat(page(run + "&size=1")).contains("id=\"line-count\"").contains("Viser 1–1 av " + lines)
                .contains("href=\"/tilskudd/utbetalinger?run=" + older.id() + "&amp;size=1&amp;page=1\"");
        assertThat(page(run + "&size=1&page=1")).contains("Viser 2–2 av " + lines)
                .contains("href=\"/tilskudd/utbetalinger?run=" + older.id() + "&amp;size=1\"");
    }

    @Test
    void theMunicipalitysPersonsPageWithTheCountAndOnlyTheShownPersonsAreLoggedAsRead() throws Exception {
        LocalDate today = TestClock.today();
        List<Long> persons = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long caseId = fixtures.acceptedOn(STEIGEN, today.minusDays(3), today.plusDays(10 * i));
            persons.add(decisions.forCase(caseId).get(0).personId());
        }
        Actor officer = fixtures.municipality(STEIGEN);

        String first = page(officer, "/kommune/tilskudd?size=2");
        assertThat(first).contains("id=\"person-count\"").contains("Viser 1–2 av 3")
                .contains(personLink(persons.get(0))).contains(personLink(persons.get(1))).doesNotContain(personLink(persons.get(2)))
                .contains("href=\"/kommune/tilskudd?size=2&amp;page=1\"");
        assertThat(logged(officer, persons.get(2))).as("a person on another page is not read").isZero();
        String second = page(officer, "/kommune/tilskudd?size=2&page=1");
        assertThat(second).contains("Viser 3–3 av 3").contains(personLink(persons.get(2))).doesNotContain(personLink(persons.get(0)))
                .contains("rel=\"prev\"");
        assertThat(logged(officer, persons.get(2))).isPositive();
        assertThat(page(officer, "/kommune/tilskudd?size=2&lang=en")).contains("Showing 1–2 of 3");
        assertThat(page(fixtures.caseworker(), "/tilskudd/kommuner/" + STEIGEN + "?size=2&page=1")).contains("Viser 3–3 av 3")
                .contains("href=\"/tilskudd/kommuner/" + STEIGEN + "?size=2\"");
    }

    private static String runLink(PaymentRun run) {
        return "href=\"/tilskudd/utbetalinger?run=" + run.id() + "\"";
    }

    private static String personLink(long personId) {
        return "href=\"/kommune/tilskudd/personer/" + personId + "\"";
    }

    private long logged(Actor actor, long personId) {
        return jdbc.sql("select count(*) from person_access_log where person_id = :p and username = :u and purpose = 'grants'")
                .param("p", personId).param("u", actor.username()).query(Long.class).single();
    }

    private String page(String path) throws Exception {
        return page(fixtures.planner(), path);
    }

    private String page(Actor actor, String path) throws Exception {
        return mvc.perform(get(path).with(as(actor))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A one-person household settled five days ago, its date registered: a line for the next payment run. */
    private void settled(String municipality, LocalDate today) {
        long caseId = fixtures.acceptedOn(municipality, today.minusDays(20), today.minusDays(5));
        SettlementDecision d = decisions.forCase(caseId).get(0);
        decisions.registerSettlementDate(d.id(), today.minusDays(5), null, fixtures.municipality(municipality)).value();
    }

}
