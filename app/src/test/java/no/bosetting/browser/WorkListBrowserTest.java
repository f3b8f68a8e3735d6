package no.bosetting.browser;

import java.time.LocalDate;
import java.time.LocalTime;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.deadlines.DeadlineScheduler;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;
import no.bosetting.shared.outbox.OutboxDispatcher;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work list in a real browser: a municipality officer finds the overdue answer marked in words and
 * follows the link to the proposal; the administrator sees the outbox health. Both pages pass axe.
 */
@BrowserTest
class WorkListBrowserTest {

    private static final String MUNICIPALITY = "1577";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DeadlineScheduler scheduler;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theWorkListShowsOverdueItemsInWordsLinksToThePageAndIsAccessible(Browsing browsing) {
        long n = Fixtures.next();
        Actor officer = user(new Actor("oppgave-kommune-" + n, "Oppgave Kommune", Role.MUNICIPALITY_OFFICER, MUNICIPALITY, null));
        Actor admin = user(new Actor("oppgave-admin-" + n, "Oppgave Admin", Role.AGENCY_ADMIN, null, null));
        long caseId = fixtures.household(fixtures.centre("3403"), 1, TestClock.today().minusDays(30));
        fixtures.ready(caseId);
        long[] proposalId = new long[1];
        ShiftableClock.runAt(TestClock.today().minusDays(10).atTime(LocalTime.NOON).atZone(TimeConfig.OSLO).toInstant(),
                () -> proposalId[0] = fixtures.propose(caseId, MUNICIPALITY));
        String reference = jdbc.sql("select reference from settlement_case where id = :id").param("id", caseId)
                .query(String.class).single();
        scheduler.runAll();
        dispatcher.dispatchPending();
        PageAudit audit = new PageAudit(browsing);

        Page page = browsing.login(officer);
        page.navigate(browsing.url("/oppgaver"));
        audit.check(page, "/oppgaver as municipality officer");
        var row = page.locator("tr", new Page.LocatorOptions().setHasText(reference));
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.textContent()).contains("Svarfristen er nådd").contains("Forfalt");
        browsing.submit(page, row.locator("a"));
        assertThat(page.url()).endsWith("/kommune/forslag/" + proposalId[0]);

        page.navigate(browsing.url("/oppgaver?sort=nyeste&lang=en"));
        audit.check(page, "/oppgaver newest first in English");

        Page adminPage = browsing.login(admin);
        adminPage.navigate(browsing.url("/oppgaver"));
        assertThat(adminPage.textContent("main")).contains("Utsending av varsler og e-post").contains("Levert siste 24 timer");
        audit.check(adminPage, "/oppgaver as administrator");
        audit.assertClean();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }
}
