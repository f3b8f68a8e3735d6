package no.bosetting.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit must fail on a real violation, or a clean report from the other browser tests would mean
 * nothing (for instance if the Content-Security-Policy ever kept axe-core from running).
 */
@BrowserTest
class PageAuditSelfTest {

    @Test
    void aPageWithAViolationAndAFormWithoutTokenFailsTheAudit(Browsing browsing) {
        Page page = browsing.open("anonymous");
        page.navigate(browsing.url("/login"));
        page.evaluate("""
                () => {
                  const img = document.createElement('img');
                  img.src = '/favicon.ico';
                  document.querySelector('main').append(img);
                  const form = document.createElement('form');
                  form.method = 'post';
                  form.action = '/varsler/lest';
                  document.querySelector('main').append(form);
                }""");
        PageAudit audit = new PageAudit(browsing);
        audit.check(page, "login with a broken image and form");
        assertThatThrownBy(audit::assertClean)
                .hasMessageContaining("axe image-alt [critical]")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/")
                .hasMessageContaining("target [img]")
                .hasMessageContaining("POST form to /varsler/lest has no _csrf token");
    }
}
