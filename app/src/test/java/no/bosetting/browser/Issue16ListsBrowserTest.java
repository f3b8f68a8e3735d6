package no.bosetting.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 points 4, 7 and 12 as a first-time user sees them: the proposal list and the case list, a form with check
 * boxes, the public statistics and the refugee's own page on a 360 px phone. Screenshots go to
 * {@code target/browser-screenshots/issue16-<phase>-<point>-<page>.png}.
 */
@BrowserTest
class Issue16ListsBrowserTest {

    private static final String PHASE = "after";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;

    @Test
    void listsFormsAndPhonePages(Browsing browsing) throws Exception {
        long n = Fixtures.next();
        Actor caseworker = new Actor("i16-" + n, "Liste Behandler", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        long centre = fixtures.centre("3403");
        List<Long> ready = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            long caseId = fixtures.household(centre, i % 3);
            fixtures.ready(caseId);
            ready.add(caseId);
        }
        CommandResult.attempt(() -> proposals.sendList(fixtures.caseworker(), "4601", ready.subList(0, 53), null)).value();
        String reference = jdbc.sql("select reference from settlement_case where id = :id").param("id", ready.get(1))
                .query(String.class).single();

        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(caseworker);

        // Point 4: the proposal list says how many there are and pages, never silently cutting at 500.
        page.navigate(browsing.url("/forslag"));
        shot(page, "4-forslag");
        long proposalTotal = jdbc.sql("select count(*) from proposal").query(Long.class).single();
        String count = page.textContent("#proposal-count");
        assertThat(count).startsWith("Viser 1–50 av ");
        assertThat(count.substring("Viser 1–50 av ".length()).replaceAll("\\D", "")).isEqualTo(String.valueOf(proposalTotal));
        assertThat(page.locator("main table tbody tr").count()).isEqualTo(50);
        audit.check(page, "/forslag paged");
        browsing.submit(page, page.locator("main nav.pager a[rel=next]"));
        assertThat(page.url()).contains("page=1");
        assertThat(page.textContent("#proposal-count")).startsWith("Viser 51–");
        browsing.submit(page, page.locator("main th[aria-sort] a.sort[href*=municipality]"));
        assertThat(page.getAttribute("main th:has(a.sort[href*=municipality])", "aria-sort")).isEqualTo("ascending");
        assertThat(page.url()).contains("sort=municipality").doesNotContain("page=");

        // Point 7: the case list starts with the longest waiting active case and sorts by column.
        page.navigate(browsing.url("/saker"));
        shot(page, "4-saker");
        assertThat(page.getAttribute("#case-results th:has(a.sort[href*=waited])", "aria-sort")).isEqualTo("descending");
        assertThat(page.textContent("#case-showing")).startsWith("Viser 1–50 av ");
        assertThat(page.evaluate("() => getComputedStyle(document.querySelector('#case-results tbody td.nowrap a')).whiteSpace"))
                .isEqualTo("nowrap");
        audit.check(page, "/saker sorted by waiting");
        browsing.submit(page, page.locator("#case-results th a.sort[href*=permit]"));
        assertThat(page.getAttribute("#case-results th:has(a.sort[href*=permit])", "aria-sort")).isEqualTo("ascending");
        browsing.submit(page, page.locator("#case-results th a.sort[href*=permit]"));
        assertThat(page.getAttribute("#case-results th:has(a.sort[href*=permit])", "aria-sort")).isEqualTo("descending");
        audit.check(page, "/saker sorted by permit date");

        // Point 12: large check boxes, at most seven top navigation items.
        // Two households are left ready for allocation, so the allocation form has check boxes to show.
        page.navigate(browsing.url("/fordeling?municipality=4601"));
        shot(page, "12-checkboxes");
        Number box = (Number) page.evaluate("() => document.querySelector('main input[type=checkbox]').getBoundingClientRect().width");
        assertThat(box.doubleValue()).isGreaterThanOrEqualTo(24);
        assertThat(page.locator("header nav > ul > li").count()).isLessThanOrEqualTo(7);
        page.click("header .nav-more summary");
        assertThat(page.locator("header .nav-more a[href='/statistikk']").isVisible()).isTrue();
        audit.check(page, "/fordeling with the Mer menu open");

        // Point 8: reception staff see their residents by name and find one by name.
        Actor reception = new Actor("i16-mottak-" + n, "Mottak Ansatt", Role.RECEPTION_STAFF, null, centre);
        accounts.createIfMissing(reception, Browsing.PASSWORD, null);
        Page staff = browsing.login(reception);
        staff.navigate(browsing.url("/mottak"));
        assertThat(staff.locator("#case-results thead th").allTextContents()).contains("Navn");
        assertThat(staff.textContent("#case-results tbody")).contains("Testa Testesen");
        audit.check(staff, "/mottak with names");
        staff.navigate(browsing.url("/mottak?q=" + reference));
        assertThat(staff.locator("#case-results tbody tr").count()).isEqualTo(1);

        // Point 12: the public statistics on a phone: sections folded, the municipality table paged and searchable.
        Page phone = browsing.open("phone");
        phone.setViewportSize(360, 800);
        phone.navigate(browsing.url("/offentlig/statistikk"));
        shot(phone, "12-statistics-phone");
        assertThat(((Number) phone.evaluate("() => document.documentElement.scrollHeight")).intValue()).isLessThan(13_000);
        assertThat(((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
        assertThat(phone.locator("#municipalities ~ div table tbody tr").count()).isEqualTo(25);
        assertThat(phone.textContent("#municipality-count")).isEqualTo("Viser 1–25 av 357");
        assertThat(phone.evaluate("() => { const w = document.querySelector('#municipalities ~ div .table-wrap');"
                + " return w.scrollWidth <= w.clientWidth; }")).as("the municipality table fits the phone").isEqualTo(true);
        phone.locator("svg.norway .area.b0, svg.norway .area.b1, svg.norway .area.none").first().dispatchEvent("click");
        assertThat(phone.textContent("#map-detail")).contains(":");
        audit.check(phone, "/offentlig/statistikk on a phone");
        phone.fill("#kommune", "Bergen");
        browsing.submit(phone, phone.locator("form:has(#kommune) button[type=submit]"));
        assertThat(phone.locator("#municipalities ~ div table tbody tr").count()).isEqualTo(1);
        assertThat(phone.textContent("#municipalities ~ div table tbody")).contains("4601 Bergen");
        audit.check(phone, "/offentlig/statistikk searched on a phone");

        // Point 12: the refugee's header keeps to two rows on a 360 px phone, in Ukrainian.
        String duf = jdbc.sql("select duf_number from person where case_id = :c and relation = 'MAIN'").param("c", ready.get(0))
                .query(String.class).single().trim();
        browsing.signInRefugee(phone, duf, "uk");
        phone.navigate(browsing.url("/min-side?lang=uk"));
        shot(phone, "12-refugee-header-phone");
        Number header = (Number) phone.evaluate("() => document.querySelector('header.site').getBoundingClientRect().height");
        assertThat(header.doubleValue()).as("two rows of 44 px targets at most").isLessThanOrEqualTo(110);
        audit.check(phone, "/min-side in Ukrainian on a phone");
        audit.assertClean();
    }

    private static void shot(Page page, String name) throws Exception {
        Path dir = BrowserExtension.screenshotDirectory();
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("issue16-" + PHASE + "-" + name + ".png")));
        System.out.println("issue16 " + PHASE + " " + name + ": height " + page.evaluate("() => document.documentElement.scrollHeight")
                + " px, width " + page.evaluate("() => document.documentElement.scrollWidth") + " px");
    }
}
