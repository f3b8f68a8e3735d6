package no.bosetting.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import no.bosetting.access.Actor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test's browser work: a separate browser context (own cookies, own session) per person, each
 * signed in through the real login form. Remembers every HTML document the pages received, so the
 * response headers of every page in a flow can be checked afterwards.
 */
public final class Browsing {

    /** The password of every user the browser tests create. */
    public static final String PASSWORD = "test-passord";

    private final Browser browser;
    private final String baseUrl;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Map<Page, String> pages = new LinkedHashMap<>();
    private final List<Document> documents = new ArrayList<>();

    Browsing(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** An HTML page as the server sent it. */
    public record Document(String url, int status, Map<String, String> headers) {
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** A fresh, signed-out browser window; {@code label} names it in screenshots. */
    public Page open(String label) {
        return open(label, null);
    }

    /** A fresh window whose browser asks for pages in {@code language} (Accept-Language). */
    public Page open(String label, String language) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(1280, 900);
        if (language != null) {
            options.setLocale(language);
        }
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onResponse(this::remember);
        pages.put(page, label);
        return page;
    }

    /** Signs {@code actor} in through the login form; the account must exist with {@link #PASSWORD}. */
    public Page login(Actor actor) {
        Page page = open(actor.username());
        page.navigate(url("/login"));
        page.fill("#username", actor.username());
        page.fill("#password", PASSWORD);
        submit(page, page.locator("main form button[type=submit]"));
        assertThat(page.url()).as("%s should be signed in", actor.username()).doesNotContain("/login");
        return page;
    }

    /**
     * Signs a refugee in on {@code page} as a refugee does: the DUF number, then the one-time code, read from the demo
     * mailbox in a window of its own; the pages in {@code language} (nb, en or uk) from the sign-in on.
     */
    public void signInRefugee(Page page, String duf, String language) {
        page.navigate(url("/min-side/logg-inn?lang=" + language));
        page.fill("#dufNumber", duf);
        submit(page, page.locator("main form button[type=submit]"));
        Page mailbox = open("mailbox-" + duf);
        mailbox.navigate(url("/demo-postkasse"));
        page.fill("#code", mailbox.locator("tr:has(td:text-is('" + duf + "')) .demo-code").first().textContent().trim());
        submit(page, page.locator("main form button[type=submit]"));
        assertThat(page.url()).as("refugee %s should be signed in", duf).doesNotContain("/logg-inn");
    }

    /** Clicks a control that submits a form or follows a link and waits for the next page. */
    @SuppressWarnings("deprecation") // waitForURL cannot express "whatever page comes next", e.g. a form re-rendered at the same URL
    public Response submit(Page page, Locator control) {
        return page.waitForNavigation(control::click);
    }

    /** Same, with the keyboard: the control is focused and Enter pressed, as a keyboard-only user would. */
    @SuppressWarnings("deprecation")
    public Response pressEnter(Page page, Locator control) {
        control.focus();
        return page.waitForNavigation(() -> page.keyboard().press("Enter"));
    }

    public List<Document> documents() {
        return List.copyOf(documents);
    }

    private void remember(Response response) {
        if (!"document".equals(response.request().resourceType())) {
            return;
        }
        String type = response.headerValue("content-type");
        if (type != null && type.startsWith("text/html")) {
            documents.add(new Document(response.url(), response.status(), response.allHeaders()));
        }
    }

    List<Path> screenshotAll(Path directory, String testName) {
        List<Path> saved = new ArrayList<>();
        int n = 0;
        for (Map.Entry<Page, String> entry : pages.entrySet()) {
            Page page = entry.getKey();
            if (page.isClosed()) {
                continue;
            }
            Path file = directory.resolve(testName + "-" + (++n) + "-" + entry.getValue().replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
            try {
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                saved.add(file);
            } catch (RuntimeException e) {
                System.err.println("No screenshot of " + page.url() + ": " + e.getMessage());
            }
        }
        return saved;
    }

    void close() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        pages.clear();
    }
}
