package no.bosetting.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.shared.CommandFailure;

/**
 * One shape for every transition of an aggregate with a status (a case, a proposal, a self-settlement request, ...):
 * the states a command applies to, the state it leads to and the roles that may issue it. Each aggregate declares its
 * commands as an enum implementing this ({@code CaseCommand}, {@code ProposalCommand}, ...); its service guards every
 * command with {@link #guard} in the one order — found in the actor's scope, permitted for the role, in a state the
 * command applies to — before its own rules, and appends the transition with {@link HistoryTable#append}. The UI and
 * the API ask {@link #valid} which commands to offer; templates never compare status names.
 *
 * @param <S> the aggregate's status
 */
public interface Transition<S extends Enum<S>> {

    /** The states the command applies to. */
    Set<S> from();

    /** The state the command leads to, or null when it leaves the state as it is (a note, a checklist saved). */
    S target();

    /** The roles that may issue it; scope (own municipality, own centre) is the aggregate's to check. */
    Set<Role> roles();

    /** The command's name in the history (the enum constant's name). */
    String name();

    default boolean appliesTo(S state) {
        return from().contains(state);
    }

    default boolean allowedFor(Role role) {
        return roles().contains(role);
    }

    /** The state after the command from {@code current}. */
    default S next(S current) {
        return target() == null ? current : target();
    }

    /**
     * The one guard order. {@code stateInScope} is the aggregate's state when it exists and the actor may know of it
     * (empty otherwise, so an id outside the actor's scope reads as not found); returns the first failure, or empty
     * when the command's own rules may run.
     */
    default Optional<CommandFailure> guard(Actor actor, Optional<S> stateInScope, String notFoundKey, Object id) {
        if (stateInScope.isEmpty()) {
            return Optional.of(CommandFailure.NotFound.of(notFoundKey, id));
        }
        if (!allowedFor(actor.role())) {
            return Optional.of(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        S state = stateInScope.get();
        if (!appliesTo(state)) {
            return Optional.of(CommandFailure.WrongState.of(state.name(), "error.transition.wrongState", state.name(), name()));
        }
        return Optional.empty();
    }

    /** The commands the actor may issue on an aggregate in {@code state} (that is in the actor's scope), in declaration order. */
    static <S extends Enum<S>, C extends Enum<C> & Transition<S>> List<C> valid(Class<C> commands, Actor actor, S state) {
        List<C> valid = new ArrayList<>();
        for (C c : commands.getEnumConstants()) {
            if (c.appliesTo(state) && c.allowedFor(actor.role())) {
                valid.add(c);
            }
        }
        return valid;
    }
}
