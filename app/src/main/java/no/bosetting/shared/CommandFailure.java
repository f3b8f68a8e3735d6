package no.bosetting.shared;

import java.util.List;

/**
 * Why a command was refused. Each carries a message key (resolved in the user's language) and
 * its arguments, so the web layer and the API can explain the refusal precisely.
 */
public sealed interface CommandFailure {

    String messageKey();

    List<Object> args();

    /** The actor's role or scope does not permit this command. */
    record NotAllowed(String messageKey, List<Object> args) implements CommandFailure {
        public static NotAllowed of(String key, Object... args) {
            return new NotAllowed(key, List.of(args));
        }
    }

    /** The aggregate is not in a state where the command applies. */
    record WrongState(String currentState, String messageKey, List<Object> args) implements CommandFailure {
        public static WrongState of(String current, String key, Object... args) {
            return new WrongState(current, key, List.of(args));
        }
    }

    /** A business rule refused the command; {@code field} names the input at fault, if any. */
    record RuleBroken(String field, String messageKey, List<Object> args) implements CommandFailure {
        public static RuleBroken of(String field, String key, Object... args) {
            return new RuleBroken(field, key, List.of(args));
        }
    }

    /** Unknown id, or an id the actor may not know exists. */
    record NotFound(String messageKey, List<Object> args) implements CommandFailure {
        public static NotFound of(String key, Object... args) {
            return new NotFound(key, List.of(args));
        }
    }
}
