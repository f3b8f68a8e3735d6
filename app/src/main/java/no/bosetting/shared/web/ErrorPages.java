package no.bosetting.shared.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the servlet container forwards every failed request (in place of Spring Boot's error controller): a page in the
 * layout, in the page's language, that says what happened and where to go next — "Fant ikke siden", "Ingen tilgang",
 * "Skjemaet er utløpt" — for a browser; RFC 9457 problem details for everyone else. Web controllers only answer a
 * status ({@code ResponseStatusException}, a parameter that does not parse, Spring Security's 403); the wording is here,
 * once. A module that knows more attaches an {@link ErrorExplanation}.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    private final MessageSource messages;
    private final Clock clock;

    ErrorPages(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, Locale locale) {
        HttpStatus status = status(request);
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("errorKind", kind(status, request));
        page.addObject("errorStatus", status.value());
        MessageSourceResolvable explanation = ErrorExplanation.of(request);
        page.addObject("errorExplanation", explanation == null ? null : messages.getMessage(explanation, locale));
        page.addObject("errorStart", start(request));
        // A refugee stays in the refugee pages' layout, with its language menu (Ukrainian among them).
        page.addObject("errorLayout", originalPath(request).startsWith("/min-side") ? "selfservice/layout" : "fragments/layout");
        page.addObject("errorTime", Instant.now(clock));
        return page;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        try {
            problem.setInstance(URI.create(originalPath(request)));
        } catch (IllegalArgumentException notAUri) {
            // The status says enough; an address that is not a URI is not repeated back.
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The page's heading and text: one per status people meet, the expired form told apart from a role without access
     * (both are 403, but one is fixed by reloading, the other not at all).
     */
    static String kind(HttpStatus status, HttpServletRequest request) {
        return switch (status) {
            case NOT_FOUND -> "notFound";
            case FORBIDDEN -> request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException ? "expiredForm" : "forbidden";
            case BAD_REQUEST -> "badRequest";
            case METHOD_NOT_ALLOWED -> "methodNotAllowed";
            case PAYLOAD_TOO_LARGE -> "tooLarge";
            default -> status.is5xxServerError() ? "serverError" : "otherClientError";
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        return path.substring(Math.min(request.getContextPath().length(), path.length()));
    }

    /** Where the page sends the person on, and the message key of the link's text. */
    record Start(String path, String label) {
    }

    /** Signed in: the role's own start page ("/" sends each role there). Not signed in: the side of the site it came from. */
    static Start start(HttpServletRequest request) {
        String path = originalPath(request);
        if (request.getUserPrincipal() != null) {
            return path.startsWith("/min-side") ? new Start("/min-side", "error.page.myPage") : new Start("/", "error.page.home");
        }
        if (path.startsWith("/min-side")) {
            return new Start("/min-side/logg-inn", "error.page.refugeeLogin");
        }
        if (path.startsWith("/offentlig") || path.startsWith("/tilby-bolig")) {
            return new Start("/offentlig/statistikk", "error.page.public");
        }
        return new Start("/login", "error.page.login");
    }
}
