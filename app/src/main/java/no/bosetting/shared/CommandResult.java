package no.bosetting.shared;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of a command: either the value or a typed failure the caller must handle. A failure rolls the
 * command's transaction back whether it is returned or thrown ({@link FailureRollback}).
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
     * Runs a transactional command and turns the {@link CommandFailedException} that rolled its transaction
     * back into the failure it carries.
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

    /** The value; on a failure throws {@link CommandFailedException}, which rolls the surrounding transaction back. */
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
}
