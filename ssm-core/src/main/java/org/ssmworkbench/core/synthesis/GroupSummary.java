package org.ssmworkbench.core.synthesis;

import java.util.OptionalDouble;

/**
 * What a study reports for one group of subjects or runs (the solo programmers, the pairs): its size
 * and either its mean with its standard deviation, or its median with its quartiles (or both).
 *
 * @param n      number of subjects or runs in the group (at least 1; at least 2 when a standard deviation is given)
 * @param mean   mean of the metric, if reported
 * @param sd     sample standard deviation (n − 1), if reported
 * @param median median, if reported
 * @param q1     first quartile, if reported
 * @param q3     third quartile, if reported
 */
public record GroupSummary(long n, OptionalDouble mean, OptionalDouble sd, OptionalDouble median, OptionalDouble q1,
        OptionalDouble q3) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if n &lt; 1, a value is not finite, sd &lt; 0, q1 &gt; q3, only one
     *                                  quartile is given, or neither a mean nor a median is given
     */
    public GroupSummary {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        finite("mean", mean);
        finite("sd", sd);
        finite("median", median);
        finite("q1", q1);
        finite("q3", q3);
        if (sd.isPresent() && sd.getAsDouble() < 0.0) {
            throw new IllegalArgumentException("sd must be ≥ 0, got " + sd.getAsDouble());
        }
        if (q1.isPresent() != q3.isPresent()) {
            throw new IllegalArgumentException("give both quartiles q1 and q3, or neither");
        }
        if (q1.isPresent() && q1.getAsDouble() > q3.getAsDouble()) {
            throw new IllegalArgumentException("q1 " + q1.getAsDouble() + " is above q3 " + q3.getAsDouble());
        }
        if (mean.isEmpty() && median.isEmpty()) {
            throw new IllegalArgumentException("give the group's mean (with sd) or its median (with q1 and q3)");
        }
    }

    /** A group reported as n, mean and standard deviation. */
    public static GroupSummary ofMean(long n, double mean, double sd) {
        return new GroupSummary(n, OptionalDouble.of(mean), OptionalDouble.of(sd), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A group reported as n, median and quartiles. */
    public static GroupSummary ofMedian(long n, double median, double q1, double q3) {
        return new GroupSummary(n, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(median),
                OptionalDouble.of(q1), OptionalDouble.of(q3));
    }

    /** Whether the group has a mean and a standard deviation (what a standardized effect needs). */
    public boolean hasMeanAndSd() {
        return mean.isPresent() && sd.isPresent();
    }

    /** Whether the group has a median and both quartiles. */
    public boolean hasMedianAndQuartiles() {
        return median.isPresent() && q1.isPresent();
    }

    private static void finite(String name, OptionalDouble v) {
        if (v.isPresent() && !Double.isFinite(v.getAsDouble())) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v.getAsDouble());
        }
    }
}
