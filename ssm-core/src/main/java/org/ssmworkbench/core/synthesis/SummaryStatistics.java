package org.ssmworkbench.core.synthesis;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What an evidence model's relative-improvement samples summarize to. Only the mean and the IQR
 * enter the method (intensity and discount); the rest is reported. Values a source did not publish
 * are empty (the case's single-sample models have no standard deviation).
 *
 * @param n    number of RI samples, if known
 * @param mean mean RI in percent
 * @param std  sample standard deviation (n − 1), if known
 * @param q1   first quartile, if known
 * @param q3   third quartile, if known
 * @param iqr  interquartile range Q3 − Q1 (0 for a single sample)
 */
public record SummaryStatistics(OptionalLong n, double mean, OptionalDouble std, OptionalDouble q1,
        OptionalDouble q3, double iqr) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the mean or IQR is not finite, the IQR is negative, or n &lt; 1
     */
    public SummaryStatistics {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be a finite number, got " + mean);
        }
        if (!Double.isFinite(iqr) || iqr < 0.0) {
            throw new IllegalArgumentException("iqr must be a finite number ≥ 0, got " + iqr);
        }
        if (n.isPresent() && n.getAsLong() < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n.getAsLong());
        }
        if (std.isPresent() && !(Double.isFinite(std.getAsDouble()) && std.getAsDouble() >= 0.0)) {
            throw new IllegalArgumentException("std must be a finite number ≥ 0, got " + std.getAsDouble());
        }
    }

    /** Summary of the given published values (n, std unknown). */
    public static SummaryStatistics of(double mean, double iqr) {
        return new SummaryStatistics(OptionalLong.empty(), mean, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), iqr);
    }

    /**
     * Summarizes RI samples: n, mean, sample standard deviation (empty for one sample), quartiles by
     * {@code method}, IQR.
     *
     * @throws IllegalArgumentException if there are no samples or one is not finite
     */
    public static SummaryStatistics ofSamples(double[] samples, QuantileMethod method) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sample " + v + " is not a finite number");
            }
        }
        Arrays.sort(sorted);
        double mean = 0.0;
        for (int i = 0; i < sorted.length; i++) {
            mean += (samples[i] - mean) / (i + 1);
        }
        OptionalDouble std = OptionalDouble.empty();
        if (sorted.length > 1) {
            double ss = 0.0;
            for (double v : samples) {
                ss += (v - mean) * (v - mean);
            }
            std = OptionalDouble.of(Math.sqrt(ss / (sorted.length - 1)));
        }
        double q1 = method.quantile(sorted, 0.25);
        double q3 = method.quantile(sorted, 0.75);
        return new SummaryStatistics(OptionalLong.of(sorted.length), mean, std, OptionalDouble.of(q1),
                OptionalDouble.of(q3), q3 - q1);
    }
}
