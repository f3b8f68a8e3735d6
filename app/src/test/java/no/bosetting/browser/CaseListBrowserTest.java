package no.bosetting.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseworker's case list with JavaScript: filtering and paging swap only the results (htmx), the address follows
 * (so the filtered list can be bookmarked and Back works), focus lands on the results, nothing breaks the
 * Content-Security-Policy, and the page passes axe after each swap.
 */
@BrowserTest
class CaseListBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void filteringAndPagingSwapOnlyTheResultsAndKeepTheAddress(Browsing browsing) {
        long n = Fixtures.next();
        Actor caseworker = new Actor("saksliste-" + n, "Saksliste Behandler", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        long centre = fixtures.centre("3403");
        long caseId = fixtures.household(centre, 1);
        String reference = jdbc.sql("select reference from settlement_case where id = :id").param("id", caseId)
                .query(String.class).single();
        // More than one page of cases (50 a page), whatever else the shared database holds.
        while (jdbc.sql("select count(*) from settlement_case").query(Long.class).single() <= 50) {
            fixtures.household(centre, 0);
        }
        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(caseworker);
        List<String> consoleErrors = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.navigate(browsing.url("/saker"));
        page.waitForFunction("() => window.htmx !== undefined");
        audit.check(page, "/saker before filtering");
        page.evaluate("() => window.sameDocument = true");

        page.fill("#q", reference);
        page.waitForResponse(r -> r.url().contains("/saker?") && "true".equals(r.request().headers().get("hx-request")),
                () -> page.click("main form.filters button[type=submit]"));
        page.waitForFunction("() => document.querySelectorAll('#case-results tbody tr').length === 1");
        assertThat(page.evaluate("() => window.sameDocument")).as("no full reload").isEqualTo(true);
        assertThat(page.url()).contains("/saker?").contains("q=" + reference);
        assertThat(page.textContent("#case-count")).isEqualTo("1 treff");
        assertThat(page.textContent("#case-results tbody")).contains(reference);
        audit.check(page, "/saker filtered by htmx");

        page.navigate(browsing.url("/saker"));
        page.waitForFunction("() => window.htmx !== undefined");
        page.evaluate("() => window.sameDocument = true");
        page.waitForResponse(r -> r.url().contains("page=1") && "true".equals(r.request().headers().get("hx-request")),
                () -> page.click("#case-results nav.pager a[rel=next]"));
        page.waitForFunction("() => document.querySelector('#case-results nav.pager a[rel=prev]') !== null");
        assertThat(page.evaluate("() => window.sameDocument")).as("no full reload").isEqualTo(true);
        assertThat(page.url()).contains("page=1");
        assertThat(page.textContent("#case-results nav.pager")).contains("Side 2 av");
        // Focus was on the link that is gone: it moves to the results once htmx has settled them.
        page.waitForFunction("() => document.activeElement !== null && document.activeElement.id === 'case-results'");
        audit.check(page, "/saker second page by htmx");

        // htmx keeps no copy of the page (case data) in the browser's storage; Back loads the page from the server.
        assertThat(page.evaluate("() => window.localStorage.getItem('htmx-history-cache')")).isNull();

        assertThat(consoleErrors).as("no Content-Security-Policy violations or script errors").isEmpty();
        audit.assertClean();
    }
}
