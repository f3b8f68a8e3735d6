package no.bosetting.decisions;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;

/**
 * The explicit transitions of a decision on settlement municipality (one per household member): which states each
 * command starts from, where it leads and which roles may issue it. Scope (the agency; the decision's municipality;
 * the centre the household lives in now) is checked by {@link SettlementDecisions}.
 */
public enum DecisionCommand implements Transition<DecisionStatus> {
    /** An acceptance (or an approved self-settlement) makes the decision and gives the single offer; the place is taken. */
    OFFER(EnumSet.noneOf(DecisionStatus.class), DecisionStatus.OFFERED, EnumSet.of(Role.MUNICIPALITY_OFFICER, Role.AGENCY_CASEWORKER),
            "error.decision.notOffered"),
    /** The municipality (or a caseworker) registers the person's actual settlement date. */
    REGISTER_SETTLEMENT_DATE(EnumSet.of(DecisionStatus.OFFERED), DecisionStatus.SETTLED,
            EnumSet.of(Role.MUNICIPALITY_OFFICER, Role.AGENCY_CASEWORKER), "error.decision.declined"),
    /** A registered settlement date is corrected, with a reason kept in the history. */
    CORRECT_SETTLEMENT_DATE(EnumSet.of(DecisionStatus.SETTLED), null,
            EnumSet.of(Role.MUNICIPALITY_OFFICER, Role.AGENCY_CASEWORKER), "error.decision.declined"),
    /** The centre (or a caseworker) records the move to the settlement municipality with every member's settlement date. */
    REGISTER_AT_MOVE_OUT(EnumSet.of(DecisionStatus.OFFERED), DecisionStatus.SETTLED,
            EnumSet.of(Role.RECEPTION_STAFF, Role.AGENCY_CASEWORKER), "error.moveOutSettled.notOffered"),
    /** The refugee declined the single offer; the place is released. */
    DECLINE(EnumSet.of(DecisionStatus.OFFERED), DecisionStatus.DECLINED, EnumSet.of(Role.AGENCY_CASEWORKER),
            "error.decision.notOffered"),
    /** A granted reconsideration (the designated group) reverses the decision; the place is released. */
    REVOKE(EnumSet.of(DecisionStatus.OFFERED), DecisionStatus.REVOKED, EnumSet.of(Role.AGENCY_ADMIN), "error.decision.notOffered");

    static final String NOT_FOUND = "error.decision.notFound";

    private final Set<DecisionStatus> from;
    private final DecisionStatus to;
    private final Set<Role> roles;
    private final String wrongStateKey;

    DecisionCommand(Set<DecisionStatus> from, DecisionStatus to, Set<Role> roles, String wrongStateKey) {
        this.from = from;
        this.to = to;
        this.roles = roles;
        this.wrongStateKey = wrongStateKey;
    }

    @Override
    public Set<DecisionStatus> from() {
        return from;
    }

    @Override
    public DecisionStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    /** {@link #guard} for one decision, in the decisions' words. */
    Optional<CommandFailure> check(Actor actor, Optional<DecisionStatus> stateInScope, long decisionId) {
        return guard(actor, stateInScope, NOT_FOUND, decisionId).map(f -> f instanceof CommandFailure.WrongState w ? wrongState(w.currentState()) : f);
    }

    /** The refusal when the decision (or the household's decisions) is not in a state the command applies to. */
    CommandFailure wrongState(String currentState) {
        return CommandFailure.WrongState.of(currentState, wrongStateKey);
    }
}
