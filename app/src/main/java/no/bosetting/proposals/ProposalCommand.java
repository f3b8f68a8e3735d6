package no.bosetting.proposals;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;

/**
 * The explicit transitions of a proposal: which states each command starts from, where it leads and which roles may
 * issue it. Scope (the agency sees every proposal, a municipality its own) is checked by {@link Proposals}.
 */
public enum ProposalCommand implements Transition<ProposalStatus> {
    /** The agency sends a household on a distribution list; the proposal starts pending. */
    PROPOSE(EnumSet.noneOf(ProposalStatus.class), ProposalStatus.PENDING, EnumSet.of(Role.AGENCY_CASEWORKER)),
    /** The municipality accepts with planned dates, or the agency on its behalf with a reason. */
    ACCEPT(EnumSet.of(ProposalStatus.PENDING), ProposalStatus.ACCEPTED, EnumSet.of(Role.MUNICIPALITY_OFFICER, Role.AGENCY_CASEWORKER)),
    /** The municipality rejects with a reason; the household is never proposed there again. */
    REJECT(EnumSet.of(ProposalStatus.PENDING), ProposalStatus.REJECTED, EnumSet.of(Role.MUNICIPALITY_OFFICER)),
    /** The agency takes back an unanswered proposal; the household may be proposed again. */
    WITHDRAW(EnumSet.of(ProposalStatus.PENDING), ProposalStatus.WITHDRAWN, EnumSet.of(Role.AGENCY_CASEWORKER));

    static final String NOT_FOUND = "error.proposal.notFound";

    private final Set<ProposalStatus> from;
    private final ProposalStatus to;
    private final Set<Role> roles;

    ProposalCommand(Set<ProposalStatus> from, ProposalStatus to, Set<Role> roles) {
        this.from = from;
        this.to = to;
        this.roles = roles;
    }

    @Override
    public Set<ProposalStatus> from() {
        return from;
    }

    @Override
    public ProposalStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    /** {@link #guard} in the proposal's words: a proposal no longer pending has been answered. */
    public Optional<CommandFailure> check(Actor actor, Optional<ProposalStatus> stateInScope, long proposalId) {
        return guard(actor, stateInScope, NOT_FOUND, proposalId).map(f -> f instanceof CommandFailure.WrongState w
                ? CommandFailure.WrongState.of(w.currentState(), "error.proposal.answered") : f);
    }
}
