package no.bosetting.shared.web;

import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 22 item 2: the busy pages run a fixed number of SQL statements whatever the number of rows they show (no
 * statement per row). Each list is viewed with few rows and with many; the counts must be equal.
 */
@IntegrationTest
class PageStatementsTest {

    private static final String HERØY = "1818";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    private int statements(String path, Actor actor) throws Exception {
        List<String> sql = StatementCounter.statements(() -> mvc.perform(get(path).with(as(actor))).andExpect(status().isOk()));
        System.out.println("{\"statements\":" + sql.size() + ",\"path\":\"" + path + "\",\"role\":\"" + actor.role() + "\"}");
        if (Boolean.getBoolean("bosetting.print-sql")) {
            sql.forEach(s -> System.out.println("  SQL " + s.replaceAll("\\s+", " ")));
        }
        return sql.size();
    }

    @Test
    void theCaseListRunsTheSameStatementsForTwoRowsAndForAFullPage() throws Exception {
        long centre = fixtures.centre(HERØY);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(fixtures.household(centre, 1));
        }
        Actor staff = fixtures.reception(centre);
        int few = statements("/mottak", staff);
        for (int i = 0; i < 50; i++) {
            ids.add(fixtures.household(centre, 1));
        }
        int many = statements("/mottak", staff);
        // 58 statements for 50 residents before the names shown were logged in one insert (access.PersonAccessLog).
        assertThat(many).as("a page of 50 residents costs what a page of 2 does").isEqualTo(few);
        Actor caseworker = fixtures.caseworker();
        assertThat(statements("/saker", caseworker)).isLessThanOrEqualTo(8);
        assertThat(statements("/saker?status=UNDER_MAPPING", caseworker)).isLessThanOrEqualTo(8);
        int casePage = statements("/saker/" + ids.get(0), caseworker);
        // 49 before the case summary, its address protection and its proposals were read once per page (shared.RequestMemo).
        assertThat(casePage).isLessThanOrEqualTo(34);
        // 14 before the interview and the member ids were read once per page (interview.Interviews.find, shared.RequestMemo).
        assertThat(statements("/saker/" + ids.get(0) + "/samtale", caseworker)).isLessThanOrEqualTo(12);
        statements("/forslag", caseworker);
    }

    /**
     * The layout's counts (notifications, messages, work items) are counted only when a page shows the navigation: a
     * form answered with a redirect ran all three for nothing before (shared.web.LazyModel), a page still runs them.
     */
    @Test
    void aFormAnsweredWithARedirectRunsNoneOfTheLayoutsCounts() throws Exception {
        long caseId = fixtures.household(fixtures.centre(HERØY), 0);
        Actor caseworker = fixtures.caseworker();
        List<String> post = StatementCounter.statements(() -> mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/saker/{id}/husstand/medlem", caseId)
                                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                                .with(as(caseworker))
                                .param("joinReason", "BIRTH").param("givenName", "Lille").param("familyName", "Testesen")
                                .param("birthDate", no.bosetting.support.TestClock.today().minusDays(3).toString()).param("sex", "F")
                                .param("citizenship", "UKR").param("relation", "CHILD").param("dufNumber", Fixtures.duf()))
                .andExpect(status().is3xxRedirection()));
        assertThat(post).as("statements of a form answered with a redirect").noneMatch(LAYOUT_COUNT.asPredicate());
        List<String> page = StatementCounter.statements(() -> mvc.perform(get("/saker/{id}/husstand", caseId).with(as(caseworker)))
                .andExpect(status().isOk()));
        assertThat(page.stream().filter(LAYOUT_COUNT.asPredicate())).as("the page's navigation counts").hasSize(3);
    }

    private static final java.util.regex.Pattern LAYOUT_COUNT = java.util.regex.Pattern.compile(
            "(?s)count\\(\\*\\) from (notification|work_item|message m)\\b");

    @Test
    void theMunicipalityInboxRunsTheSameStatementsForOneProposalAndForTen() throws Exception {
        long centre = fixtures.centre(HERØY);
        Actor officer = fixtures.municipality(HERØY);
        fixtures.resetMunicipality(HERØY);
        long first = fixtures.household(centre, 1);
        fixtures.ready(first);
        long proposal = fixtures.propose(first, HERØY);
        statements("/kommune/forslag/" + proposal, officer);
        int one = statements("/kommune/forslag", officer);
        int start = statements("/kommune", officer);
        for (int i = 0; i < 9; i++) {
            long caseId = fixtures.household(centre, 1);
            fixtures.ready(caseId);
            fixtures.propose(caseId, HERØY);
        }
        assertThat(statements("/kommune/forslag", officer)).as("ten proposals cost what one does").isEqualTo(one);
        assertThat(statements("/kommune", officer)).isEqualTo(start);
        // 11 before the year's capacity decision was read once per page (planning.CapacityDecisions.find, shared.RequestMemo).
        assertThat(start).isLessThanOrEqualTo(10);
    }
}
