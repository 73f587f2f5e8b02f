package org.ssmworkbench.core.sensitivity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ssmworkbench.core.belief.CombinationRule;

/**
 * How one effect's result and last-step conflict vary with the combination order under one rule.
 *
 * @param rule                the rule
 * @param exhaustive          whether every order was covered (else a seeded sample)
 * @param orders              orders tried (for Dempster's rule: every order, through the n choices of
 *                            the last finding, which alone decide the last K)
 * @param seed                the sample's seed (0 when exhaustive)
 * @param baseLastConflict    K of the last step in the combination order
 * @param minLastConflict     smallest last K over the orders
 * @param maxLastConflict     largest last K over the orders
 * @param minBelief           smallest belief of the selected hypothesis
 * @param maxBelief           largest belief of the selected hypothesis
 * @param hypotheses          each hypothesis selected (a set of atoms) → orders that select it
 * @param note                how the orders were covered, or why the rule could not be applied
 */
public record OrderSpread(CombinationRule rule, boolean exhaustive, long orders, long seed, double baseLastConflict,
        double minLastConflict, double maxLastConflict, double minBelief, double maxBelief,
        Map<Long, Long> hypotheses, String note) {

    /** Defensive copy keeping order. */
    public OrderSpread {
        hypotheses = Collections.unmodifiableMap(new LinkedHashMap<>(hypotheses));
    }

    /** Whether the selected hypothesis changes with the order. */
    public boolean hypothesisCanChange() {
        return hypotheses.size() > 1;
    }

    /** Spread of the last K (max − min). */
    public double lastConflictSpread() {
        return maxLastConflict - minLastConflict;
    }
}
