package no.bosetting.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import static org.assertj.core.api.Assertions.fail;

/**
 * Checks every page a flow reaches: WCAG 2.1 A/AA with axe-core, a CSRF token in every POST form.
 * Problems are collected so one run reports all pages at once; {@link #assertClean} fails the test
 * and also checks the security headers of every HTML document the session received.
 */
public final class PageAudit {

    /** WCAG 2.0 and 2.1, levels A and AA: what Norwegian public bodies must meet. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final Browsing browsing;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> audited = new LinkedHashSet<>();
    private final Map<Page, Set<String>> pathsPerSession = new IdentityHashMap<>();

    public PageAudit(Browsing browsing) {
        this.browsing = browsing;
    }

    /** Scans the page as it is now; {@code what} says which state (e.g. "with errors") for the report. */
    public void check(Page page, String what) {
        String where = what + " (" + path(page.url()) + ")";
        audited.add(where);
        pathsPerSession.computeIfAbsent(page, p -> new LinkedHashSet<>()).add(path(page.url()));
        AxeResults results = new AxeBuilder(page).options(options()).analyze();
        if (results.isErrored() || results.getPasses() == null || results.getPasses().isEmpty()) {
            problems.add(where + ": axe-core did not run: " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            Path shot = BrowserExtension.screenshotDirectory().resolve("axe-" + where.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
            for (Rule rule : violations) {
                StringBuilder line = new StringBuilder(where).append(": axe ").append(rule.getId())
                        .append(" [").append(rule.getImpact()).append("] ").append(rule.getHelp())
                        .append(" – ").append(rule.getHelpUrl());
                for (CheckedNode node : rule.getNodes()) {
                    line.append("\n      target ").append(node.getTarget()).append(": ").append(node.getFailureSummary());
                }
                problems.add(line.toString());
            }
        }
        @SuppressWarnings("unchecked")
        List<String> formsWithoutToken = (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('form')]
                    .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'post')
                    .filter(f => !f.querySelector('input[type=hidden][name="_csrf"]'))
                    .map(f => f.getAttribute('action'))""");
        formsWithoutToken.forEach(action -> problems.add(where + ": POST form to " + action + " has no _csrf token"));
    }

    /** Only the WCAG 2.1 A/AA rules; node details only for violations, which keeps each scan fast. */
    private static AxeRunOptions options() {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(WCAG_21_AA);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        return options;
    }

    /** Whether this page (one signed-in person) has already been audited at {@code path}. */
    public boolean audited(Page page, String path) {
        return pathsPerSession.getOrDefault(page, Set.of()).contains(path);
    }

    public Set<String> audited() {
        return audited;
    }

    public void assertClean() {
        List<String> all = new ArrayList<>(problems);
        for (Browsing.Document doc : browsing.documents()) {
            all.addAll(headerProblems(doc));
        }
        if (!all.isEmpty()) {
            fail(all.size() + " problem(s) on " + audited.size() + " audited page states:\n  " + String.join("\n  ", all));
        }
    }

    static List<String> headerProblems(Browsing.Document doc) {
        Map<String, String> h = doc.headers();
        List<String> found = new ArrayList<>();
        String where = path(doc.url()) + " (HTTP " + doc.status() + ")";
        String csp = h.get("content-security-policy");
        if (csp == null || !csp.contains("default-src")) {
            found.add(where + ": no Content-Security-Policy");
        }
        if (!"nosniff".equalsIgnoreCase(h.get("x-content-type-options"))) {
            found.add(where + ": X-Content-Type-Options is not nosniff");
        }
        boolean noFraming = "DENY".equalsIgnoreCase(h.get("x-frame-options")) || csp != null && csp.contains("frame-ancestors 'none'");
        if (!noFraming) {
            found.add(where + ": page may be framed (no X-Frame-Options DENY or frame-ancestors 'none')");
        }
        if (h.get("referrer-policy") == null) {
            found.add(where + ": no Referrer-Policy");
        }
        return found;
    }

    static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }
}
