package no.bosetting.shared.web;

import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring's problem details for the framework's own failures (an unsupported method, a missing parameter, a status
 * thrown by a controller) — for the JSON API only. In place of Boot's {@code spring.mvc.problemdetails}, which answered
 * the web pages too, so a browser asking for a case that does not exist got a JSON body instead of a page. Web pages'
 * failures go to the container's error page ({@link ErrorPages}); the API's own finer answers
 * ({@code ApiRequestProblems}, {@link ApiProblemHandler}) come first.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiStandardProblems extends ResponseEntityExceptionHandler {
}
