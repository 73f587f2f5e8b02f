package org.ssmworkbench.core.synthesis;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A standardized mean difference as a study reports it: Hedges' g or Cohen's d of treated minus
 * baseline, (m_treated − m_baseline) / s, with the group sizes or the standard error.
 *
 * @param kind       g or d
 * @param value      the reported value, treated minus baseline (its sign as in the paper)
 * @param nBaseline  size of the baseline group, if reported
 * @param nTreated   size of the treated group, if reported
 * @param se         standard error of the value, if reported
 */
public record EffectSize(Kind kind, double value, OptionalLong nBaseline, OptionalLong nTreated, OptionalDouble se) {

    /** Which statistic was reported. */
    public enum Kind {
        /** Hedges' g: already corrected for small samples. */
        G,
        /** Cohen's d: not corrected; the workbench applies Hedges' correction J. */
        D;

        /** "g" or "d". */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the value or SE is not finite, the SE is not &gt; 0, only one
     *                                  group size is given, a group size is below 2, or neither both
     *                                  group sizes nor the SE are given (or a d has no group sizes)
     */
    public EffectSize {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(kind.id() + " must be a finite number, got " + value);
        }
        if (nBaseline.isPresent() != nTreated.isPresent()) {
            throw new IllegalArgumentException("give both group sizes n_baseline and n_treated, or neither");
        }
        if (nBaseline.isPresent() && (nBaseline.getAsLong() < 2 || nTreated.getAsLong() < 2)) {
            throw new IllegalArgumentException("each group needs at least 2 subjects, got n_baseline "
                    + nBaseline.getAsLong() + " and n_treated " + nTreated.getAsLong());
        }
        if (se.isPresent() && !(Double.isFinite(se.getAsDouble()) && se.getAsDouble() > 0.0)) {
            throw new IllegalArgumentException("se must be a finite number > 0, got " + se.getAsDouble());
        }
        if (nBaseline.isEmpty() && se.isEmpty()) {
            throw new IllegalArgumentException("give the group sizes n_baseline and n_treated, or the standard error se");
        }
        if (kind == Kind.D && nBaseline.isEmpty()) {
            throw new IllegalArgumentException("Cohen's d needs the group sizes n_baseline and n_treated for Hedges'"
                    + " small-sample correction (or give Hedges' g with its se)");
        }
    }
}
