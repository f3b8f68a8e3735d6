package no.bosetting.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the servlet container forwards a request that failed. Asked for directly there
 * is no error to show, and Spring Boot's error controller would answer 500; it is a page that does not
 * exist, so the answer is 404 (rendered by the same error page, or problem details for JSON clients).
 * Error dispatches themselves are not filtered.
 */
@Component
class DirectErrorRequestFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getContextPath() + "/error").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
