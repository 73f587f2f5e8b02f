package org.ssmworkbench.core.sensitivity;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One variant of one effect's result.
 *
 * @param analysis     the analysis it belongs to
 * @param name         stable variant name ("without S3", "rule=yager", "cuts=resource:c3*1.25")
 * @param status       computed, not applicable (the reason in {@code note}) or failed (likewise)
 * @param hypothesis   the selected hypothesis (a set of scale atoms); empty when no finding remains or
 *                     the variant was not computed
 * @param belief       its belief (0 when empty)
 * @param plausibility its plausibility (0 when empty)
 * @param conflicts    K of each pairwise step
 * @param emptyMass    m(∅) of the result, for the unnormalized conjunctive rule
 * @param findings     findings combined
 * @param studies      studies they come from
 * @param flips        whether the hypothesis differs from the base result (never for a variant not computed)
 * @param note         a warning (e.g. "rests on one study"), or why the variant is not applicable or
 *                     failed; "" if none
 */
public record Variant(AnalysisKind analysis, String name, Status status, Optional<Long> hypothesis, double belief,
        double plausibility, double[] conflicts, OptionalDouble emptyMass, int findings, int studies, boolean flips,
        String note) {

    /** Whether a variant was computed. */
    public enum Status {
        /** Computed. */
        COMPUTED,
        /** The variation does not apply to this synthesis (e.g. an assignment from B where B is unknown). */
        NOT_APPLICABLE,
        /** The variation applies but the method fails on it (e.g. total conflict). */
        FAILED;

        /** Lower-case id with hyphens. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Defensive copy. */
    public Variant {
        conflicts = conflicts.clone();
    }

    /** A variant that was not computed, with the reason. */
    static Variant notComputed(AnalysisKind analysis, String name, Status status, String why) {
        return new Variant(analysis, name, status, Optional.empty(), 0.0, 0.0, new double[0], OptionalDouble.empty(),
                0, 0, false, (status == Status.FAILED ? "failed: " : "not applicable: ") + why);
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
