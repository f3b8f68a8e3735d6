package no.bosetting.municipalities.web;

import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The 357 {@code <option>} elements of a municipality select, written once (issue 22 item 2): the case page has three
 * such selects, 1,165 options that Thymeleaf evaluated one by one (three expressions each) on every view. The names are
 * HTML-escaped here, so a template inserts the text unescaped: {@code <th:block th:utext="${@municipalityOptions.html(selected)}"/>}.
 */
@Component("municipalityOptions")
public class MunicipalityOptions {

    private final Municipalities municipalities;
    private volatile String all;

    public MunicipalityOptions(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** Every municipality as an option (value the number, text number and name), {@code selected} (a number or null) selected. */
    public String html(Object selected) {
        String options = all;
        if (options == null) {
            StringBuilder html = new StringBuilder(16_384);
            for (Municipality m : municipalities.all()) {
                html.append("<option value=\"").append(HtmlUtils.htmlEscape(m.number(), "UTF-8")).append("\">")
                        .append(HtmlUtils.htmlEscape(m.label(), "UTF-8")).append("</option>");
            }
            options = html.toString();
            all = options;
        }
        if (selected == null || selected.toString().isEmpty() || municipalities.find(selected.toString()).isEmpty()) {
            return options;
        }
        String value = "<option value=\"" + HtmlUtils.htmlEscape(selected.toString(), "UTF-8") + "\">";
        return options.replace(value, value.substring(0, value.length() - 1) + " selected>");
    }
}
