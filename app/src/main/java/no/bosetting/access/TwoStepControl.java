package no.bosetting.access;

import java.util.Map;
import java.util.function.Supplier;

import no.bosetting.shared.CommandResult;

/**
 * Two-step control (issue 18 item 5; NAV's <em>totrinnskontroll</em>): the one-line hook a controller puts around a
 * command of a kind the agency may require a second person for. When the agency's policy for the kind is on and the
 * command needs it, the command does not run: it is checked by the real command code (run and rolled back) and
 * recorded as a proposal awaiting approval, and the result's value is {@link Held}. Otherwise the command runs now, as
 * before. Implemented by the approvals module, which runs the same command when a second person approves.
 */
public interface TwoStepControl {

    /** The decision kinds two-step control can apply to (the agency administrator switches each on or off). */
    enum Kind {
        /** An acceptance on the municipality's behalf beyond its decided places (the agency's place-rule override). */
        BEYOND_PLACES,
        /** Withdrawing an accepted offer: the decision on settlement municipality is revoked and its places released. */
        WITHDRAW_OFFER,
        /** Granting or refusing a reconsideration (a granted one revokes the decision on settlement municipality). */
        RECONSIDERATION_OUTCOME,
        /** Closing a case for a reason other than the refugee's own choice. */
        CLOSE_CASE,
        /**
         * A household change that takes places beyond the municipality's decided number (the agency's place-rule
         * override through a member joining, or through the household corrected into an unaccompanied minor).
         */
        HOUSEHOLD_BEYOND_PLACES
    }

    /** The command was recorded as proposal {@code approvalId} and waits for a second person. */
    record Held(long approvalId) {
    }

    /**
     * Runs {@code now} unless the policy holds the command for approval; {@code subjectId} is the case (the proposal for
     * {@link Kind#BEYOND_PLACES}; the case for {@link Kind#HOUSEHOLD_BEYOND_PLACES}), {@code input} the command's input by name, as the approval will run it.
     */
    CommandResult<?> orNow(Kind kind, long subjectId, Actor actor, Map<String, String> input, Supplier<? extends CommandResult<?>> now);

    /** The input name of a person's planned settlement date in an acceptance: {@code planned.<personId>}. */
    String PLANNED = "planned.";

    /** The input of an acceptance held for approval: the planned date per person and the override reason. */
    static Map<String, String> acceptance(Map<Long, java.time.LocalDate> planned, String overrideReason) {
        Map<String, String> input = new java.util.LinkedHashMap<>();
        new java.util.TreeMap<>(planned).forEach((person, date) -> input.put(PLANNED + person, date == null ? "" : date.toString()));
        input.put("overrideReason", overrideReason == null ? "" : overrideReason);
        return input;
    }

    /**
     * For the API: the command's value when it ran; when it was held, throws {@link HeldForApproval}, which the API
     * answers with 202 Accepted and the proposal's id. A failure throws as {@link CommandResult#value()} does.
     */
    @SuppressWarnings("unchecked")
    static <T> T valueOrHeld(CommandResult<?> result) {
        Object value = result.value();
        if (value instanceof Held held) {
            throw new HeldForApproval(held.approvalId());
        }
        return (T) value;
    }

    /** An API command was recorded as a proposal awaiting approval instead of running. */
    final class HeldForApproval extends RuntimeException {
        private final long approvalId;

        public HeldForApproval(long approvalId) {
            super("Held for approval: " + approvalId, null, false, false);
            this.approvalId = approvalId;
        }

        public long approvalId() {
            return approvalId;
        }
    }

    /** The success message: {@code key} when the command ran, the "sent for approval" message when it was held. */
    static String successKey(CommandResult<?> result, String key) {
        return result.isSuccess() && result.value() instanceof Held ? "approval.held" : key;
    }
}
