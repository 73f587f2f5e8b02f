package org.ssmworkbench.core.belief;

import java.util.List;
import java.util.Optional;

/**
 * The result of folding a list of mass functions with one rule, with its full trace.
 *
 * @param rule    the rule applied
 * @param inputs  the functions combined, in fold order
 * @param labels  a label per input (same order)
 * @param average for Murphy's rule, the averaged function that was combined with itself; empty otherwise
 * @param steps   every pairwise step, in order (none for a single input)
 * @param result  the final function
 */
public record Combination(CombinationRule rule, List<MassFunction> inputs, List<String> labels,
        Optional<MassFunction> average, List<CombinationStep> steps, MassFunction result) {

    /** Defensive copies. */
    public Combination {
        inputs = List.copyOf(inputs);
        labels = List.copyOf(labels);
        steps = List.copyOf(steps);
    }

    /** K of each pairwise step, in order. */
    public double[] conflicts() {
        double[] k = new double[steps.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = steps.get(i).conflict();
        }
        return k;
    }

    /** K of the last step (what Evidence Factory shows), 0 when nothing was combined. */
    public double lastConflict() {
        return steps.isEmpty() ? 0.0 : steps.get(steps.size() - 1).conflict();
    }

    /** Mean K over the steps, 0 when nothing was combined. */
    public double meanConflict() {
        if (steps.isEmpty()) {
            return 0.0;
        }
        double s = 0.0;
        for (CombinationStep st : steps) {
            s += st.conflict();
        }
        return s / steps.size();
    }
}
