package no.bosetting.shared;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of a command: either the value or a typed failure the caller must handle.
 */
public sealed interface CommandResult<T> {

    record Success<T>(T value) implements CommandResult<T> {
    }

    record Failure<T>(CommandFailure failure) implements CommandResult<T> {
    }

    static <T> CommandResult<T> ok(T value) {
        return new Success<>(value);
    }

    static <T> CommandResult<T> fail(CommandFailure failure) {
        return new Failure<>(failure);
    }

    /**
     * Runs a transactional command and turns the exception that rolled its transaction back into
     * the failure it carries.
     */
    static <T> CommandResult<T> attempt(Supplier<CommandResult<T>> command) {
        try {
            return command.get();
        } catch (CommandFailedException e) {
            return fail(e.failure());
        }
    }

    default boolean isSuccess() {
        return this instanceof Success;
    }

    default T value() {
        if (this instanceof Success<T> s) {
            return s.value();
        }
        throw new CommandFailedException(((Failure<T>) this).failure());
    }

    default CommandFailure failure() {
        return this instanceof Failure<T> f ? f.failure() : null;
    }

    default <R> CommandResult<R> map(Function<T, R> mapper) {
        if (this instanceof Success<T> s) {
            return ok(mapper.apply(s.value()));
        }
        return fail(failure());
    }

    /** Turns a failure into an exception that rolls the surrounding transaction back. */
    default T orThrow() {
        return value();
    }
}
