package no.bosetting.shared;

/** Thrown to roll back a transaction when a command inside it failed; carries the typed failure. */
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
