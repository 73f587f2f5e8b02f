package org.ssmworkbench.core.synthesis;

import java.util.Optional;
import java.util.OptionalDouble;
import org.ssmworkbench.core.ssm.Intensity;

/** What a study reports for one effect of one evidence model. */
public sealed interface EffectInput {

    /** Values the source publication or package recorded for this finding, to show beside computed ones. */
    Recorded recorded();

    /**
     * Summary statistics of RI samples (typed in, or computed from a raw measurement file).
     *
     * @param statistics the summary
     * @param source     where it came from ("summary", or the measurement file's path)
     * @param recorded   published per-finding values, if any
     */
    record FromSummary(SummaryStatistics statistics, String source, Recorded recorded) implements EffectInput {
    }

    /**
     * A summary of RI samples that gives a standard deviation and no IQR; the IQR is derived by the
     * spread policy ({@link Designs#riWithSd}).
     *
     * @param n        number of RI samples, if known
     * @param mean     mean RI in percent
     * @param sd       standard deviation of the RI samples
     * @param source   where it came from ("summary")
     * @param recorded published per-finding values, if any
     */
    record FromRiSd(java.util.OptionalLong n, double mean, double sd, String source, Recorded recorded)
            implements EffectInput {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException if the mean or SD is not finite, the SD is negative, or n &lt; 1
         */
        public FromRiSd {
            if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd < 0.0) {
                throw new IllegalArgumentException("mean and sd must be finite numbers, sd ≥ 0");
            }
            if (n.isPresent() && n.getAsLong() < 1) {
                throw new IllegalArgumentException("n must be at least 1, got " + n.getAsLong());
            }
        }
    }

    /**
     * Two independent groups, baseline and treated ({@link Designs#groups}); the finding's intensity
     * comes from their relative improvement, or from their Hedges' g when {@code standardized}.
     *
     * @param baseline     the baseline (control) group
     * @param treated      the treated group
     * @param standardized whether the finding uses Hedges' g instead of the relative improvement
     * @param source       where it came from ("groups", or the measurement file)
     * @param recorded     published per-finding values, if any
     */
    record FromGroups(GroupSummary baseline, GroupSummary treated, boolean standardized, String source,
            Recorded recorded) implements EffectInput {
    }

    /**
     * A standardized effect as reported ({@link Designs#effectSize}).
     *
     * @param effectSize the reported g or d
     * @param source     where it came from ("effect_size")
     * @param recorded   published per-finding values, if any
     */
    record FromEffectSize(EffectSize effectSize, String source, Recorded recorded) implements EffectInput {
    }

    /**
     * An intensity and mass given directly (e.g. imported from another tool).
     *
     * @param intensity the finding's intensity
     * @param mass      its mass in [0, 1]
     * @param recorded  published per-finding values, if any
     */
    record Direct(Intensity intensity, double mass, Recorded recorded) implements EffectInput {
        /**
         * Validates the mass.
         *
         * @throws IllegalArgumentException if the mass is outside [0, 1]
         */
        public Direct {
            if (!(mass >= 0.0 && mass <= 1.0)) {
                throw new IllegalArgumentException("mass " + mass + " is outside [0, 1]");
            }
        }
    }

    /**
     * Per-finding values a source recorded (the case's effects.json), for comparison only.
     *
     * @param intensity recorded intensity
     * @param discount  recorded discount
     * @param mass      recorded mass ("belief" in the package)
     */
    record Recorded(Optional<Intensity> intensity, OptionalDouble discount, OptionalDouble mass) {
        /** Nothing recorded. */
        public static final Recorded NONE = new Recorded(Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty());

        /** Whether anything is recorded. */
        public boolean isEmpty() {
            return intensity.isEmpty() && discount.isEmpty() && mass.isEmpty();
        }
    }
}
