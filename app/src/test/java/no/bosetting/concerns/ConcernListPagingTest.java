package no.bosetting.concerns;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
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
 * The concern reports list pages with the one list component: the count of the case's reports, newest first across
 * pages, the case filter kept in every page link, and only the reports shown logged as read by the list.
 */
@IntegrationTest
class ConcernListPagingTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ConcernReports reports;
    @Autowired
    ProtectionDesignation designation;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private long listReads(long reportId, Actor actor) {
        return jdbc.sql("select count(*) from concern_access_log where report_id = :r and username = :u and purpose = 'list'")
                .param("r", reportId).param("u", actor.username()).query(Long.class).single();
    }

    private String page(Actor actor, long caseId, String... params) throws Exception {
        var request = get("/bekymringer").param("sak", String.valueOf(caseId)).param("size", "2");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(as(actor))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll("\\s+", " ");
    }

    @Test
    void aCasesReportsArePagedNewestFirstWithTheirCountAndTheCaseKeptInThePagerLinks() throws Exception {
        Actor designated = new Actor("vern-bekymringsliste-test", "Test Utpekt Liste", Role.AGENCY_CASEWORKER, null, null);
        users.createIfMissing(designated, null, null);
        designation.designate(designated.username(), true);
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(reports.create(designated, new ConcernReports.NewReport(caseId, null, EnumSet.of(ConcernIndicator.TRAFFICKING),
                    "Melding " + i, Referral.POLICE, TestClock.today(), Set.of(), Set.of())).value());
        }
        // Another case's report is not counted under this case's filter.
        long otherCase = fixtures.household(fixtures.centre("0301"), 0);
        reports.create(designated, new ConcernReports.NewReport(otherCase, null, EnumSet.of(ConcernIndicator.TRAFFICKING),
                "Annen sak", Referral.POLICE, TestClock.today(), Set.of(), Set.of())).value();

        String first = page(designated, caseId);
        assertThat(first).contains("Viser 1–2 av 3")
                .contains("/bekymringer/" + ids.get(2) + "\"").contains("/bekymringer/" + ids.get(1) + "\"")
                .doesNotContain("/bekymringer/" + ids.get(0) + "\"")
                .contains("class=\"pager\"").contains("aria-current=\"page\"")
                .contains("href=\"/bekymringer?sak=" + caseId + "&amp;size=2&amp;page=1\" rel=\"next\"")
                .doesNotContain("side=");
        assertThat(listReads(ids.get(2), designated)).isEqualTo(1);
        assertThat(listReads(ids.get(0), designated)).as("only the reports shown are logged as read").isZero();

        String second = page(designated, caseId, "page", "1");
        assertThat(second).contains("Viser 3–3 av 3").contains("/bekymringer/" + ids.get(0) + "\"")
                .doesNotContain("/bekymringer/" + ids.get(2) + "\"")
                .contains("href=\"/bekymringer?sak=" + caseId + "&amp;size=2\" rel=\"prev\"");
        assertThat(listReads(ids.get(0), designated)).isEqualTo(1);
        assertThat(listReads(ids.get(2), designated)).isEqualTo(1);

        assertThat(page(designated, caseId, "lang", "en")).contains("Showing 1–2 of 3");
        // A page past the last shows the last, as before.
        assertThat(page(designated, caseId, "page", "7")).contains("Viser 3–3 av 3");
        mvc.perform(get("/bekymringer").param("sak", String.valueOf(caseId)).with(as(fixtures.caseworker())))
                .andExpect(status().isNotFound());
    }
}
