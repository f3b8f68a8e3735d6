package no.bosetting.shared.api;

import java.util.List;

import no.bosetting.shared.FieldProblem;

/** Thrown by API controllers when the request has field problems; answered as 422 with every problem listed. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
