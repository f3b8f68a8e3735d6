package no.bosetting.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the JSON API, with the typed failure and the fields at fault. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiProblemHandler {

    private final Messages messages;

    public ApiProblemHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CommandFailedException.class)
    ResponseEntity<ProblemDetail> failed(CommandFailedException e) {
        return problem(e.failure());
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> problem(ApiProblemException e) {
        return ResponseEntity.status(e.status()).body(e.problem());
    }

    public ResponseEntity<ProblemDetail> problem(CommandFailure failure) {
        HttpStatus status;
        String type;
        if (failure instanceof CommandFailure.NotFound) {
            status = HttpStatus.NOT_FOUND;
            type = "not-found";
        } else if (failure instanceof CommandFailure.NotAllowed) {
            status = HttpStatus.FORBIDDEN;
            type = "not-allowed";
        } else if (failure instanceof CommandFailure.WrongState) {
            status = HttpStatus.CONFLICT;
            type = "wrong-state";
        } else {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
            type = "rule-broken";
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, messages.of(failure));
        pd.setType(URI.create("https://bosetting.no/problems/" + type));
        pd.setTitle(type);
        pd.setProperty("code", failure.messageKey());
        if (failure instanceof CommandFailure.RuleBroken r && r.field() != null) {
            pd.setProperty("errors", List.of(Map.of("field", r.field(), "code", r.messageKey(), "message", messages.of(failure))));
        }
        if (failure instanceof CommandFailure.WrongState w) {
            pd.setProperty("currentState", w.currentState());
        }
        return ResponseEntity.status(status).body(pd);
    }

    public ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.get("error.validation.summary", problems.size()));
        pd.setType(URI.create("https://bosetting.no/problems/validation"));
        pd.setTitle("validation");
        pd.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "code", p.messageKey(), "message", messages.of(p))).toList());
        return ResponseEntity.unprocessableContent().body(pd);
    }
}
