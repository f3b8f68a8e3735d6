package no.bosetting.proposals;

public enum ProposalStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    WITHDRAWN
}
