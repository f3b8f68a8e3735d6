package no.bosetting.letters;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.browser.BrowserTest;
import no.bosetting.browser.Browsing;
import no.bosetting.browser.PageAudit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The letter-template pages, in bokmål and English, with and without errors, pass the WCAG 2.1 AA audit. */
@BrowserTest
class LetterTemplatePagesBrowserTest {

    @Autowired
    UserAccounts accounts;

    @Test
    void theTemplatePagesPassTheAudit(Browsing browsing) {
        Actor admin = new Actor("brevmal-admin", "Brevmal Admin", Role.AGENCY_ADMIN, null, null);
        accounts.createIfMissing(admin, Browsing.PASSWORD, null);
        PageAudit audit = new PageAudit(browsing);
        Page page = browsing.login(admin);
        for (String lang : new String[]{"nb", "en"}) {
            for (String path : new String[]{"/brevmaler", "/brevmaler/rediger?kind=DECISION&sprak=uk",
                    "/brevmaler/rediger?kind=MUNICIPALITY_AGREEMENT&sprak=nb", "/brevmaler/rediger?kind=DECISION&sprak=nb&versjon=1"}) {
                page.navigate(browsing.url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
                assertThat(page.getAttribute("html", "lang")).isEqualTo(lang);
                audit.check(page, path + " in " + lang);
            }
            page.navigate(browsing.url("/brevmaler/rediger?kind=DECISION&sprak=nb&lang=" + lang));
            page.fill("#body", "Hei {{navn}}, velkommen til {{by}}.");
            browsing.submit(page, page.locator("form.letters-form button[type=submit]").first());
            assertThat(page.locator(".error-summary").isVisible()).isTrue();
            assertThat(page.locator("#body-error").textContent()).contains("{{by}}");
            audit.check(page, "/brevmaler/rediger with errors in " + lang);
        }
        audit.assertClean();
    }
}
