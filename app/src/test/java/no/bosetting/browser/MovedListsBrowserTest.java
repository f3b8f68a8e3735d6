package no.bosetting.browser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.concerns.ConcernIndicator;
import no.bosetting.concerns.ConcernReports;
import no.bosetting.concerns.Referral;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.grants.DemoGrantRates;
import no.bosetting.grants.GrantPayments;
import no.bosetting.grants.PaymentRun;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven lists moved to the shared list component ({@code fragments/list}) in Chromium, each through the axe audit
 * (WCAG 2.1 AA): approvals, concern reports, the introduction results (agency and public), the payment runs and an
 * open run's lines, the grants' person lists and the inbox. Each gets more rows than one page holds (a small
 * {@code size}), shows "Viser 1–N av M" and N rows, and its pager's next link leads to page 2 with its own count line.
 * The pager's links are reached with Tab (with a visible focus indicator) and followed with Enter; the public results
 * fit a 360 px phone.
 */
@BrowserTest
class MovedListsBrowserTest {

    /** A completion year no other test records, so the year filter leaves only this test's results. */
    private static final int INTRO_YEAR = 1995;
    /** Båtsfjord, Nesseby and Karasjok (Finnmark): no other test uses them. */
    private static final String RUNS_MUNICIPALITY = "5632";
    private static final String PERSONS_MUNICIPALITY = "5636";
    private static final String INBOX_MUNICIPALITY = "5610";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProtectionDesignation designation;
    @Autowired
    ConcernReports concerns;
    @Autowired
    GrantPayments payments;
    @Autowired
    DemoGrantRates demoRates;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    MessageThreads threads;
    @Autowired
    ThreadMessages messages;

    @Test
    void approvalsPageAndThePagerWorksByKeyboard(Browsing browsing) {
        long n = Fixtures.next();
        List<Long> inserted = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                long caseId = fixtures.household(fixtures.centre("0301"), 0);
                inserted.add(jdbc.sql("""
                        insert into approval (kind, subject_id, case_id, case_reference, status, command_input, change_summary, proposed_at,
                            proposed_by, proposed_by_name, proposed_by_role)
                        values ('CLOSE_CASE', :c, :c, :r, 'PENDING', 'reason=Liste', 'Liste', timestamptz '1989-01-01 10:00+00' + make_interval(mins => :m),
                            'saksbehandler-test', 'Test Saksbehandler', 'AGENCY_CASEWORKER') returning id
                        """).param("c", caseId).param("r", "GODKJ-NETT-" + Fixtures.next()).param("m", i).query(Long.class).single());
            }
            long total = jdbc.sql("select count(*) from approval where status = 'PENDING'").query(Long.class).single();
            PageAudit audit = new PageAudit(browsing);
            Page page = browsing.login(user(new Actor("liste-godkjenner-" + n, "Liste Godkjenner", Role.AGENCY_CASEWORKER, null, null)));
            page.navigate(browsing.url("/godkjenninger?size=2"));
            assertFirstPage(page, "#approval-count", "main .table-wrap tbody tr", 2, total);
            audit.check(page, "approvals, page 1");

            // Keyboard: Tab from the top of the main content reaches every link of the pager; Enter follows "next".
            assertPagerReachableByTab(page, "main nav.pager");
            browsing.pressEnter(page, page.locator("main nav.pager a[rel=next]"));
            assertSecondPage(page, "#approval-count", "main .table-wrap tbody tr", 2, total);
            assertPagerReachableByTab(page, "main nav.pager");
            audit.assertClean();
        } finally {
            // Pending proposals are one list for every approver: other tests must not find these in theirs.
            jdbc.sql("delete from approval where id = any(:ids)").param("ids", inserted.toArray(Long[]::new)).update();
        }
    }

    @Test
    void concernReportsOfACasePage(Browsing browsing) {
        Actor designated = user(new Actor("liste-vern-" + Fixtures.next(), "Liste Vern", Role.AGENCY_CASEWORKER, null, null));
        designation.designate(designated.username(), true);
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        for (int i = 0; i < 3; i++) {
            concerns.create(designated, new ConcernReports.NewReport(caseId, null, EnumSet.of(ConcernIndicator.TRAFFICKING),
                    "Melding " + i, Referral.POLICE, TestClock.today(), Set.of(), Set.of())).value();
        }
        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(designated);
        page.navigate(browsing.url("/bekymringer?sak=" + caseId + "&size=2"));
        assertFirstPage(page, "#concern-report-count", "main .table-wrap tbody tr", 2, 3);
        audit.check(page, "concern reports of a case, page 1");
        next(browsing, page, "main nav.pager");
        assertThat(page.url()).contains("sak=" + caseId);
        assertSecondPage(page, "#concern-report-count", "main .table-wrap tbody tr", 2, 3);
        audit.assertClean();
    }

    @Test
    void introductionResultsPageOnTheAgencysAndThePublicPageAndFitAPhone(Browsing browsing) {
        List<Long> persons = new ArrayList<>();
        try {
            for (String municipality : List.of("5001", "0301", "4601")) {
                persons.add(completedIntroduction(municipality));
            }
            PageAudit audit = new PageAudit(browsing);
            Page planner = browsing.login(user(new Actor("liste-planlegger-" + Fixtures.next(), "Liste Planlegger", Role.AGENCY_PLANNER, null, null)));
            Page visitor = browsing.open("public");
            for (Page page : List.of(planner, visitor)) {
                String path = page == planner ? "/statistikk/introduksjon" : "/offentlig/introduksjon";
                page.navigate(browsing.url(path + "?year=" + INTRO_YEAR + "&size=2"));
                assertFirstPage(page, "#municipality-count", "main .table-wrap tbody tr", 2, 3);
                audit.check(page, "introduction results " + path + ", page 1");
                next(browsing, page, "main nav.pager");
                assertThat(page.url()).contains("year=" + INTRO_YEAR);
                assertSecondPage(page, "#municipality-count", "main .table-wrap tbody tr", 2, 3);
            }

            // The public list on a 360 px phone: nothing wider than the screen, the pager's targets inside it.
            Page phone = browsing.open("phone");
            phone.setViewportSize(360, 800);
            phone.navigate(browsing.url("/offentlig/introduksjon?year=" + INTRO_YEAR + "&size=2"));
            assertFirstPage(phone, "#municipality-count", "main .table-wrap tbody tr", 2, 3);
            assertThat(((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .as("the public introduction results fit a 360 px phone").isLessThanOrEqualTo(360);
            assertThat(((Number) phone.evaluate("() => Math.max(...[...document.querySelectorAll('main nav.pager a, main nav.pager span')]"
                    + ".map(e => e.getBoundingClientRect().right))")).doubleValue()).as("the pager stays on the screen").isLessThanOrEqualTo(360);
            assertThat(((Number) phone.evaluate("() => Math.min(...[...document.querySelectorAll('main nav.pager a')]"
                    + ".map(e => Math.min(e.getBoundingClientRect().width, e.getBoundingClientRect().height)))")).doubleValue())
                    .as("the pager's links are 44 px targets").isGreaterThanOrEqualTo(44);
            audit.check(phone, "public introduction results on a phone, page 1");
            next(browsing, phone, "main nav.pager");
            assertSecondPage(phone, "#municipality-count", "main .table-wrap tbody tr", 2, 3);
            audit.assertClean();
        } finally {
            // The outcome model and the other tests read every year's results: these must not stay among them.
            Long[] ids = persons.toArray(Long[]::new);
            jdbc.sql("delete from intro_outcome where person_id = any(:p)").param("p", ids).update();
            jdbc.sql("delete from intro_participation where person_id = any(:p)").param("p", ids).update();
        }
    }

    @Test
    void paymentRunsAndAnOpenRunsLinesPage(Browsing browsing) {
        demoRates.ensure(Actor.system());
        Actor planner = user(new Actor("liste-utbetaler-" + Fixtures.next(), "Liste Planlegger", Role.AGENCY_PLANNER, null, null));
        LocalDate today = TestClock.today();
        settled(RUNS_MUNICIPALITY, today);
        settled(RUNS_MUNICIPALITY, today);
        PaymentRun older = payments.run(planner, PaymentRun.Kind.REGULAR, today.getYear()).value();
        settled(RUNS_MUNICIPALITY, today);
        payments.run(planner, PaymentRun.Kind.REGULAR, today.getYear()).value();
        long runs = payments.countRuns();
        long lines = payments.countLines(older.id());
        assertThat(lines).isGreaterThanOrEqualTo(2);

        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(planner);
        String runRows = "table[aria-labelledby=runs-heading] tbody tr";
        page.navigate(browsing.url("/tilskudd/utbetalinger?size=1"));
        assertFirstPage(page, "#run-count", runRows, 1, runs);
        audit.check(page, "payment runs, page 1");
        next(browsing, page, "main > nav.pager");
        assertSecondPage(page, "#run-count", runRows, 1, runs);

        String lineRows = "table[aria-labelledby=lines-heading] tbody tr";
        String linePager = "section[aria-labelledby=lines-heading] nav.pager";
        page.navigate(browsing.url("/tilskudd/utbetalinger?run=" + older.id() + "&size=1"));
        assertFirstPage(page, "#line-count", lineRows, 1, lines);
        audit.check(page, "an open payment run's lines, page 1");
        next(browsing, page, linePager);
        assertThat(page.url()).contains("run=" + older.id());
        assertSecondPage(page, "#line-count", lineRows, 1, lines);
        audit.assertClean();
    }

    @Test
    void grantPersonListsPageForTheMunicipalityAndTheAgency(Browsing browsing) {
        demoRates.ensure(Actor.system());
        LocalDate today = TestClock.today();
        for (int i = 1; i <= 3; i++) {
            fixtures.acceptedOn(PERSONS_MUNICIPALITY, today.minusDays(3), today.plusDays(10 * i));
        }
        long n = Fixtures.next();
        PageAudit audit = new PageAudit(browsing);
        String rows = "table[aria-labelledby=persons-heading] tbody tr";

        Page officer = browsing.login(user(new Actor("liste-kommune-" + n, "Liste Kommune", Role.MUNICIPALITY_OFFICER, PERSONS_MUNICIPALITY, null)));
        officer.navigate(browsing.url("/kommune/tilskudd?size=2"));
        assertFirstPage(officer, "#person-count", rows, 2, 3);
        audit.check(officer, "the municipality's grant persons, page 1");
        next(browsing, officer, "main nav.pager");
        assertSecondPage(officer, "#person-count", rows, 2, 3);

        Page agency = browsing.login(user(new Actor("liste-tilskudd-" + n, "Liste Saksbehandler", Role.AGENCY_CASEWORKER, null, null)));
        agency.navigate(browsing.url("/tilskudd/kommuner/" + PERSONS_MUNICIPALITY + "?size=2"));
        assertFirstPage(agency, "#person-count", rows, 2, 3);
        audit.check(agency, "a municipality's grant persons for the agency, page 1");
        next(browsing, agency, "main nav.pager");
        assertSecondPage(agency, "#person-count", rows, 2, 3);
        audit.assertClean();
    }

    @Test
    void inboxPages(Browsing browsing) {
        Actor sender = fixtures.municipality(INBOX_MUNICIPALITY);
        for (int i = 0; i < 3; i++) {
            long caseId = fixtures.household(fixtures.centre(INBOX_MUNICIPALITY), 0);
            fixtures.ready(caseId);
            fixtures.propose(caseId, INBOX_MUNICIPALITY);
            messages.post(threads.caseThreadToRead(caseId, null, sender).orElseThrow(), sender, "Når kan dere svare?", List.of()).value();
        }
        PageAudit audit = new PageAudit(browsing);
        Page officer = browsing.login(user(new Actor("liste-innboks-" + Fixtures.next(), "Liste Innboks", Role.MUNICIPALITY_OFFICER,
                INBOX_MUNICIPALITY, null)));
        String rows = "table.message-threads tbody tr";
        officer.navigate(browsing.url("/meldinger?size=2"));
        assertFirstPage(officer, "#inbox-count", rows, 2, 3);
        audit.check(officer, "inbox, page 1");
        next(browsing, officer, "main nav.pager");
        assertSecondPage(officer, "#inbox-count", rows, 2, 3);
        audit.assertClean();
    }

    // ---- the list component as the user meets it ----

    private static void assertFirstPage(Page page, String countSelector, String rowSelector, int size, long total) {
        long last = Math.min(size, total);
        assertThat(page.textContent(countSelector).trim()).as("count line on %s", page.url()).isEqualTo("Viser 1–" + last + " av " + total);
        assertThat(page.locator(rowSelector).count()).as("rows on %s", page.url()).isEqualTo((int) last);
    }

    private static void assertSecondPage(Page page, String countSelector, String rowSelector, int size, long total) {
        long last = Math.min(2L * size, total);
        assertThat(page.url()).contains("page=1").contains("size=" + size);
        assertThat(page.textContent(countSelector).trim()).as("count line on %s", page.url())
                .isEqualTo("Viser " + (size + 1) + "–" + last + " av " + total);
        assertThat(page.locator(rowSelector).count()).as("rows on %s", page.url()).isEqualTo((int) (last - size));
    }

    /** Follows the pager's "next" link; the page marks page 2 as the current one. */
    private static void next(Browsing browsing, Page page, String pagerSelector) {
        browsing.submit(page, page.locator(pagerSelector + " a[rel=next]"));
        assertThat(page.textContent(pagerSelector + " [aria-current=page]").trim()).isEqualTo("2");
    }

    /**
     * From the start of the main content, Tab reaches every link of the pager in the order they are shown, each with a
     * visible focus indicator.
     */
    private static void assertPagerReachableByTab(Page page, String pagerSelector) {
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) page.evaluate("sel => [...document.querySelectorAll(sel + ' a[href]')]"
                + ".map(a => a.getAttribute('href'))", pagerSelector);
        assertThat(links).as("links of %s", pagerSelector).isNotEmpty();
        page.focus("main");
        List<String> reached = new ArrayList<>();
        boolean entered = false;
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) page.evaluate("""
                    sel => {
                      const el = document.activeElement;
                      const inPager = !!(el && el.closest(sel));
                      const s = el ? getComputedStyle(el) : null;
                      return {inPager: inPager, href: inPager ? el.getAttribute('href') : null,
                              indicator: !!s && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none'))};
                    }""", pagerSelector);
            if (Boolean.TRUE.equals(focus.get("inPager"))) {
                entered = true;
                reached.add((String) focus.get("href"));
                assertThat(focus.get("indicator")).as("%s shows a focus indicator after Tab", focus.get("href")).isEqualTo(true);
            } else if (entered) {
                break;
            }
        }
        assertThat(reached).as("pager links reached by Tab on %s", page.url()).containsExactlyElementsOf(links);
    }

    // ---- fixtures ----

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }

    /** One person who completed the introduction programme in {@link #INTRO_YEAR} in {@code municipality}, in work a year later. */
    private long completedIntroduction(String municipality) {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long person = jdbc.sql("select id from person where case_id = :c").param("c", caseId).query(Long.class).single();
        jdbc.sql("""
                insert into intro_participation (person_id, case_id, municipality_number, started_on, completed_on, registered_at,
                    registered_by, updated_at, updated_by)
                values (:p, :c, :m, date '1993-01-01', date '1995-06-01', now(), 'test', now(), 'test')""")
                .param("p", person).param("c", caseId).param("m", municipality).update();
        jdbc.sql("insert into intro_outcome (person_id, status, measured_on, registered_at, registered_by) values (:p, 'WORK', date '1996-06-01', now(), 'test')")
                .param("p", person).update();
        return person;
    }

    /** A one-person household settled five days ago, its date registered: a line for the next payment run. */
    private void settled(String municipality, LocalDate today) {
        long caseId = fixtures.acceptedOn(municipality, today.minusDays(20), today.minusDays(5));
        SettlementDecision d = decisions.forCase(caseId).get(0);
        decisions.registerSettlementDate(d.id(), today.minusDays(5), null, fixtures.municipality(municipality)).value();
    }

}
