package no.bosetting.shared.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The layouts' language links: the same address — path and query as asked, so a filtered, sorted or paged list stays
 * as it was — with only {@code lang} set. On the error page it is the address that failed, not {@code /error}.
 */
public record LanguageLinks(String nb, String en, String uk) {

    static LanguageLinks of(HttpServletRequest request) {
        boolean error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String;
        String path = error ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
        String query = error ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) : request.getQueryString();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            path = request.getContextPath() + "/";
        }
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.equals("lang") && !p.startsWith("lang="))
                .collect(Collectors.joining("&"));
        String base = path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=";
        return new LanguageLinks(base + "nb", base + "en", base + "uk");
    }
}
