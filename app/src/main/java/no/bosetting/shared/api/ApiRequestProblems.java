package no.bosetting.shared.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.web.ApiProblemHandler;
import no.bosetting.shared.web.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Problem details for requests the API cannot even hand to a command: a body with a value of the
 * wrong type, a query parameter that does not parse. Spring's generic answer ("Failed to read
 * request") names no field, so API clients could not tell what to fix; this names the field and
 * the allowed values. Ordered first so it wins over Boot's generic problem-details handler.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRequestProblems {

    private final ApiProblemHandler problems;
    private final Messages messages;

    public ApiRequestProblems(ApiProblemHandler problems, Messages messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return problems.invalid(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            Object value = mismatch instanceof InvalidFormatException f ? f.getValue() : null;
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
                return problems.invalid(List.of(FieldProblem.of(field, "error.api.enumValue", String.valueOf(value), allowed)));
            }
            return problems.invalid(List.of(FieldProblem.of(field, "error.api.fieldValue", String.valueOf(value))));
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get("error.api.unreadable"));
        pd.setType(URI.create("https://bosetting.no/problems/unreadable"));
        pd.setTitle("unreadable");
        pd.setProperty("code", "error.api.unreadable");
        return ResponseEntity.badRequest().body(pd);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        Class<?> target = e.getRequiredType();
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return problems.invalid(List.of(FieldProblem.of(e.getName(), "error.api.enumValue", String.valueOf(e.getValue()), allowed)));
        }
        return problems.invalid(List.of(FieldProblem.of(e.getName(), "error.api.fieldValue", String.valueOf(e.getValue()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problems.invalid(List.of(FieldProblem.of(e.getParameterName(), "error.api.required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return problems.invalid(List.of(FieldProblem.of(e.getRequestPartName(), "error.api.required")));
    }

    /** The JSON path as the API documents fields: {@code persons[0].sex}. */
    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
