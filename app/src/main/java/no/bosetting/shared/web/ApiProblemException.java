package no.bosetting.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Thrown by API controllers to answer with a specific problem. */
public class ApiProblemException extends RuntimeException {

    private final transient ProblemDetail problem;
    private final HttpStatus status;

    public ApiProblemException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
        this.problem = ProblemDetail.forStatusAndDetail(status, detail);
    }

    public ProblemDetail problem() {
        return problem;
    }

    public HttpStatus status() {
        return status;
    }
}
