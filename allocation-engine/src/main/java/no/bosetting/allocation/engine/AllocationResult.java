package no.bosetting.allocation.engine;

import java.util.Map;

/**
 * Outcome of one engine run.
 *
 * @param instance     instance name
 * @param policyName   policy used
 * @param policyVersion policy version used, stored with a proposal so it can be explained later
 * @param assignment   household id to municipality number, in household input order; unassigned households are
 *                     absent
 * @param explanations one per assigned household
 * @param unassigned   one reason per household without a proposal
 * @param objective    sum of the scores of the assignment
 * @param upperBound   certified upper bound on the objective of any feasible assignment (Lagrangian dual of
 *                     the capacity rows, which also bounds the LP relaxation)
 * @param gapPercent   100 × (upperBound − objective) / upperBound
 * @param dualPrices   per-person price of each municipality's capacity at the bound
 * @param seconds      wall-clock time of the run
 */
public record AllocationResult(
        String instance,
        String policyName,
        int policyVersion,
        Map<String, String> assignment,
        Map<String, Explanation> explanations,
        Map<String, UnassignedReason> unassigned,
        double objective,
        double upperBound,
        double gapPercent,
        Map<String, Double> dualPrices,
        double seconds) {
}
