package no.bosetting.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refugee signs in through the DUF number and the demo mailbox's one-time code, on a phone-sized
 * screen, and every signed-in refugee page — also the application form re-rendered with errors — is
 * checked with axe-core in bokmål, English and Ukrainian.
 */
@BrowserTest
class RefugeePagesBrowserTest {

    @Test
    void aRefugeeSignsInWithTheDemoMailboxAndEveryPageIsAccessibleInThreeLanguages(Browsing browsing) {
        String duf = Fixtures.duf();
        Page page = browsing.open("refugee");
        page.setViewportSize(320, 800);
        PageAudit audit = new PageAudit(browsing);
        page.navigate(browsing.url("/min-side/logg-inn"));
        audit.check(page, "/min-side/logg-inn");
        page.fill("#dufNumber", "123");
        browsing.submit(page, page.locator("main form button[type=submit]"));
        assertThat(page.locator("#dufNumber-error").textContent()).contains("12 sifre");
        audit.check(page, "/min-side/logg-inn with an error");
        page.fill("#dufNumber", duf);
        browsing.submit(page, page.locator("main form button[type=submit]"));
        assertThat(page.url()).endsWith("/min-side/logg-inn/kode");
        audit.check(page, "/min-side/logg-inn/kode");

        Page mailbox = browsing.open("mailbox");
        mailbox.navigate(browsing.url("/demo-postkasse"));
        audit.check(mailbox, "/demo-postkasse");
        String code = mailbox.locator("tr:has(td:text-is('" + duf + "')) .demo-code").first().textContent().trim();

        page.fill("#code", code);
        browsing.submit(page, page.locator("main form button[type=submit]"));
        assertThat(page.url()).endsWith("/min-side");
        for (String lang : List.of("nb", "en", "uk")) {
            page.navigate(browsing.url("/min-side?lang=" + lang));
            assertThat(page.getAttribute("html", "lang")).isEqualTo(lang);
            audit.check(page, "/min-side in " + lang);
            page.navigate(browsing.url("/min-side/soknad?lang=" + lang));
            assertThat(page.getAttribute("html", "lang")).isEqualTo(lang);
            audit.check(page, "/min-side/soknad in " + lang);
            page.check("#unaccompaniedMinor");
            page.fill("#healthDetails", "Astma");
            browsing.submit(page, page.locator("button[name=action][value=submit]"));
            assertThat(page.locator(".error-summary").isVisible()).isTrue();
            audit.check(page, "/min-side/soknad with errors in " + lang);
        }
        audit.assertClean();
    }
}
