package no.bosetting.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error page as people meet it in Chromium: a municipality officer following an old link to a case that is gone, the
 * same officer on a caseworker's page, a statistics reader with a wrong year, a visitor on a dead public link — each a
 * page in the layout, audited with axe (WCAG 2.1 AA) and the security headers, with a link that leads on.
 */
@BrowserTest
class ErrorPagesBrowserTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void errorPagesAreAccessiblePagesInTheLayoutThatLeadOn(Browsing browsing) {
        PageAudit audit = new PageAudit(browsing);
        Actor officer = new Actor("feil-" + Fixtures.next(), "Feil Kommune", Role.MUNICIPALITY_OFFICER, "4601", null);
        accounts.createIfMissing(officer, Browsing.PASSWORD, null);
        Page page = browsing.login(officer);

        Response missing = page.navigate(browsing.url("/saker/99999999"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(page.title()).isEqualTo("Fant ikke siden – Bosetting");
        assertThat(page.textContent("main h1")).isEqualTo("Fant ikke siden");
        assertThat(page.locator("header nav[aria-label=Hovedmeny]").count()).isEqualTo(1);
        audit.check(page, "404 signed in");
        browsing.submit(page, page.locator("main a:text('Til forsiden')"));
        assertThat(page.url()).endsWith("/kommune");

        Response otherRole = page.navigate(browsing.url("/fordeling"));
        assertThat(otherRole.status()).isEqualTo(403);
        assertThat(page.textContent("main")).contains("Du er logget inn som Kommune, og denne siden hører ikke til den rollen.");
        audit.check(page, "403 other role");

        Response badYear = page.navigate(browsing.url("/statistikk?year=1999"));
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(page.textContent("#error-explanation")).startsWith("Statistikken finnes for årene 2000–");
        audit.check(page, "400 statistics year");
        // The language link keeps the address, so the same explanation comes in English.
        browsing.submit(page, page.locator("header a[hreflang=en]"));
        assertThat(page.url()).contains("year=1999").contains("lang=en");
        assertThat(page.textContent("main h1")).isEqualTo("Invalid address");
        assertThat(page.textContent("#error-explanation")).startsWith("The statistics cover the years 2000–");

        // Back in Norwegian, a missing case; its language link gives the same page in English.
        page.navigate(browsing.url("/saker/99999999?lang=nb"));
        assertThat(page.textContent("main h1")).isEqualTo("Fant ikke siden");
        browsing.submit(page, page.locator("header a[hreflang=en]"));
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.textContent("main h1")).isEqualTo("Page not found");
        assertThat(page.textContent("main")).contains("The page or case does not exist, or you do not have access to it.");
        audit.check(page, "404 in English");

        Page visitor = browsing.open("visitor-uk", "uk");
        Response dead = visitor.navigate(browsing.url("/offentlig/finnes-ikke?lang=uk"));
        assertThat(dead.status()).isEqualTo(404);
        assertThat(visitor.locator("html").getAttribute("lang")).isEqualTo("uk");
        assertThat(visitor.textContent("main h1")).isEqualTo("Сторінку не знайдено");
        audit.check(visitor, "404 public in Ukrainian");
        browsing.submit(visitor, visitor.locator("main a:text('До відкритої статистики')"));
        assertThat(visitor.url()).contains("/offentlig/statistikk");

        // A refugee on a phone in Ukrainian stays in the refugee pages' layout, with a way back to their own page.
        long caseId = fixtures.household(fixtures.centre("3403"), 0);
        String duf = jdbc.sql("select duf_number from person where case_id = :c and relation = 'MAIN'").param("c", caseId)
                .query(String.class).single().trim();
        Page phone = browsing.open("refugee-phone", "uk");
        phone.setViewportSize(360, 740);
        browsing.signInRefugee(phone, duf, "uk");
        Response gone = phone.navigate(browsing.url("/min-side/finnes-ikke"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(phone.locator("body.refugee").count()).isEqualTo(1);
        assertThat(phone.textContent("main h1")).isEqualTo("Сторінку не знайдено");
        assertThat(phone.locator(".lang-switch a[hreflang=uk]").count()).isEqualTo(1);
        audit.check(phone, "404 refugee in Ukrainian on a phone");
        browsing.submit(phone, phone.locator("main a:text('На «Мою сторінку»')"));
        assertThat(phone.url()).endsWith("/min-side");

        audit.assertClean();
    }

    @Test
    void aFailedHtmxRequestShowsTheErrorPageAndAnEndedSessionTheSignIn(Browsing browsing) {
        PageAudit audit = new PageAudit(browsing);
        Actor caseworker = new Actor("feil-htmx-" + Fixtures.next(), "Feil Htmx", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        Page page = browsing.login(caseworker);
        page.navigate(browsing.url("/saker"));

        // The filter fetches only the results; when that answer is an error, the error page takes main's place.
        page.evaluate("() => document.querySelector('form.filters').setAttribute('hx-get', '/saker/99999999')");
        page.evaluate("() => htmx.process(document.querySelector('form.filters'))");
        page.locator("form.filters button[type=submit]").click();
        page.waitForCondition(() -> "Fant ikke siden".equals(page.textContent("main h1")));
        assertThat(page.title()).isEqualTo("Fant ikke siden – Bosetting");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main");
        audit.check(page, "htmx 404 in place of the list");

        // The session ended (signed out elsewhere): the next filter loads the sign-in page as a page, not inside the list.
        page.navigate(browsing.url("/saker"));
        page.context().clearCookies();
        page.locator("form.filters button[type=submit]").click();
        page.waitForURL("**/login");
        assertThat(page.locator("#username").count()).isEqualTo(1);
        assertThat(page.locator("#case-results").count()).isZero();
        audit.assertClean();
    }
}
