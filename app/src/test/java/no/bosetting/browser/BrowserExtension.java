package no.bosetting.browser;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each browser test a {@link Browsing} session against the running server and, when the test
 * fails, saves a full-page screenshot of every page it had open into {@code <build dir>/browser-screenshots/}.
 * One Chromium process serves the whole run; each session gets fresh browser contexts (own cookies).
 */
public class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

    static final String CHROMIUM = System.getProperty("bosetting.chromium", "/usr/bin/chromium");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsing.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
        Browsing browsing = new Browsing(sharedBrowser(context), "http://localhost:" + port);
        context.getStore(NAMESPACE).put(Browsing.class, browsing);
        return browsing;
    }

    /**
     * Right after the test method, while JUnit's store is still open (a {@code TestWatcher} is called after it is closed,
     * so its clean-up failed with a warning and left each test's browser windows open): a screenshot of every open page
     * when the test failed, then the windows closed.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browsing browsing = context.getStore(NAMESPACE).remove(Browsing.class, Browsing.class);
        if (browsing == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
                List<Path> saved = browsing.screenshotAll(screenshotDirectory(), name);
                saved.forEach(p -> System.err.println("Screenshot of failed browser test: " + p));
            }
        } finally {
            browsing.close();
        }
    }

    /** Next to the compiled tests, so it follows -Dbosetting.build.dir (target/, target-browser/, ...). */
    static Path screenshotDirectory() {
        try {
            Path testClasses = Path.of(BrowserExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = testClasses.getParent().resolve("browser-screenshots");
            Files.createDirectories(dir);
            return dir;
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException("Cannot create the screenshot directory", e);
        }
    }

    private static Browser sharedBrowser(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedBrowser.class, k -> SharedBrowser.launch(), SharedBrowser.class).browser;
    }

    /** Closed by JUnit when the whole run ends. */
    static final class SharedBrowser implements AutoCloseable {

        private final Playwright playwright;
        final Browser browser;

        private SharedBrowser(Playwright playwright, Browser browser) {
            this.playwright = playwright;
            this.browser = browser;
        }

        static SharedBrowser launch() {
            if (!Files.isExecutable(Path.of(CHROMIUM))) {
                throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (apt-get install -y chromium); "
                        + "the browser tests never download a browser.");
            }
            // Also set here (not only in surefire) so a run from an IDE never starts a browser download.
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(CHROMIUM))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", "--disable-quic", "--disable-gpu")));
            return new SharedBrowser(playwright, browser);
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
