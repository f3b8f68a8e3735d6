package no.bosetting.shared.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The multipart limits ({@code spring.servlet.multipart.*}) are set well above the application's own limits
 * (10 MB per attachment), so an ordinary too-large file reaches the form, which refuses it next to the field
 * and keeps what was typed. A request larger even than that cannot be parsed, and the container would answer
 * with its bare 413 page (it fails while the security filters read the CSRF token, before any controller).
 * This filter runs first and answers such a request itself: a short Norwegian page with a way back, or an
 * RFC 9457 problem under {@code /api/}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadTooLargeFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;

    public UploadTooLargeFilter(@Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize maxRequestSize) {
        this.maxRequestBytes = maxRequestSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            // A body without a Content-Length that turns out too large fails while it is parsed.
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            refuse(request, response);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equalsIgnoreCase(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("MaxUploadSizeExceededException") || name.endsWith("SizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long mb = maxRequestBytes / (1024 * 1024);
        response.resetBuffer();
        response.setStatus(413);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
        // The rest of the body is not read; tell the client the connection ends here.
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"https://bosetting.no/problems/too-large\",\"title\":\"too-large\",\"status\":413,"
                    + "\"detail\":\"The request is larger than " + mb + " MB.\",\"code\":\"error.upload.requestTooLarge\"}");
            return;
        }
        String back = sameOriginReferer(request);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Filene er for store – Bosetting</title><link rel="stylesheet" href="%s/css/app.css"></head>
                <body><main id="main"><h1>Filene er for store</h1>
                <p>Det du sendte, er større enn %d MB til sammen, og ble ikke tatt imot. Hver fil kan være høyst 10 MB.</p>
                <p>Gå tilbake, velg en mindre fil eller færre filer, og send på nytt. Teksten du skrev, ligger normalt fortsatt
                i skjemaet når du går tilbake i nettleseren.</p>
                <p><a href="%s">Tilbake</a></p></main></body></html>
                """.formatted(request.getContextPath(), mb, HtmlUtils.htmlEscape(back)));
    }

    /** The page the form was on, when the browser says so and it is this application's; else the start page. */
    private static String sameOriginReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        String home = request.getContextPath() + "/";
        if (referer == null) {
            return home;
        }
        try {
            URI uri = URI.create(referer);
            boolean sameHost = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            String path = uri.getRawPath();
            if (!sameHost || path == null || !path.startsWith("/") || path.startsWith("//")) {
                return home;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return home;
        }
    }
}
