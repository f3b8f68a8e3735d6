package no.bosetting.approvals;

/** Why an approver returns a proposal (a fixed list, as NAV's totrinnskontroll has; the text says the rest). */
public enum ReturnReason {
    /** The facts are not clear enough. */
    FACTS,
    /** The rules are not applied correctly. */
    RULES,
    /** The reasoning given is not sufficient. */
    REASONING,
    OTHER
}
