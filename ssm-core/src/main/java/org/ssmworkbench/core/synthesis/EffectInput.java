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
