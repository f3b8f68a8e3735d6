package no.bosetting.shared;

/**
 * Thrown to roll back a transaction when a command inside it failed; carries the typed failure. Also thrown by the
 * commit of a transaction in which a command returned a failure that was not passed on ({@link FailureRollback}).
 */
public class CommandFailedException extends RuntimeException {

    private final transient CommandFailure failure;

    public CommandFailedException(CommandFailure failure) {
        super(failure.messageKey() + " " + failure.args());
        this.failure = failure;
    }

    public CommandFailure failure() {
        return failure;
    }
}
