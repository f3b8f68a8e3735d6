package no.bosetting.reconsideration;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;

/**
 * The steps of a request to reconsider a decision on settlement municipality: REQUESTED → MUNICIPALITY_INFORMED →
 * GRANTED | REFUSED. Registering and informing: an agency caseworker or administrator; deciding: the designated group,
 * the agency administrators. Scope (the agency only) is checked by {@link Reconsiderations}.
 */
public enum ReconsiderationCommand implements Transition<ReconsiderationStatus> {
    /** Registers a request on a case with an offered decision; applies when the case has no open request. */
    REQUEST(EnumSet.noneOf(ReconsiderationStatus.class), ReconsiderationStatus.REQUESTED,
            EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN), "error.role.notAllowed", "error.reconsideration.notOffered"),
    INFORM_MUNICIPALITY(EnumSet.of(ReconsiderationStatus.REQUESTED), ReconsiderationStatus.MUNICIPALITY_INFORMED,
            EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN), "error.role.notAllowed", "error.reconsideration.alreadyInformed"),
    GRANT(EnumSet.of(ReconsiderationStatus.MUNICIPALITY_INFORMED), ReconsiderationStatus.GRANTED, EnumSet.of(Role.AGENCY_ADMIN),
            "error.reconsideration.designatedGroup", "error.reconsideration.notInformed"),
    REFUSE(EnumSet.of(ReconsiderationStatus.MUNICIPALITY_INFORMED), ReconsiderationStatus.REFUSED, EnumSet.of(Role.AGENCY_ADMIN),
            "error.reconsideration.designatedGroup", "error.reconsideration.notInformed");

    static final String NOT_FOUND = "error.reconsideration.notFound";

    private final Set<ReconsiderationStatus> from;
    private final ReconsiderationStatus to;
    private final Set<Role> roles;
    private final String notAllowedKey;
    private final String wrongStateKey;

    ReconsiderationCommand(Set<ReconsiderationStatus> from, ReconsiderationStatus to, Set<Role> roles, String notAllowedKey,
                           String wrongStateKey) {
        this.from = from;
        this.to = to;
        this.roles = roles;
        this.notAllowedKey = notAllowedKey;
        this.wrongStateKey = wrongStateKey;
    }

    @Override
    public Set<ReconsiderationStatus> from() {
        return from;
    }

    @Override
    public ReconsiderationStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    /** {@link #guard} on the case's open request, in the reconsideration's words (e.g. only the designated group decides). */
    Optional<CommandFailure> check(Actor actor, Optional<ReconsiderationStatus> openInScope, long caseId) {
        return guard(actor, openInScope, NOT_FOUND, caseId).map(f -> {
            if (f instanceof CommandFailure.NotAllowed) {
                return CommandFailure.NotAllowed.of(notAllowedKey);
            }
            return f instanceof CommandFailure.WrongState w ? CommandFailure.WrongState.of(w.currentState(), wrongStateKey) : f;
        });
    }
}
