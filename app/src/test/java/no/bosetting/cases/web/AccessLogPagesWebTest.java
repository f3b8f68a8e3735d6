package no.bosetting.cases.web;

import java.time.OffsetDateTime;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
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

/**
 * The administrator's access log on the case page is paged with the total count: every read of the household's
 * persons can be reached, the oldest too, however many there are — nothing is cut off silently.
 */
@IntegrationTest
class AccessLogPagesWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PersonAccessLog accessLog;
    @Autowired
    CaseQueries cases;
    @Autowired
    JdbcClient jdbc;

    private final Actor admin = new Actor("admin-innsyn-test", "Test Admin", Role.AGENCY_ADMIN, null, null);

    private long reads(List<Long> persons) {
        return jdbc.sql("select count(*) from person_access_log where person_id in (:p)").param("p", persons).query(Long.class).single();
    }

    @Test
    void theAdministratorPagesThroughEveryReadOfTheHouseholdWithTheTotalCount() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        List<Long> persons = cases.personIds(caseId);
        String oldest = "eldste-oppslag-" + Fixtures.next();
        accessLog.recordRead(fixtures.caseworker(), persons, oldest);
        // 300 later reads, more than any fixed limit a page could show.
        jdbc.sql("""
                insert into person_access_log (accessed_at, username, role, person_id, purpose)
                select :at, 'saksbehandler-test', 'AGENCY_CASEWORKER', p.id, 'web:/saker/' || p.case_id
                from person p, generate_series(1, 150) where p.case_id = :c
                """).param("at", OffsetDateTime.now(TestClock.clock()).plusSeconds(1)).param("c", caseId).update();

        String first = mvc.perform(get("/saker/{id}", caseId).with(as(admin))).andReturn().getResponse().getContentAsString();
        long total = reads(persons);
        assertThat(total).isGreaterThan(300);
        assertThat(first).contains(total + " oppslag i alt").doesNotContain(oldest).contains("innsyn=1");

        // 50 reads a page; the second call logs its own two reads before the page is read.
        int lastPage = (int) ((total + 2 + 49) / 50) - 1;
        String last = mvc.perform(get("/saker/{id}", caseId).param("innsyn", String.valueOf(lastPage)).with(as(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(last).as("the last page holds the oldest read").contains(oldest).contains(reads(persons) + " oppslag i alt")
                .contains("innsyn=" + (lastPage - 1));
    }
}
