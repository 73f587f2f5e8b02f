package org.ssmworkbench.core.synthesis;

import java.util.Locale;

/** Whether a larger value of an effect's metric is an improvement. */
public enum Direction {
    /** Accuracy, F1, DSC: RI = (q − b) / b × 100. */
    HIGHER_IS_BETTER("higher"),
    /** Energy, power, latency, size, utilization: RI = (b − q) / b × 100. */
    LOWER_IS_BETTER("lower");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    /** "higher" or "lower", as written in project files. */
    public String id() {
        return id;
    }

    /**
     * Relative improvement in percent of a treated (quantized) run over its baseline run; positive
     * always means the intervention improved the metric.
     *
     * @throws IllegalArgumentException if the baseline is zero, a value is not finite, or the result overflows
     */
    public double relativeImprovement(double baseline, double treated) {
        if (!Double.isFinite(baseline) || !Double.isFinite(treated)) {
            throw new IllegalArgumentException("values must be finite (baseline " + baseline + ", treated "
                    + treated + ")");
        }
        if (baseline == 0.0) {
            throw new IllegalArgumentException("baseline is zero: the relative improvement is undefined");
        }
        double d = this == HIGHER_IS_BETTER ? treated - baseline : baseline - treated;
        double ri = d / baseline * 100.0;
        if (!Double.isFinite(ri)) {
            throw new IllegalArgumentException("the relative improvement of " + treated + " over the baseline "
                    + baseline + " is too large to compute (the baseline is almost zero against the difference)");
        }
        return ri;
    }

    /**
     * Parses "higher" / "lower" (also "higher-is-better", "lower-is-better").
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Direction byId(String text) {
        String k = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (k.equals("higher") || k.equals("higher-is-better")) {
            return HIGHER_IS_BETTER;
        }
        if (k.equals("lower") || k.equals("lower-is-better")) {
            return LOWER_IS_BETTER;
        }
        throw new IllegalArgumentException("'" + text + "' is not a direction (expected higher or lower)");
    }
}
