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
 * @param steps        pairwise combination steps (findings − 1, 0 with fewer than two)
 * @param lastConflict K of the last step (0 without steps)
 * @param conflicts    K of each pairwise step, when the per-step list was asked for
 *                     ({@link SensitivityPlan.Conflicts#FULL}); else empty
 * @param emptyMass    m(∅) of the result, for the unnormalized conjunctive rule
 * @param findings     findings combined
 * @param studies      studies they come from
 * @param flips        whether the hypothesis differs from the base result (never for a variant not computed)
 * @param note         a warning (e.g. "rests on one study"), or why the variant is not applicable or
 *                     failed; "" if none
 */
public record Variant(AnalysisKind analysis, String name, Status status, Optional<Long> hypothesis, double belief,
        double plausibility, int steps, double lastConflict, Optional<double[]> conflicts, OptionalDouble emptyMass,
        int findings, int studies, boolean flips, String note) {

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
        conflicts = conflicts.map(double[]::clone);
    }

    /** A variant that was not computed, with the reason. */
    static Variant notComputed(AnalysisKind analysis, String name, Status status, String why) {
        return new Variant(analysis, name, status, Optional.empty(), 0.0, 0.0, 0, 0.0, Optional.empty(),
                OptionalDouble.empty(), 0, 0, false, (status == Status.FAILED ? "failed: " : "not applicable: ") + why);
    }

    /** The same variant under another analysis and name (a result shared by two variations). */
    Variant renamed(AnalysisKind a, String n) {
        return new Variant(a, n, status, hypothesis, belief, plausibility, steps, lastConflict, conflicts, emptyMass,
                findings, studies, flips, note);
    }

    @Override
    public Optional<double[]> conflicts() {
        return conflicts.map(double[]::clone);
    }

    /** Mean K over the steps, when the per-step list was kept. */
    public OptionalDouble meanConflict() {
        if (conflicts.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] ks = conflicts.get();
        double s = 0.0;
        for (double k : ks) {
            s += k;
        }
        return OptionalDouble.of(ks.length == 0 ? 0.0 : s / ks.length);
    }

    /** The selected hypothesis as people read it; empty as {@link #hypothesis()}. */
    public Optional<org.ssmworkbench.core.ssm.Hypothesis> asHypothesis() {
        return hypothesis.map(org.ssmworkbench.core.ssm.Hypothesis::of);
    }
}
