package no.bosetting.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.bosetting.shared.CommandFailure;

/**
 * The fields the decisions module names in its failures, in domain terms: a rule about one member's date names the
 * field and carries the person's (or the decision's) id as its last argument. The web pages and the API map these to
 * their own inputs; the domain never names a form field.
 */
public final class DecisionFields {

    /** A member's planned settlement date; the last argument is the person id. */
    public static final String PLANNED = "planned";
    /** A member's actual settlement date registered with the move-out; the last argument is the decision id. */
    public static final String SETTLEMENT_DATE = "settlementDate";
    /** The date of a command on one decision (its settlement date) or on a household (the move-out date). */
    public static final String DATE = "date";

    private DecisionFields() {
    }

    static CommandFailure.RuleBroken about(String field, long id, String messageKey, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(id);
        return new CommandFailure.RuleBroken(field, messageKey, List.copyOf(all));
    }

    /** The person or decision id a failure about {@code field} names; empty for any other failure. */
    public static Optional<Long> subject(CommandFailure failure, String field) {
        if (failure instanceof CommandFailure.RuleBroken r && field.equals(r.field()) && !r.args().isEmpty()
                && r.args().get(r.args().size() - 1) instanceof Long id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }
}
