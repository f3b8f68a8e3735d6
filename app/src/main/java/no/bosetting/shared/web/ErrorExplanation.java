package no.bosetting.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a module knows about why a request failed, for the error page to say under its heading ("Statistikken finnes for
 * 2000–2027; 1999 er utenfor") instead of only the status. Set before {@code sendError}: the container forwards the same
 * request to the error page, so the attribute travels with it.
 */
public final class ErrorExplanation {

    static final String ATTRIBUTE = ErrorExplanation.class.getName();

    private ErrorExplanation() {
    }

    /** A message key and its arguments, worded in the page's language by the error page. */
    public static void attach(HttpServletRequest request, String code, Object... arguments) {
        request.setAttribute(ATTRIBUTE, new DefaultMessageSourceResolvable(new String[]{code}, arguments));
    }

    static MessageSourceResolvable of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof MessageSourceResolvable r ? r : null;
    }
}
