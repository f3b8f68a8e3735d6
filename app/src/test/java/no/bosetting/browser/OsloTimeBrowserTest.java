package no.bosetting.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 1 in a real browser: a household imported and interviewed at 23:40 UTC (00:40 the next day in
 * Norway) shows the Norwegian date and time both as "last registered" in the interview panel and in the case history.
 * Saves a screenshot of the case page ({@code issue16-after-1-case.png}) for the closing note.
 */
@BrowserTest
class OsloTimeBrowserTest {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;

    @Test
    void aSaveAt2340UtcIsShownAt0040NorwegianTimeOnTheCasePage(Browsing browsing) throws Exception {
        LocalDate day = TestClock.today().minusDays(3);
        var savedAt = day.atTime(LocalTime.of(23, 40)).toInstant(ZoneOffset.UTC);
        long[] caseId = new long[1];
        ShiftableClock.runAt(savedAt, () -> {
            caseId[0] = fixtures.household(fixtures.centre("3403"), 0, day.minusDays(20));
            fixtures.ready(caseId[0]);
        });
        String oslo = SHOWN.format(day.plusDays(1).atTime(0, 40));
        String utc = SHOWN.format(day.atTime(23, 40));
        PageAudit audit = new PageAudit(browsing);
        Actor caseworker = new Actor("tid-saksbehandler-" + Fixtures.next(), "Tid Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(caseworker, Browsing.PASSWORD, null);
        Page page = browsing.login(caseworker);
        page.navigate(browsing.url("/saker/" + caseId[0]));
        audit.check(page, "/saker/{id} with a save near midnight");
        Path dir = BrowserExtension.screenshotDirectory();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(dir.resolve("issue16-after-1-case.png")));
        String main = page.textContent("main");
        assertThat(main).as("last registered and the history line, in Norwegian time").contains(oslo).doesNotContain(utc);
        assertThat(page.locator("p.muted:has-text('Sist registrert')").first().textContent())
                .as("the interview panel's last registered").contains(oslo);
        assertThat(page.locator("table:has(td:has-text('" + oslo + "'))").count()).as("the case history").isPositive();
        audit.assertClean();
    }
}
