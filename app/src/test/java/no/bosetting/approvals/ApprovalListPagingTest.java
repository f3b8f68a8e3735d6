package no.bosetting.approvals;

import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
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
 * "Til godkjenning" pages with the one list component: the count of every pending proposal, the shared pager with
 * numbered pages, oldest first across pages, and the page size kept in every page link.
 */
@IntegrationTest
class ApprovalListPagingTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final Actor approver = new Actor("saksbehandler-godkjenningsliste-test", "Liste Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private final List<Long> inserted = new ArrayList<>();

    @AfterEach
    void removeTheProposals() {
        // Pending proposals are one list for every approver: other tests must not find these in theirs.
        jdbc.sql("delete from approval where id = any(:ids)").param("ids", inserted.toArray(Long[]::new)).update();
    }

    /** A pending proposal older than any other test's, so it is among the first rows of the list. */
    private String pending(int minute) {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        String reference = "GODKJ-" + Fixtures.next();
        inserted.add(jdbc.sql("""
                insert into approval (kind, subject_id, case_id, case_reference, status, command_input, change_summary, proposed_at,
                    proposed_by, proposed_by_name, proposed_by_role)
                values ('CLOSE_CASE', :c, :c, :r, 'PENDING', 'reason=Liste', 'Liste', timestamptz '1990-01-01 10:00+00' + make_interval(mins => :m),
                    'saksbehandler-test', 'Test Saksbehandler', 'AGENCY_CASEWORKER') returning id
                """).param("c", caseId).param("r", reference).param("m", minute).query(Long.class).single());
        return reference;
    }

    @Test
    void pendingProposalsArePagedOldestFirstWithTheCountOfAll() throws Exception {
        String oldest = pending(0);
        String second = pending(1);
        String third = pending(2);
        long total = jdbc.sql("select count(*) from approval where status = 'PENDING'").query(Long.class).single();
        assertThat(total).isGreaterThanOrEqualTo(3);
        long pages = (total + 1) / 2;

        String first = mvc.perform(get("/godkjenninger").param("size", "2").with(as(approver))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString().replaceAll("\\s+", " ");
        assertThat(first).contains("Viser 1–2 av " + total).contains(oldest).contains(second).doesNotContain(third)
                .contains("class=\"pager\"").contains("aria-current=\"page\"")
                .contains("href=\"/godkjenninger?size=2&amp;page=1\" rel=\"next\"")
                .contains("href=\"/godkjenninger?size=2&amp;page=" + (pages - 1) + "\"")
                .doesNotContain("side=");

        String next = mvc.perform(get("/godkjenninger").param("size", "2").param("page", "1").with(as(approver)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString().replaceAll("\\s+", " ");
        assertThat(next).contains("Viser 3–" + Math.min(4, total) + " av " + total).contains(third)
                .doesNotContain(oldest).doesNotContain(second)
                .contains("href=\"/godkjenninger?size=2\" rel=\"prev\"");

        mvc.perform(get("/godkjenninger").param("size", "2").param("lang", "en").with(as(approver))).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("Showing 1–2 of " + total));
        mvc.perform(get("/godkjenninger").with(as(fixtures.municipality("0301")))).andExpect(status().isForbidden());
    }
}
