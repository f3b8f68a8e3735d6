package no.bosetting.shared;

import java.util.List;

/** A specific problem with one input field, as a message key with arguments. */
public record FieldProblem(String field, String messageKey, List<Object> args) {

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, List.of(args));
    }
}
