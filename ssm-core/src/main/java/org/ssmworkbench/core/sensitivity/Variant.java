package org.ssmworkbench.core.sensitivity;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One variant of one effect's result.
 *
 * @param analysis     the analysis ("leave-one-study-out", "rule", "cut-points", …)
 * @param name         stable variant name ("without S3", "rule=yager", "cuts=resource:c3*1.25")
 * @param hypothesis   the selected hypothesis (a set of scale atoms); empty when no finding remains
 * @param belief       its belief (0 when empty)
 * @param plausibility its plausibility (0 when empty)
 * @param conflicts    K of each pairwise step
 * @param emptyMass    m(∅) of the result, for the unnormalized conjunctive rule
 * @param findings     findings combined
 * @param studies      studies they come from
 * @param flips        whether the hypothesis differs from the base result
 * @param note         a warning (e.g. "rests on one study") or why the variant failed; "" if none
 */
public record Variant(String analysis, String name, Optional<Long> hypothesis, double belief, double plausibility,
        double[] conflicts, OptionalDouble emptyMass, int findings, int studies, boolean flips, String note) {

    /** Defensive copy. */
    public Variant {
        conflicts = conflicts.clone();
    }

    @Override
    public double[] conflicts() {
        return conflicts.clone();
    }

    /** K of the last step (0 with fewer than two findings). */
    public double lastConflict() {
        return conflicts.length == 0 ? 0.0 : conflicts[conflicts.length - 1];
    }

    /** Mean K (0 with fewer than two findings). */
    public double meanConflict() {
        double s = 0.0;
        for (double k : conflicts) {
            s += k;
        }
        return conflicts.length == 0 ? 0.0 : s / conflicts.length;
    }
}
