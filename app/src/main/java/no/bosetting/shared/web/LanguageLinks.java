package no.bosetting.shared.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The layouts' language links: the same address — path and query as asked, so a filtered, sorted or paged list stays
 * as it was — with only {@code lang} set. On the error page it is the address that failed, not {@code /error}. A page
 * answering a form (shown again with its errors, or the error page of a refused form) is at an address that only takes
 * the form: its links lead to the page the form was sent from (the {@code Referer}, when it is this site), which a
 * link can open — not to a "method not allowed" page.
 */
public record LanguageLinks(String nb, String en, String uk) {

    static LanguageLinks of(HttpServletRequest request) {
        boolean error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String;
        String path = error ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
        String query = error ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) : request.getQueryString();
        if (!"GET".equalsIgnoreCase(request.getMethod()) && !"HEAD".equalsIgnoreCase(request.getMethod())) {
            Optional<URI> from = formPage(request);
            if (from.isPresent()) {
                path = from.get().getRawPath();
                query = from.get().getRawQuery();
            }
        }
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            path = request.getContextPath() + "/";
        }
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.equals("lang") && !p.startsWith("lang="))
                .collect(Collectors.joining("&"));
        String base = path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=";
        return new LanguageLinks(base + "nb", base + "en", base + "uk");
    }

    /** The page a form was sent from, when the browser said so and it is on this host. */
    private static Optional<URI> formPage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(referer);
            return request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/") ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException notAnAddress) {
            return Optional.empty();
        }
    }
}
