package no.bosetting.demo;

/**
 * The order of the events that fall on the same moment: the councils' numbers first, then a household's
 * case from permit to its end, and the modules around the case (self-settlement, applications, messages,
 * reconsideration) last. A rejection comes before an acceptance, so the household can be proposed again.
 */
public enum DemoPhase {
    /** A municipal council's decision on how many it will settle. */
    CAPACITY_DECISION,
    /** The residence permit arrives and the case is created. */
    PERMIT_IMPORT,
    /** The settlement interview is recorded; the household becomes ready for allocation. */
    INTERVIEW,
    /** A distribution list proposes households to a municipality. */
    PROPOSAL,
    /** The municipality rejects a proposal, with a reason. */
    REJECTION,
    /** The municipality accepts a proposal; the decisions on settlement municipality are made. */
    ACCEPTANCE,
    /** The settlement date is registered. */
    SETTLEMENT,
    /** The refugee declines the offer. */
    DECLINE,
    /** The case is closed before settlement. */
    CLOSE,
    /** Self-settlement, applications, messages and reconsideration, after the case's own steps of the moment. */
    AROUND_THE_CASE
}
