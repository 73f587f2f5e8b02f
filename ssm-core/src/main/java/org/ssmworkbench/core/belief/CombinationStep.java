package org.ssmworkbench.core.belief;

/**
 * One pairwise step of a fold: what went in, the unnormalized conjunctive sum, the conflict
 * K = m∩(∅) between the two operands, and what came out under the rule.
 *
 * <p>K is the conjunctive conflict of the operands for every rule, so that traces of different rules
 * compare: Dempster normalizes it away, Yager moves it to Θ, Dubois–Prade to unions, the
 * unnormalized conjunctive rule keeps it on ∅, and the disjunctive rule never meets it.
 *
 * @param step        1-based position of the step in its fold
 * @param leftLabel   what the left operand is (e.g. "S1/e1" or "S1/e1 ⊕ … ⊕ S1/e3")
 * @param rightLabel  what the right operand is
 * @param left        left operand
 * @param right       right operand
 * @param conjunctive unnormalized conjunctive sum m∩ (may carry mass on ∅)
 * @param conflict    K = m∩(∅)
 * @param result      the rule's result
 */
public record CombinationStep(int step, String leftLabel, String rightLabel, MassFunction left,
        MassFunction right, MassFunction conjunctive, double conflict, MassFunction result) {
}
