package no.bosetting.browser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyboard-only checks of one form, as a user without a mouse meets it: Tab from the top of the page
 * reaches every control in the order they appear on screen, each shows a visible focus indicator,
 * every control has a programmatically tied label, and after a failed submit the error summary takes
 * focus and links to the fields at fault.
 */
final class Keyboard {

    /** Header links, language switch and logout come before any form; forms have well under 100 controls. */
    private static final int MAX_TABS = 150;

    private Keyboard() {
    }

    /** A control of the form under test: its position on screen and how it is labelled. */
    record Control(int key, String describe, double top, double left, String label) {
    }

    /** Where focus was after one press of Tab. */
    record Stop(Integer key, String describe, boolean focusVisible, boolean indicator) {
    }

    static void assertOperable(Page page, String formSelector) {
        List<Control> controls = controls(page, formSelector);
        assertThat(controls).as("controls of %s", formSelector).isNotEmpty();
        for (Control c : controls) {
            assertThat(c.label()).as("accessible label of %s in %s", c.describe(), formSelector).isNotBlank();
        }

        List<Stop> stops = tabThrough(page, formSelector);
        List<Integer> reached = new ArrayList<>();
        for (Stop s : stops) {
            if (s.key() != null && (reached.isEmpty() || !reached.get(reached.size() - 1).equals(s.key()))) {
                reached.add(s.key());
            }
            if (s.key() != null) {
                assertThat(s.indicator()).as("%s shows a focus outline or ring after Tab (:focus-visible %s)", s.describe(),
                        s.focusVisible()).isTrue();
            }
        }
        List<Integer> visualOrder = controls.stream()
                .sorted(Comparator.comparingDouble((Control c) -> Math.round(c.top() / 8.0)).thenComparingDouble(Control::left))
                .map(Control::key).toList();
        assertThat(reached).as("Tab order of %s (data-kbd keys; controls: %s)", formSelector, controls)
                .containsExactlyElementsOf(visualOrder);
    }

    /**
     * Opens a destructive action's confirmation step (a {@code <details>} disclosure, issue 16 point 11) as a keyboard
     * user does: focus on its summary, Enter; the form inside is then shown.
     */
    static void openDisclosure(Page page, String detailsSelector) {
        page.locator(detailsSelector + " > summary").focus();
        page.keyboard().press("Enter");
        assertThat(page.evaluate("sel => document.querySelector(sel).open", detailsSelector))
                .as("%s opens with Enter on its summary", detailsSelector).isEqualTo(true);
    }

    /** After a failed submit: focus on the summary, every link pointing at a field, following a link focuses it. */
    static void assertErrorSummaryTakesFocus(Page page) {
        Object focused = page.evaluate("() => document.activeElement && document.activeElement.classList.contains('error-summary')");
        assertThat(focused).as("the error summary has focus after the failed submit on %s", page.url()).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<String> targets = (List<String>) page.evaluate("""
                () => [...document.activeElement.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').substring(1))""");
        assertThat(targets).as("links in the error summary").isNotEmpty();
        for (String id : targets) {
            Object field = page.evaluate("id => { const el = document.getElementById(id); "
                    + "return !!el && (el.matches('input, select, textarea') || !!el.querySelector('input, select, textarea')); }", id);
            assertThat(field).as("error summary link #%s points at a form field", id).isEqualTo(true);
        }
        page.keyboard().press("Tab");
        Object onLink = page.evaluate("() => document.activeElement.matches('.error-summary a')");
        assertThat(onLink).as("Tab from the summary reaches its first link").isEqualTo(true);
        page.keyboard().press("Enter");
        page.waitForFunction("id => document.activeElement && document.activeElement.id === id", targets.get(0));
    }

    private static List<Control> controls(Page page, String formSelector) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) page.evaluate("""
                sel => {
                  const form = document.querySelector(sel);
                  if (!form) return [];
                  const all = [...form.querySelectorAll('input, select, textarea, button, a[href]')]
                      .filter(el => el.type !== 'hidden' && !el.disabled && el.getClientRects().length > 0);
                  return all.map((el, i) => {
                    el.dataset.kbd = String(i);
                    const r = el.getBoundingClientRect();
                    let label = '';
                    if (el.matches('button, a')) {
                      label = el.textContent.trim();
                    } else if (el.labels && el.labels.length > 0) {
                      label = [...el.labels].map(l => l.textContent.trim()).join(' ');
                    } else if (el.getAttribute('aria-labelledby')) {
                      label = el.getAttribute('aria-labelledby').split(/\\s+/)
                          .map(id => (document.getElementById(id) || {textContent: ''}).textContent.trim()).join(' ');
                    }
                    return {key: i, describe: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : ''),
                            top: r.top + window.scrollY, left: r.left + window.scrollX, label: label};
                  });
                }""", formSelector);
        return raw.stream().map(m -> new Control(((Number) m.get("key")).intValue(), (String) m.get("describe"),
                ((Number) m.get("top")).doubleValue(), ((Number) m.get("left")).doubleValue(), (String) m.get("label"))).toList();
    }

    /** From the page's start (or its autofocused field) until focus has been through the form and left it. */
    private static List<Stop> tabThrough(Page page, String formSelector) {
        List<Stop> stops = new ArrayList<>();
        boolean entered = false;
        Stop first = stop(page, formSelector);
        if (first.key() != null) {
            // An autofocused field is where a keyboard user starts; it counts as reached.
            stops.add(first);
            entered = true;
        }
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press("Tab");
            Stop s = stop(page, formSelector);
            stops.add(s);
            if (s.key() != null) {
                entered = true;
            } else if (entered) {
                return stops;
            }
        }
        return stops;
    }

    private static Stop stop(Page page, String formSelector) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) page.evaluate("""
                sel => {
                  const el = document.activeElement;
                  if (!el || el === document.body) return {key: null, describe: 'body', visible: false, indicator: false};
                  const s = getComputedStyle(el);
                  const inForm = el.closest(sel) && el.dataset.kbd !== undefined;
                  return {key: inForm ? Number(el.dataset.kbd) : null,
                          describe: el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''),
                          visible: el.matches(':focus-visible'),
                          indicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none')};
                }""", formSelector);
        Number key = (Number) m.get("key");
        return new Stop(key == null ? null : key.intValue(), (String) m.get("describe"),
                Boolean.TRUE.equals(m.get("visible")), Boolean.TRUE.equals(m.get("indicator")));
    }
}
