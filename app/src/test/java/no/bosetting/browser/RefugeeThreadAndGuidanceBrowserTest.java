package no.bosetting.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.proposals.Proposals;
import no.bosetting.selfservice.RefugeeSupport;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 points 2 and 3 as the refugee sees them: Min side after sending a message, and an accepted household
 * whose planned moving date has passed, each page with the axe audit. Saves the screenshots the closing note
 * names ({@code docs/screenshots/issue-16/before-*} were taken by the first version of this test on the unchanged code).
 */
@BrowserTest
class RefugeeThreadAndGuidanceBrowserTest {

    private static final String MUNICIPALITY = "4631";

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Proposals proposals;
    @Autowired
    UserAccounts accounts;

    @Test
    void theRefugeeAndTheCaseworkerWriteInOneThreadAndAnAcceptedHouseholdReadsGuidanceFromItsDates(Browsing browsing) {
        long n = Fixtures.next();
        PageAudit audit = new PageAudit(browsing);
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, 1);
        String duf = mainDuf(caseId);
        Page refugee = signIn(browsing, duf, "refugee-" + n);

        // Point 2: the refugee writes; without an offer there is nothing to decline, so only a question is asked.
        refugee.navigate(browsing.url("/min-side?lang=uk"));
        assertThat(refugee.locator("#kind-decline").count()).isZero();
        refugee.fill("#text", "Коли ми переїжджаємо?");
        browsing.submit(refugee, refugee.locator("form[action$='/min-side/melding'] button[type=submit]"));
        assertThat(refugee.locator("#meldinger").textContent()).contains("Коли ми переїжджаємо?");
        audit.check(refugee, "/min-side in uk after sending a message");
        shot(refugee, "after-2-min-side-uk-sent");

        Actor caseworker = new Actor("tråd-sb-" + n, "Tråd Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        Page staff = browsing.login(caseworker);
        staff.navigate(browsing.url("/saker/" + caseId));
        assertThat(staff.locator("#husstand-meldinger").textContent()).contains("Коли ми переїжджаємо?").contains("1 uleste");
        String history = staff.locator("main table:has(caption:text-is('Sakshistorikk'))").textContent();
        assertThat(history).contains("Testa Testesen").contains("(Flyktning)").doesNotContain("duf:").doesNotContain("??");
        audit.check(staff, "/saker/{id} with the household's message");
        staff.fill("#refugee-reply", "Kommunen svarer vanligvis innen en uke.");
        browsing.submit(staff, staff.locator("#husstand-meldinger button[type=submit]"));
        assertThat(staff.url()).contains("/saker/" + caseId + "/meldinger-husstand");
        assertThat(staff.locator("main").textContent()).contains("Kommunen svarer vanligvis innen en uke.").contains("Testa Testesen");
        audit.check(staff, "/saker/{id}/meldinger-husstand after the answer");
        staff.navigate(browsing.url("/saker/" + caseId));
        shot(staff, "after-2-case-page-caseworker");

        refugee.navigate(browsing.url("/min-side?lang=en"));
        String thread = refugee.locator("#meldinger").textContent();
        assertThat(thread).contains("Коли ми переїжджаємо?").contains("Kommunen svarer vanligvis innen en uke.")
                .contains("IMDi (Tråd Saksbehandler)").contains("New answers from IMDi: 1");
        audit.check(refugee, "/min-side in en with the answer");
        shot(refugee, "after-2-min-side-en-answer");
        refugee.navigate(browsing.url("/min-side?lang=en"));
        assertThat(refugee.locator("#meldinger").textContent()).doesNotContain("New answers");

        // Point 3: an accepted household, ten months after its planned moving date, with its permit eleven months back.
        long accepted = fixtures.household(centre, 2, TestClock.today().minusMonths(11));
        fixtures.ready(accepted);
        LocalDate planned = TestClock.today().plusDays(20);
        fixtures.decidePlannedYear(MUNICIPALITY, planned, 500, 0);
        long proposal = fixtures.propose(accepted, MUNICIPALITY);
        proposals.accept(fixtures.municipality(MUNICIPALITY), proposal, fixtures.plannedDates(accepted, planned), null).value();
        LocalDate past = TestClock.today().minusMonths(10);
        jdbc.sql("update settlement_decision set planned_settlement_date = :p where case_id = :c").param("p", past).param("c", accepted).update();
        String pastText = String.format("%02d.%02d.%d", past.getDayOfMonth(), past.getMonthValue(), past.getYear());
        Page household = signIn(browsing, mainDuf(accepted), "accepted-" + n);
        household.navigate(browsing.url("/min-side?lang=en"));
        assertThat(household.locator("#guidance").textContent()).contains("The planned moving date " + pastText + " has passed")
                .contains("registers the date");
        assertThat(household.locator("main").textContent()).doesNotContain("Planned moving date:")
                .doesNotContain("within about two months");
        assertThat(household.locator("#kind-decline").count()).isEqualTo(1);
        audit.check(household, "/min-side in en, planned date passed");
        shot(household, "after-3-min-side-en");
        household.navigate(browsing.url("/min-side?lang=uk"));
        assertThat(household.locator("#guidance").textContent()).contains("Запланована дата переїзду " + pastText + " минула");
        audit.check(household, "/min-side in uk, planned date passed");
        shot(household, "after-3-min-side-uk");
        household.navigate(browsing.url("/min-side/soknad?lang=en"));
        assertThat(household.locator("#situation").textContent()).contains("You already have an offer of settlement in Alver");
        assertThat(household.locator("main").textContent()).doesNotContain("The deadline has passed");
        audit.check(household, "/min-side/soknad in en with an offer");
        shot(household, "after-3-application-en");
        household.navigate(browsing.url("/min-side/selvbosetting?lang=uk"));
        assertThat(household.locator("#situation").textContent()).contains("Alver");
        assertThat(household.locator("main").textContent()).doesNotContain("минув");
        audit.check(household, "/min-side/selvbosetting in uk with an offer");
        household.navigate(browsing.url("/min-side/selvbosetting?lang=en"));
        assertThat(household.locator("main").textContent()).doesNotContain("has passed");
        shot(household, "after-3-self-settlement-en");
        audit.assertClean();
    }

    private String mainDuf(long caseId) {
        return jdbc.sql("select trim(duf_number) from person where case_id = :c order by id limit 1").param("c", caseId)
                .query(String.class).single();
    }

    private Page signIn(Browsing browsing, String duf, String label) {
        Page page = browsing.open(label);
        page.setViewportSize(390, 844);
        page.navigate(browsing.url("/min-side/logg-inn"));
        page.fill("#dufNumber", duf);
        browsing.submit(page, page.locator("main form button[type=submit]"));
        page.fill("#code", RefugeeSupport.latestCode(jdbc, duf));
        browsing.submit(page, page.locator("main form button[type=submit]"));
        return page;
    }

    static Path shot(Page page, String name) {
        Path file = BrowserExtension.screenshotDirectory().resolve("issue16-" + name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
