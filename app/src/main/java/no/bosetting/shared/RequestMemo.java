package no.bosetting.shared;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A read repeated while one page is shown, done once (issue 22 item 2): the case page asked the database for the same
 * case's summary seven times and for its address protection eight (once per panel). Only within a GET request, which
 * changes no case, so every part of one page sees one state; anywhere else (a command, a POST, a scheduled job) the read
 * is simply done.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ":";

    private RequestMemo() {
    }

    /** The value for {@code key} read once in this GET request ({@code read} must not return null). */
    @SuppressWarnings("unchecked")
    public static <T> T once(String key, Supplier<T> read) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet) || !"GET".equals(servlet.getRequest().getMethod())) {
            return read.get();
        }
        Object kept = attributes.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        if (kept != null) {
            return (T) kept;
        }
        T value = read.get();
        attributes.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
        return value;
    }

    /** The same for a read that may find nothing. */
    public static <T> Optional<T> onceOptional(String key, Supplier<Optional<T>> read) {
        return once(key, read);
    }
}
