package no.bosetting.proposals;

public enum ProposalStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    WITHDRAWN;

    /** Whether the municipality's answer is still awaited (its deadline counts down). */
    public boolean awaitingAnswer() {
        return this == PENDING;
    }
}
